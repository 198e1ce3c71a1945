#!/usr/bin/env bash
# libvirt-xml.sh - every app's libvirt domain XML (build/<app>.xml, made by
# `make apps` from its xl cfg with apps/cfg2xml) is current and valid
# against libvirt's own schema (domain.rng from Debian's libvirt0, kept in
# the rig's cache), and the generator maps and refuses what it says.
set -u
cd "$(dirname "$0")/../.." || exit 1
err() { echo "libvirt-xml: $*"; exit 1; }
has() { grep -qF -- "$2" <<<"$1" || err "$3: no '$2' in: $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

schemas=$(tests/rig/setup --print-dir)/libvirt-schemas
[ -f "$schemas/domain.rng" ] || err "no libvirt schema in the rig's cache ($schemas)"
command -v xmllint >/dev/null || err "xmllint missing (Debian: libxml2-utils)"

n=0
for cfg in apps/*/*.cfg tests/apps/*/*.cfg; do
	app=$(basename "$cfg" .cfg)
	[ "$(basename "$(dirname "$cfg")")" = "$app" ] || continue
	xml=build/$app.xml
	[ -f "$xml" ] || err "$xml missing (make apps makes it from $cfg)"
	k=$(sed -n 's|^    <kernel>\(.*\)/[^/]*</kernel>$|\1|p' "$xml")
	apps/cfg2xml -k "$k/$app.elf" "$cfg" >"$tmp/x" ||
		err "apps/cfg2xml refuses $cfg"
	cmp -s "$tmp/x" "$xml" || err "$xml is older than $cfg (make apps)"
	out=$(xmllint --noout --relaxng "$schemas/domain.rng" "$xml" 2>&1) ||
		err "$xml does not validate against libvirt's domain.rng: $out"
	n=$((n + 1))
done

# The xl boot tests' cfg lines (vifs, disks, memory, ...) on their apps'
# cfgs, as `mode libvirt` would make them: each maps to a valid XML, or
# is refused for what libvirt cannot carry (listed here with why).
declare -A refused=(
	[echo-badip-xl]="'192.0.2.300' is not an IP address"
	[echo-vifs-xl]="drops an address's /PREFIX"
)
nt=0 nr=0
for t in tests/boot/*.t; do
	name=$(basename "$t" .t)
	grep -Eq '^mode[[:space:]]+(dom0|libvirt)' "$t" && continue
	grep -Eq '^(linux|cfgfile)[[:space:]]' "$t" && continue
	mapfile -t lines < <(sed -n 's/^cfg[[:space:]]\{1,\}//p' "$t")
	[ ${#lines[@]} -gt 0 ] || continue
	app=$(sed -n 's/^app[[:space:]]\{1,\}//p' "$t")
	cfg=$(ls apps/"$app"/*.cfg tests/apps/"$app"/*.cfg 2>/dev/null | head -n 1)
	[ -n "$cfg" ] || err "$t: no cfg for app '$app'"
	out=$(apps/cfg2xml -k /srv/pvmini/x.elf -o "$tmp/$name.xml" "$cfg" \
		"${lines[@]}" 2>&1)
	if [ -n "${refused[$name]:-}" ]; then
		has "$out" "${refused[$name]}" "$t (refused)"
		[ ! -e "$tmp/$name.xml" ] || err "$t: an XML despite: $out"
		nr=$((nr + 1))
		continue
	fi
	[ -f "$tmp/$name.xml" ] || err "$t: apps/cfg2xml refuses its cfg lines: $out"
	out=$(xmllint --noout --relaxng "$schemas/domain.rng" "$tmp/$name.xml" 2>&1) ||
		err "$t's XML does not validate: $out"
	nt=$((nt + 1))
done
[ ${#refused[@]} = "$nr" ] || err "only $nr of the ${#refused[@]} refusals seen"
# What the vif and disk tests' lines become.
grep -q "<source bridge='xenbr9'/>" "$tmp/vif-nobridge-xl.xml" ||
	err "vif-nobridge-xl: no bridge xenbr9"
grep -q "<mac address='00:16:3e:00:00:11'/>" "$tmp/vif-bridge-xl.xml" ||
	err "vif-bridge-xl: no mac"
x=$(cat "$tmp/disk-loop-xl.xml")
has "$x" "<source file='/tmp/dl-rw.img'/>" "disk-loop-xl rw disk"
has "$x" "<target dev='xvdb' bus='xen'/>" "disk-loop-xl vdev"
[ "$(grep -c '<readonly/>' <<<"$x")" = 1 ] || err "disk-loop-xl: not one ro disk: $x"
# echo's own ip= "ADDR NETMASK GATEWAY": three addresses, in that order.
x=$(grep -o "<ip address='[^']*'/>" build/echo.xml | tr -d '\n')
[ "$x" = "<ip address='192.0.2.2'/><ip address='255.255.255.0'/><ip address='192.0.2.1'/>" ] ||
	err "build/echo.xml's vif: $x"

# gen NAME CFG-TEXT [LINE]...: the XML of that cfg, or the error.
gen() {
	local name=$1 text=$2
	shift 2
	printf '%s\n' "$text" >"$tmp/$name.cfg"
	apps/cfg2xml -k /srv/pvmini/x.elf "$tmp/$name.cfg" "$@" 2>&1
}
base='name = "pvmini-t"
type = "pv"
kernel = "build/t.elf"
memory = 32'

# What each mapped key becomes; a later LINE wins, as with xl create.
x=$(gen map "$base
maxmem = 64; vcpus = 1
maxvcpus = 2
extra = 'trace=boot -- a \"b c\" <d>'
on_crash = \"preserve\"
channel = [ 'connection=pty,name=org.pvmini.placeholder',
            'connection=socket,path=/tmp/s,name=org.pvmini.b' ]
vif = [ 'mac=00:16:3e:00:00:01,ip=192.0.2.2' ]
disk = [ 'format=raw,vdev=xvdb,access=ro,target=/tmp/d.img' ]" memory=48)
has "$x" "<name>pvmini-t</name>" name
has "$x" "<memory unit='MiB'>64</memory>" maxmem
has "$x" "<currentMemory unit='MiB'>48</currentMemory>" "memory (a later line)"
has "$x" "<vcpu current='1'>2</vcpu>" vcpus
has "$x" "<kernel>/srv/pvmini/x.elf</kernel>" "-k"
has "$x" "<cmdline>trace=boot -- a &quot;b c&quot; &lt;d&gt;</cmdline>" extra
has "$x" "<on_crash>preserve</on_crash>" on_crash
has "$x" "<!-- no org.pvmini.placeholder" "placeholder channel"
has "$x" "<source mode='bind' path='/tmp/s'/>" "socket channel"
has "$x" "<target type='xen' name='org.pvmini.b'/>" "channel name"
has "$x" "<source bridge='xenbr0'/>" "vif without bridge="
has "$x" "<ip address='192.0.2.2'/>" "vif ip="
has "$x" "<source file='/tmp/d.img'/>" "disk target="
has "$x" "<readonly/>" "disk access=ro"
[ "$(grep -c '<channel ' <<<"$x")" = 1 ] || err "placeholder kept: $x"
printf '%s\n' "$x" >"$tmp/map.xml"
out=$(xmllint --noout --relaxng "$schemas/domain.rng" "$tmp/map.xml" 2>&1) ||
	err "the mapping test's XML does not validate: $out"

# What it refuses, and how.
has "$(gen unk "$base
on_watchdog = 'destroy'")" "'on_watchdog' has no libvirt mapping" "unknown key"
has "$(gen hvm "$base
type = 'hvm'")" "only PV domains are mapped" "type=hvm"
has "$(gen bad "$base
memory = = 32 ]]")" "line 5: memory: expected a value" "syntax error"
has "$(gen esc "$base
extra = 'a\\qb'")" "escape \\q is not mapped" "escape"
has "$(gen pos "$base
disk = [ 'phy:/dev/vg/lv,xvda,w' ]")" "is not KEY=VALUE" "positional disk"
has "$(gen pfx "$base
vif = [ 'ip=192.0.2.9/24' ]")" "drops an address's /PREFIX" "ip= ADDR/PREFIX"
has "$(gen badip "$base
vif = [ 'ip=192.0.2.9 255.255.255.0 gw' ]")" "'gw' is not an IP address" "ip= word"
x=$(gen ip3 "$base
vif = [ 'ip=192.0.2.9  255.255.255.0 192.0.2.1' ]
disk = [ 'vdev=xvda,access=rw,target=/tmp/a.img' ]")
has "$x" "<ip address='192.0.2.9'/>" "ip= first word"
has "$x" "<ip address='192.0.2.1'/>" "ip= gateway word"
has "$x" "<source file='/tmp/a.img'/>" "disk without format="
grep -q '<readonly/>' <<<"$x" && err "an rw disk became read-only: $x"
has "$(gen word "$base
on_crash = destroy")" "neither a number nor a quoted string" "bare word"
gen out "$base
vif = [ 'bridge=xenbr0,rate=10Mb/s' ]" -o "$tmp/none.xml" >/dev/null
[ ! -e "$tmp/none.xml" ] || err "-o wrote a file for a refused cfg"

echo "libvirt-xml: $n domain XMLs current and valid; $nt boot tests' cfg lines map, $nr refused as they must; the mapping holds"
