#!/usr/bin/env bash
# printk-intact.sh CONSOLE SERIAL - printkrace's output: every thread
# line and every handler line arrived once, in order, whole (its
# checksum right, nothing else on it), the console lived to print the
# summary, and the handler printed often while the thread did (or the
# race was never run).
set -eu
awk '
	function check(n) { return (n * 2654435761) % 1000003 }
	/^pvmini / { next }
	/^printkrace: thread line [0-9]+ check [0-9]+$/ {
		if ($4 != thread || $6 != check($4)) {
			print "thread line " thread " missing or broken: " $0; bad = 1; exit 1
		}
		thread++; next
	}
	/^printkrace: handler line [0-9]+ check [0-9]+$/ {
		if ($4 != handler || $6 != check($4)) {
			print "handler line " handler " missing or broken: " $0; bad = 1; exit 1
		}
		handler++
		if (thread > 0 && !done) between++
		next
	}
	/^printkrace: [0-9]+ thread lines, [0-9]+ handler lines$/ {
		done = 1; want_thread = $2; want_handler = $5; next
	}
	{ print "unexpected line: " $0; bad = 1; exit 1 }
	END {
		if (bad) exit 1
		if (!done) { print "no summary: the console died"; exit 1 }
		if (thread != want_thread || handler != want_handler) {
			print "got " thread "/" want_thread " thread and " handler "/" want_handler " handler lines"
			exit 1
		}
		if (between < 50) { print "only " between " handler lines amid the thread'"'"'s"; exit 1 }
		print "printk-intact: " thread " thread and " handler " handler lines, " between " amid the thread'"'"'s, all whole"
	}' "$1"
