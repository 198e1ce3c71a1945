#!/bin/sh
# kv-peer.sh (in dom0) - apps/kvstore's clients, busybox nc and awk:
#   kv-peer.sh basic ADDR   requests and their replies, bad lines, four
#                           clients at once, a restart on the same disk
#                           (rig-restart), then xl shutdown
#   kv-peer.sh crash ADDR   three rounds of: a PUT storm from three
#                           clients, `xl destroy` once a round's number of
#                           PUTs is acknowledged (at least 300, 1000,
#                           2000 of 9000), a new domain on the same disk
#                           (rig-restart), and every round's data checked;
#                           then xl shutdown
# A client pipelines its requests (nc reads a file); the server answers
# each in order, so the first n replies that are OK acknowledge exactly
# the first n PUTs. In a storm, PUT i of client c in round r sets key
# r<r>c<c>-<i mod 100> to a value naming i: keys are overwritten (the
# log gets garbage, compaction runs), and a check reads every key and
# finds the i of its value. What the disk holds must be the state after
# the first P PUTs for one P no smaller than the number acknowledged:
# nothing acknowledged lost, nothing out of order.
# Output: "peer: ..." lines, which the .t files match.
ip=$2 port=7070 W=/tmp/kvpeer
mkdir -p $W
PAD=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ

# Waits until the console has N lines saying the store serves.
serving() {
	i=0
	while [ "$(grep -c '^kvstore: serving on' "$CONSOLE")" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -gt 300 ] && { echo "peer: no domain serving ($1)"; exit 1; }
		sleep 0.1
	done
}

# The requests of stdin, replies on stdout (nc ends when the server
# closes after the half-close nc makes at the end of its input).
ask() { timeout 30 nc "$ip" $port; }

# PUT lines of round $1, client $2: $3 of them over $4 keys.
puts() {
	awk -v r="$1" -v c="$2" -v n="$3" -v m="$4" -v pad=$PAD 'BEGIN {
		for (i = 1; i <= n; i++)
			printf "PUT r%dc%d-%d %d.%d.%d %s\n", r, c, i % m, i, r, c, pad }'
}

# Checks round $1, client $2: $3 of $4 PUTs over $5 keys acknowledged.
check() {
	awk -v r="$1" -v c="$2" -v m="$5" 'BEGIN {
		for (k = 0; k < m; k++) printf "GET r%dc%d-%d\n", r, c, k }' |
		ask >$W/get.$1.$2
	awk -v r="$1" -v c="$2" -v a="$3" -v n="$4" -v m="$5" -v pad=$PAD '
		function last(p, k, m,  i) { # the last PUT i <= p to key k
			if (k > p) return 0
			i = p - (p - k) % m
			return i < 1 ? 0 : i }
		{ k = NR - 1
		  if ($0 == "NOTFOUND") { got[k] = 0; next }
		  split($2, f, ".")
		  if ($1 != "VALUE" || f[2] != r || f[3] != c || $3 != pad ||
		      f[1] % m != k || f[1] < 1 || f[1] > n) { bad++; got[k] = -1; next }
		  got[k] = f[1]; if (f[1] > p) p = f[1] }
		END { if (p < a) p = a
		      # the state after the first p PUTs: key k holds the
		      # last i <= p with i % m == k
		      for (k = 0; k < m; k++) {
			  want = last(p, k, m); had = last(a, k, m)
			  if (had) acked++
			  if (got[k] == want) { if (had) ok++ }
			  else if (got[k] != -1) wrong++ }
		      printf "peer: round %d client %d: %d of %d PUTs acknowledged; %d of %d keys hold their last acknowledged value or a later one of the same prefix (the first %d PUTs), %d wrong, %d malformed; %d replies for %d keys\n",
			r, c, a, n, ok, acked, p, wrong, bad, NR, m
		      exit !(ok == acked && !wrong && !bad && NR == m) }' $W/get.$1.$2
}

basic() {
	printf 'PUT a 1\nPUT b two words\nGET a\nGET b\nDEL a\nGET a\nDEL a\nPUT b 2\nGET b\nGET nothing\nFROB x\nPUT a\nGET a b\n\nSTATS\nQUIT\nGET b\n' |
		ask | sed 's/^/peer: reply: /'
	long=$(awk 'BEGIN { while (n++ < 129) printf "k" }')
	big=$(awk 'BEGIN { while (n++ < 2000) printf "v" }')
	printf 'GET %s\nPUT x %s\nGET b\n' "$long" "$big" | ask | sed 's/^/peer: reply: /'
	for c in 1 2 3 4; do
		puts 0 $c 300 300 | ask >$W/put.0.$c &
	done
	wait
	for c in 1 2 3 4; do
		echo "peer: client $c: $(grep -c '^OK$' $W/put.0.$c) of 300 PUTs acknowledged"
	done
	rig-restart
	serving 2
	for c in 1 2 3 4; do check 0 $c 300 300 300; done
	printf 'GET a\nGET b\n' | ask | sed 's/^/peer: after restart: /'
	xl shutdown "$NAME"
}

crash() {
	r=1
	while [ $r -le 3 ]; do
		case $r in 1) acks=300 ;; 2) acks=1000 ;; *) acks=2000 ;; esac
		for c in 1 2 3; do
			puts $r $c 3000 100 >$W/req.$r.$c
		done
		timeout 60 nc "$ip" $port <$W/req.$r.1 >$W/put.$r.1 &
		p1=$!
		timeout 60 nc "$ip" $port <$W/req.$r.2 >$W/put.$r.2 &
		p2=$!
		timeout 60 nc "$ip" $port <$W/req.$r.3 >$W/put.$r.3 &
		p3=$!
		i=0
		while [ "$(cat $W/put.$r.* | grep -c '^OK$')" -lt $acks ]; do
			i=$((i + 1))
			[ $i -gt 600 ] && break
			sleep 0.05
		done
		echo "peer: round $r: destroying at $(cut -d' ' -f1 /proc/uptime) s"
		rig-restart
		kill $p1 $p2 $p3 2>/dev/null
		wait
		total=0
		for c in 1 2 3; do
			n=$(grep -c '^OK$' $W/put.$r.$c)
			eval ack$r$c=$n
			total=$((total + n))
		done
		echo "peer: round $r: destroyed with $total PUTs acknowledged (at least $acks wanted), $(grep -c '^kvstore: compacted' "$CONSOLE") compaction(s) so far"
		serving $((r + 1))
		echo "peer: round $r: the new domain serves at $(cut -d' ' -f1 /proc/uptime) s"
		q=1 ok=0
		while [ $q -le $r ]; do
			for c in 1 2 3; do
				eval a=\$ack$q$c
				check $q $c "$a" 3000 100 && ok=$((ok + 1))
			done
			q=$((q + 1))
		done
		echo "peer: round $r: after the restart, $ok of $((3 * r)) clients' data intact (at $(cut -d' ' -f1 /proc/uptime) s)"
		r=$((r + 1))
	done
	xl shutdown "$NAME"
}

"$@"
