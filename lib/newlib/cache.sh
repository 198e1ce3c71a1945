# lib/newlib/cache.sh - sourced by lib/newlib/build.sh and lib/lwip/build.sh:
# a library built once into the cache, under $CACHE/NAME-KEY/.
#
#   cache_open NAME KEY RESULT   OUT=$CACHE/NAME-KEY; if OUT/RESULT is
#                                there, prints OUT (--print-dir) and exits 0;
#                                else takes the lock (a concurrent run
#                                builds it once) and makes TMP and its LOG
#   step MESSAGE CMD...          CMD's output into LOG; on failure the
#                                log's tail and a clear stop
#   cache_close                  $TMP/out becomes OUT, all at once
#
# The caller sets CACHE and PRINT_DIR and defines say and die.

cache_done() {
	[ "$PRINT_DIR" = 1 ] && echo "$OUT"
	exit 0
}

cache_open() {
	OUT=$CACHE/$1-$2
	CACHE_RESULT=$OUT/$3
	[ -f "$CACHE_RESULT" ] && cache_done
	mkdir -p "$CACHE"
	exec 9>"$CACHE/$1.lock"
	if ! flock -n 9; then
		say "another build is running; waiting for it"
		flock 9
	fi
	[ -f "$CACHE_RESULT" ] && cache_done # the other run built it
	TMP=$(mktemp -d "$CACHE/$1-$2.tmp.XXXXXX")
	trap 'rm -rf "$TMP"' EXIT
	LOG=$TMP/build.log
	FAILED_LOG=$CACHE/$1-$2.failed.log
	START=$(date +%s)
}

step() {
	say "$1"
	shift
	"$@" >>"$LOG" 2>&1 || {
		tail -n 30 "$LOG" >&2
		cp "$LOG" "$FAILED_LOG"
		die "step failed; whole log: $FAILED_LOG"
	}
}

cache_close() {
	mv "$TMP/out" "$OUT"
	say "done in $(($(date +%s) - START)) s: $OUT"
}
