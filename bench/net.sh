#!/usr/bin/env bash
# net.sh - pvmini's network appliance against the one a user would build
# instead: the rig's Linux domU (Debian's kernel, busybox initramfs)
# running busybox httpd. One dom0 boot (xl-batch), the guests one after
# the other, dom0's client the same for both (tests/rig/httppeer.c,
# bench/dom0/net-client.sh). Figures, and ratios pvmini/Linux:
#  (a) guest -> dom0: GET /bytes/100000000, MB/s (two runs each; Linux
#      serves a pre-made file of the same pattern from its RAM: busybox
#      httpd has no generator, and a CGI would add a pipe and a fork);
#  (b) dom0 -> guest: 100 MB into a discard server (pvmini: apps/echo's
#      port 9; Linux: busybox nc -l -e dd of=/dev/null bs=1M: nc's own
#      loop reads in small pieces and made Linux 4x slower), MB/s;
#  (c) latency of 1000 small requests (GET / = index.html, 645 bytes):
#      median and p99 on one keep-alive connection (busybox httpd closes
#      after every answer, so its client reconnects each time), and with
#      a new connection each for both;
#  (d) boot-to-first-response: from xl create to the first HTTP 200,
#      dom0 trying a new connection every 20 ms;
#  (e) the smallest memory= at which the appliance serves (the first 200
#      within 90 s, then 100 requests), over a few values;
#  (f) image size: pvmini's ELF; Linux's kernel and initramfs.
# pvmini's httpd runs with log=0 (busybox httpd logs nothing either).
# NET_BENCH_B=DIR also runs DIR/httpd.elf and DIR/echo.elf (another
# build, e.g. before a change) in the same boot, for (a) to (d).
# Under QEMU TCG with one emulated CPU shared by dom0 and the guest:
# absolute figures are this machine's, the ratios are what compare.
set -eu
cd "$(dirname "$0")/.."
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
PV_MEMS="3 4" LX_MEMS="80 82 84 88"
B=${NET_BENCH_B:-}
mac() { printf '00:16:3e:00:00:%02x' "$1"; }
# pvmini NAME APP ADDR-BYTE WHAT [memory]; IMAGES: where the ELFs are
IMAGES=build
pvmini() {
	local d=$jobs/$1
	mkdir -p "$d/files"
	cp "$IMAGES/$2.elf" "$d/image"
	cp "apps/$2/$2.cfg" "$d/cfg"
	cp bench/dom0/net-client.sh "$d/files/"
	{
		echo "vif=['bridge=xenbr0,mac=$(mac "$3"),ip=192.0.2.$3']"
		[ "$2" = httpd ] && echo 'extra="-- log=0"'
		[ -n "${5:-}" ] && echo "memory=$5"
	} >"$d/extra"
	echo "after 0 run sh \$FILES/net-client.sh $4 192.0.2.$3 $(mac "$3") pvmini" \
		>"$d/actions"
	echo 200 >"$d/timeout"
}
# linux NAME ADDR-BYTE WHAT [memory]: busybox httpd serves apps/httpd/www
linux() {
	local d=$jobs/$1
	mkdir -p "$d/files" "$d/linux-files"
	cp -r apps/httpd/www "$d/linux-files/"
	cp bench/dom0/net-client.sh "$d/files/"
	{
		echo 'cp -r /rig/files/www /www'
		if [ "$3" = bulk ]; then
			cp "$jobs/httppeer-static" "$d/linux-files/httppeer"
			# the root is a tmpfs of half the RAM: too small
			echo 'mkdir /www/bytes && mount -t tmpfs -o size=110m tmpfs /www/bytes || exit 1'
			echo 'for n in 1000000 100000000; do /rig/files/httppeer pattern /www/bytes/$n $n || exit 1; done'
			# discard: dd reads the socket in up to 1 MiB pieces
			echo '(while :; do nc -l -p 9 -e dd of=/dev/null bs=1M 2>/dev/null; done) &'
		fi
		echo 'httpd -p 80 -h /www && echo ready'
		echo 'sleep 1000'
	} >"$d/linux"
	{
		echo "vif=['bridge=xenbr0,mac=$(mac "$2"),ip=192.0.2.$2']"
		echo "extra=\"console=hvc0 quiet ip=192.0.2.$2/24\""
		[ -n "${4:-}" ] && echo "memory=$4"
	} >"$d/extra"
	echo "after 0 run sh \$FILES/net-client.sh $3 192.0.2.$2 $(mac "$2") linux" \
		>"$d/actions"
	echo 240 >"$d/timeout"
}
gcc -O2 -static -s -o "$jobs/httppeer-static" tests/rig/httppeer.c
pvmini 01-pv-serve httpd 80 serve
pvmini 02-pv-bulk httpd 80 bulk
pvmini 03-pv-discard echo 81 discard
if [ -n "$B" ]; then
	IMAGES=$B
	pvmini 06-pvb-serve httpd 80 serve
	pvmini 07-pvb-bulk httpd 80 bulk
	pvmini 08-pvb-discard echo 81 discard
	IMAGES=build
