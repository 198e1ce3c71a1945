#!/usr/bin/env bash
# stats-check.sh CONSOLE SERIAL - what apps/stats printed for the numbers
# on the args line of tests/boot/stats-xl.t, against the same statistics
# computed here by awk (whose printf is C's): sums in input order, the
# population standard deviation, the median of the sorted list.
set -eu
console=$1
err() { echo "stats-check: $*"; exit 1; }

nums=$(sed -n 's/^args[[:space:]]*--[[:space:]]*//p' \
	"$(dirname "$0")/../stats-xl.t")
[ -n "$nums" ] || err "no args line in stats-xl.t"
want=$(echo "$nums" | awk '{
	n = NF; sum = 0
	for (i = 1; i <= n; i++) { v[i] = $i + 0; sum += v[i] }
	mean = sum / n; sq = 0
	for (i = 1; i <= n; i++) sq += (v[i] - mean) * (v[i] - mean)
	for (i = 2; i <= n; i++) {	# insertion sort
		x = v[i]
		for (j = i - 1; j >= 1 && v[j] > x; j--) v[j + 1] = v[j]
		v[j + 1] = x
	}
	med = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	printf "sorted:"
	for (i = 1; i <= n; i++) printf " %g", v[i]
	printf "\n"
	printf "count %d min %g max %g sum %.6g\n", n, v[1], v[n], sum
	printf "mean %.6g median %.6g stddev %.6g\n", mean, med, sqrt(sq / n)
}')
got=$(grep -E '^(sorted:|count |mean )' "$console") ||
	err "no statistics in the console log"
[ "$got" = "$want" ] || err "printed:
$got
expected:
$want"
