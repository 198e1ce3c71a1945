# tests/runner/xl-batches.sh - sourced by tests/run: the xl boot tests
# in XL_BATCHES rigs at once, and each test's time for the next run.
#
# The xl guests run in XL_BATCHES dom0 boots at once, in the background,
# while tests/run goes on with the host tests: each rig is one single-CPU QEMU, so on
# two cores two batches take about half the time of one. Each batch dir
# holds links to its tests' job dirs; tests go to the batch with the least
# work so far, longest first, by their times in the last run
# ($TIMES, written by record_times), or by their timeout if new.
XL_BATCHES=${XL_BATCHES:-2}
TIMES=${TEST_TIMES:-build/test-times}
declare -A BATCH_OF=()
batch_pids=()

# Starts the batches of XL_TESTS (tests/run's job dirs in $LOGS/xl)
# in the background: batch b's pid in batch_pids[b], each test's batch
# in BATCH_OF.
start_xl_batches() {
	local t name secs line b best order load
	[ ${#XL_TESTS[@]} -gt 0 ] || return 0
	mapfile -t order < <(
		for t in "${XL_TESTS[@]}"; do
			name=${t##*/} name=${name%.t}
			secs=$(awk -v n="$name" '$1 == n { print $2 }' "$TIMES" 2>/dev/null)
			if [ -z "$secs" ]; then
				read_test "$t"
				secs=$((T_TIMEOUT > 30 ? T_TIMEOUT / 2 : 3))
			fi
			echo "$secs $name"
		done | sort -k1,1nr -k2)
	load=()
	for ((b = 1; b <= XL_BATCHES; b++)); do
		load[b]=0
		mkdir -p "$LOGS/xl-b$b"
	done
	for line in "${order[@]}"; do
		secs=${line%% *} name=${line#* } best=1
		# libvirt jobs (JOB/xml) share one boot: libvirtd starts once.
		for ((b = 2; b <= XL_BATCHES; b++)); do
			[ -e "$LOGS/xl/$name/xml" ] ||
				[ "${load[b]}" -ge "${load[best]}" ] || best=$b
		done
		load[best]=$((load[best] + secs + 1))
		BATCH_OF[$name]=$best
		ln -s "../xl/$name" "$LOGS/xl-b$best/$name"
	done
	for ((b = 1; b <= XL_BATCHES; b++)); do
		[ "${load[b]}" -gt 0 ] || continue
		date +%s.%N >"$LOGS/xl-b$b/started"
		tests/rig/xl-batch -t 30 "$LOGS/xl-b$b" \
			>"$LOGS/xl-batch$b.log" 2>&1 &
		batch_pids[b]=$!
	done
}

# Each job's wall time in its batch: from the previous job's end (or the
# batch's start plus a dom0 boot) to its own result.
record_times() {
	local b prev now n
	: >"$TIMES.new"
	for ((b = 1; b <= XL_BATCHES; b++)); do
		[ -f "$LOGS/xl-b$b/started" ] || continue
		prev=$(awk '{ print $1 + 5 }' "$LOGS/xl-b$b/started")
		while read -r now n; do
			awk -v n="$n" -v a="$prev" -v b="$now" \
				'BEGIN { d = b - a; printf "%s %d\n", n, d < 1 ? 1 : d + 0.5 }'
			prev=$now
		done < <(for j in "$LOGS/xl-b$b"/*/result; do
			[ -f "$j" ] && echo "$(stat -c %.9Y "$j") $(basename "$(dirname "$j")")"
		done | sort -n) >>"$TIMES.new"
	done
	# Tests not run this time (ONLY=) keep their old figure.
	[ -f "$TIMES" ] && awk 'NR == FNR { seen[$1] = 1; next } !($1 in seen)' \
		"$TIMES.new" "$TIMES" >>"$TIMES.new"
	mv "$TIMES.new" "$TIMES"
}