fi
linux 04-lx-serve 82 serve
linux 05-lx-bulk 82 bulk 320
for m in $PV_MEMS; do pvmini "10-pv-mem-$(printf %03d "$m")" httpd 80 probe "$m"; done
for m in $LX_MEMS; do linux "20-lx-mem-$(printf %03d "$m")" 82 probe "$m"; done
for d in "$jobs"/*-mem-*; do echo 120 >"$d/timeout"; done
rm "$jobs/httppeer-static"
tests/rig/xl-batch -t 240 "$jobs" 2>/dev/null || true

# value JOB SED: the first number the sed expression prints from xl.log
value() { sed -n "$2" "$jobs/$1/xl.log" 2>/dev/null | head -n 1; }
nth() { sed -n "$2" "$jobs/$1/xl.log" 2>/dev/null | sed -n "${3}p"; }
FIRST='s/^httppeer: first 200 after \([0-9.]*\) s.*/\1/p'
GET='s/^httppeer: get \/bytes\/100000000: .* \([0-9.]*\) MB\/s$/\1/p'
SEND='s/^netpeer: send: 100000000 bytes, .* \([0-9.]*\) MB\/s$/\1/p'
reqs() { # job ka|new median|p99
	local n=1
	[ "$2" = new ] && n=2
	nth "$1" "s/^httppeer: 1000 requests .* median \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\1 \2/p" $n |
		awk -v f="$3" '{ print (f == "median" ? $1 : $2) }'
}
best() { awk 'NF { if ($1 > m) m = $1 } END { if (m != "") print m }'; }
smallest() { # prefix: the least memory= whose probe served
	for d in "$jobs"/$1-mem-*; do
		grep -q '^probe: serves$' "$d/xl.log" 2>/dev/null &&
			{ echo $((10#${d##*-})); return; }
	done
}
probes() { # prefix: memory=result for each probe
	for d in "$jobs"/$1-mem-*; do
		printf ' %d:%s' $((10#${d##*-})) "$(grep -q '^probe: serves$' "$d/xl.log" 2>/dev/null &&
			echo serves || cat "$d/result" 2>/dev/null || echo none)"
	done
}
cache=$(tests/rig/setup --print-dir)
pv_size=$(stat -c %s build/httpd.elf)
strip -o "$jobs/httpd.stripped" build/httpd.elf
pv_strip=$(stat -c %s "$jobs/httpd.stripped")
lx_kernel=$(stat -c %s "$cache/vmlinux.gz")
lx_initrd=$(stat -c %s "$cache/linux-domu.cpio")

echo "== net: pvmini httpd/echo vs Linux domU busybox httpd/nc, one dom0 boot =="
for j in "$jobs"/[0-9]*; do printf '%s=%s ' "${j##*/}" "$(cat "$j/result" 2>/dev/null || echo none)"; done
echo
A=pvmini Z=linux # the two columns
row() { # label unit A's Z's goal(>=N or <=N, or none): the ratio A/Z
	awk -v l="$1" -v u="$2" -v p="$3" -v x="$4" -v g="$5" -v a="$A" -v z="$Z" 'BEGIN {
		if (p == "" || x == "" || x + 0 == 0) {
			printf "%-44s %s %10s  %s %10s  (no ratio)\n", l, a,
				(p == "" ? "-" : p " " u), z, (x == "" ? "-" : x " " u)
			exit
		}
		r = p / x; op = substr(g, 1, 2); v = substr(g, 3) + 0
		ok = (op == ">=" ? r >= v : r <= v) ? "met" : "missed"
		printf "%-44s %s %10s  %s %10s  ratio %7.3fx%s\n", l, a,
			p " " u, z, x " " u, r, (g == "" ? "" : "  goal " op v "x: " ok) }'
}
bestget() { { value "$1" "$GET"; nth "$1" "$GET" 2; } | best; }
# rows SERVE BULK DISCARD SERVE BULK DISCARD THROUGHPUT LATENCY BOOT:
# (a) to (d), the first three jobs against the last three, with goals
rows() {
	local m s
	row "(a) GET 100 MB guest->dom0 (best of 2)" MB/s "$(bestget "$2")" \
		"$(bestget "$5")" "$7"
	row "(b) 100 MB dom0->guest (discard)" MB/s "$(value "$3" "$SEND")" \
		"$(value "$6" "$SEND")" "$7"
	for m in "ka:keep-alive" "new:new connection each"; do
		for s in median p99; do
			row "(c) 1000 GET /, ${m#*:}: $s" ms \
				"$(reqs "$1" "${m%%:*}" $s)" \
				"$(reqs "$4" "${m%%:*}" $s)" "$8"
		done
	done
	row "(d) xl create to first HTTP 200" s "$(value "$1" "$FIRST")" \
		"$(value "$4" "$FIRST")" "$9"
}
if [ -n "$B" ]; then
	A=build Z=B
	echo "-- build/ against B ($B): build/B, goal: no worse --"
	rows 01-pv-serve 02-pv-bulk 03-pv-discard \
		06-pvb-serve 07-pvb-bulk 08-pvb-discard ">=1.0" "<=1.0" "<=1.0"
	A=pvmini Z=linux
	echo "-- pvmini (build/) against Linux: pvmini/Linux --"
fi
rows 01-pv-serve 02-pv-bulk 03-pv-discard 04-lx-serve 05-lx-bulk 05-lx-bulk \
	">=1.0" "<=0.5" "<=0.1"
row "(e) smallest memory= that serves" MiB \
	"$(smallest 10-pv)" "$(smallest 20-lx)" "<=0.1"
echo "    probes: pvmini$(probes 10-pv); linux$(probes 20-lx)"
row "(f) image: ELF vs kernel.gz + initramfs" bytes \
	"$pv_size" "$((lx_kernel + lx_initrd))" ""
row "(f) image: stripped ELF vs the same" bytes \
	"$pv_strip" "$((lx_kernel + lx_initrd))" ""
echo "    pvmini httpd.elf $pv_size bytes ($pv_strip stripped);" \
	"Linux vmlinux.gz $lx_kernel + linux-domu.cpio $lx_initrd" \
	"($(stat -c %s "$cache/vmlinux") inflated)"
for j in "$jobs"/0[2-8]-*; do
	sed -n "s/^vif: /    ${j##*/}: /p" "$j/xl.log" 2>/dev/null
done
for j in 01-pv-serve 04-lx-serve; do
	echo "    $j: $(grep -h '^rig: xl create -F ran' "$jobs/$j/xl.log" 2>/dev/null)"
done
[ -n "${NET_BENCH_KEEP:-}" ] && cp -r "$jobs" "$NET_BENCH_KEEP"
exit 0
