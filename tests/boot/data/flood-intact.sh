#!/usr/bin/env bash
# flood-intact.sh CONSOLE SERIAL - after `xl destroy` in the middle of
# conflood's output, what arrived is every line from 1 on, in order, each
# intact (its checksum right); only the very last line may be cut short,
# as the guest may have been writing it when it was destroyed. At least
# the line that triggered the destroy must be there (TRIGGER, default
# 3000, is that line's number).
set -eu
console=$1
awk -v trigger=${TRIGGER:-3000} '
	/^pvmini / { next }
	/^flood: line [0-9]+ check [0-9]+$/ && !wrong {
		n++
		if ($3 != n) { print "line " n " missing (got " $3 ")"; bad = 1; exit }
		# A wrong checksum is corruption - unless it is the last line,
		# cut inside its digits ("check 17" of "check 172600").
		if ($5 != (n * 2654435761) % 1000003) { wrong = NR; n--; partial++; last = NR }
		next
	}
	{ partial++; last = NR }
	END {
		if (bad) exit 1
		if (wrong && wrong != NR) { print "line " n + 1 " corrupt"; exit 1 }
		if (partial > 1 || (partial && last != NR)) {
			print "a cut line before the end"; exit 1
		}
		if (n < trigger) { print "only " n " lines before the destroy"; exit 1 }
		print "flood-intact: " n " lines in order and intact" (partial ? ", the last cut short" : "")
	}' "$console"
