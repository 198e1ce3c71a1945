#!/usr/bin/env bash
# mcbench.sh - the multicall benchmark (tests/apps/mcbench) under real xl:
# ops/s one hypercall at a time vs batched, in guest time, one run.
set -eu
cd "$(dirname "$0")/.."
echo "== multicall: one-by-one vs batched (tests/apps/mcbench, under xl) =="
tests/rig/xl-run -t 300 build/mcbench.elf tests/apps/mcbench/mcbench.cfg
