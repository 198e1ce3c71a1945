#!/usr/bin/env bash
# events.sh - the events/threads/idle benchmark (apps/eventbench) under
# real xl: self-notify round trip and thread switch cost in guest ns and
# as multiples of a null hypercall, and how often the idle loop woke
# without work during a 5 s sleep (goal: 0). One run.
set -eu
cd "$(dirname "$0")/.."
echo "== events: notify round trip, thread switch, idle (apps/eventbench, under xl) =="
tests/rig/xl-run -t 120 build/eventbench.elf apps/eventbench/eventbench.cfg
