#!/usr/bin/env bash
# channel.sh - a channel's throughput (apps/chanecho under xl, one dom0
# boot): 10000 lines (200 KB) out of the guest and 5000 lines (260 KB)
# into it, over a pty channel and over a Unix-socket channel. Reports,
# from the guest's own counts and clock: bytes per event-channel notify
# each way, and KB/s each way, with socket/pty as a ratio from the one
# run (the machine's load cancels out of the ratio, not of the KB/s).
set -eu
cd "$(dirname "$0")/.."
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
OUT=10000 IN=5000
job() { # name channel-line
	mkdir -p "$jobs/$1/files"
	cp build/chanecho.elf "$jobs/$1/image"
	cp apps/chanecho/chanecho.cfg "$jobs/$1/cfg"
	printf 'channel = [ "connection=pty,name=org.pvmini.placeholder", "%s" ]\n' \
		"$2" >"$jobs/$1/extra"
	cp bench/dom0/channel-peer.sh tests/boot/data/channel.sh "$jobs/$1/files/"
	echo "on ^chanecho: ready run sh \$FILES/channel-peer.sh $OUT $IN" \
		>"$jobs/$1/actions"
}
job 1-pty "connection=pty,name=org.pvmini.echo"
job 2-socket "connection=socket,path=/tmp/bench.sock,name=org.pvmini.echo"
tests/rig/xl-batch -t 300 "$jobs" 2>/dev/null

echo "== channel: $OUT lines out, $IN lines in (apps/chanecho, under xl) =="
for j in 1-pty 2-socket; do
	# "stats: out B bytes, N notifies, K kicks; in B bytes, E events;
	#  lines: B bytes in T us; count: B bytes in T us" -> its numbers
	nums=$(sed -n "s/^peer: got 'stats: \(.*\)'$/\1/p" "$jobs/$j/xl.log" |
		tr -c '0-9\n' ' ')
	if [ -z "$nums" ]; then
		echo "${j#*-}: no figures (result: $(cat "$jobs/$j/result"))"
		continue
	fi
	echo "${j#*-} $nums" >>"$jobs/figures"
done
[ -f "$jobs/figures" ] && awk '
	{ name = $1; bo = $2; nt = $3; kk = $4; bi = $5; ev = $6
	  out[name] = $7 / 1024 / ($8 / 1e6); in_[name] = $9 / 1024 / ($10 / 1e6)
	  printf "%-6s out %3d KB at %6.0f KB/s, in %3d KB at %6.0f KB/s (guest clock); %4.0f bytes per notify, %5.0f per event, %d kicks\n",
		name, $7 / 1024, out[name], $9 / 1024, in_[name],
		(bo + bi) / (nt + kk), (bo + bi) / ev, kk }
	END { if (("pty" in out) && ("socket" in out))
		printf "socket/pty: out %.2fx, in %.2fx\n",
			out["socket"] / out["pty"], in_["socket"] / in_["pty"] }' "$jobs/figures"
