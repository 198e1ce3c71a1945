#!/usr/bin/env bash
# lib/lwip/build.sh - build lwIP (liblwip.a and its headers) for pvmini's
# socket apps, once, into the cache outside git. `make setup` runs it; on a
# warm cache it only checks that the result exists.
#
#   lib/lwip/build.sh [--print-dir]
#
# Source: Debian's source package `lwip` (2.1.x), fetched with `apt-get
# source --download-only` through a private apt configuration made here
# from this machine's own apt sources (their deb-src twins); nothing is
# written to the system's apt state. LWIP_DSC=/path/lwip_*.dsc (next to its
# tarballs) skips the fetch, for a machine without a network.
# Result: ${PVMINI_CACHE:-~/.cache/pvmini}/lwip-<key>/{include,lib}, the key
# made of this script, lwipopts.h, arch/*.h and newlib's build (lwIP is
# compiled against newlib's headers: its errno is the app's). The build
# runs in a temporary directory renamed into place only when complete; a
# lock keeps two concurrent runs from both building.
set -euo pipefail

say() { echo "lwip: $*" >&2; }
die() {
	say "error: $*"
	exit 1
}

PRINT_DIR=0
case ${1:-} in
--print-dir) PRINT_DIR=1 ;;
'') ;;
-h | --help)
	sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
*) die "unknown option '$1' (try -h)" ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${PVMINI_CACHE:-$HOME/.cache/pvmini}
CONFIG="$HERE/lwipopts.h $HERE/arch/cc.h $HERE/arch/sys_arch.h"
NEWLIB=$("$HERE/../newlib/build.sh" --print-dir) ||
	die "newlib is needed first (lib/newlib/build.sh failed)"
KEY=$(basename "$NEWLIB" | cat - "$0" $CONFIG | sha256sum | cut -c1-16)
. "$HERE/../newlib/cache.sh"
cache_open lwip "$KEY" lib/liblwip.a
say "building lwIP into $OUT (once; about half a minute)"

# --- 1. The source package ----------------------------------------------
# apt's own machinery, pointed at a private tree: the system's sources with
# every `deb` turned into `deb-src`, private package lists and cache. The
# Signed-By keyrings stay the system's, so apt checks the Sources index
# against the archive's signature and the .dsc against that index.
APT=$TMP/apt
deb_src_sources() {
	local f n=0
	mkdir -p "$APT/etc/sources.list.d" "$APT/lists/partial" \
		"$APT/cache/archives/partial"
	: >"$APT/etc/sources.list"
	# One-line format: `deb [opts] uri suite comp...` -> `deb-src ...`.
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		sed -E 's/^([[:space:]]*)deb([[:space:]])/\1deb-src\2/' "$f" |
			awk '!seen[$0]++' >>"$APT/etc/sources.list"
		n=$((n + 1))
	done
	# deb822: `Types: deb [deb-src]` -> `Types: deb-src`. Files with
	# another suffix (foo.sources.disabled) are not apt's and stay out.
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		sed -E 's/^Types:.*\<deb\>.*$/Types: deb-src/' "$f" \
			>"$APT/etc/sources.list.d/$(basename "$f")"
		n=$((n + 1))
	done
	[ $n -gt 0 ] || die "no apt sources in /etc/apt (sources.list, \
sources.list.d/*.list or *.sources) to find Debian's lwip source in"
}

# https mirrors need the CA bundle; a minimal Debian 12 may lack it.
need_ca_certificates() {
	grep -rqsE '(URIs:|deb-src).*https://' "$APT/etc" || return 0
	[ -e /etc/ssl/certs/ca-certificates.crt ] && return 0
	[ "$(id -u)" = 0 ] || die "an apt source is https:// and \
ca-certificates is missing: as root run apt-get install ca-certificates"
	step "installing ca-certificates (an apt source is https://)" \
		env DEBIAN_FRONTEND=noninteractive apt-get install -y \
		--no-install-recommends ca-certificates
}

fetch() {
	local opts=(-o "Dir::Etc::sourcelist=$APT/etc/sources.list"
		-o "Dir::Etc::sourceparts=$APT/etc/sources.list.d"
		-o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache")
	# As root, apt downloads as the _apt user, who cannot enter a cache
	# under /root: say plainly that root does the download here.
	[ "$(id -u)" = 0 ] && opts+=(-o APT::Sandbox::User=root)
	deb_src_sources
	need_ca_certificates
	say "apt-get update (private lists, deb-src of the system's sources)"
	# A source without deb-src (a third-party repository) fails its own
	# index only; what counts is whether lwip is found below.
	apt-get "${opts[@]}" update >>"$LOG" 2>&1 ||
		say "apt-get update reported errors (see below if lwip is not found)"
	mkdir -p "$TMP/dl"
	step "apt-get source --download-only lwip" \
		sh -c 'cd "$1" && shift && apt-get "$@" source --download-only lwip' \
		sh "$TMP/dl" "${opts[@]}"
	DSC=$(ls "$TMP"/dl/lwip_*.dsc 2>/dev/null | head -n 1)
	[ -n "$DSC" ] || die "apt-get source left no lwip_*.dsc"
}
if [ -n "${LWIP_DSC:-}" ]; then
	[ -f "$LWIP_DSC" ] || die "LWIP_DSC=$LWIP_DSC: no such file"
	DSC=$LWIP_DSC
	say "using $DSC"
else
	fetch
fi

# The .dsc names each tarball with its sha256 and size; check both
# before anything is unpacked.
DIR=$(dirname "$DSC")
VERSION=$(sed -n 's/^Version: //p' "$DSC")
case $VERSION in
2.1.*) ;;
*) die "$(basename "$DSC") is lwIP $VERSION; pvmini's lwipopts.h and \
sys_arch are written for 2.1.x" ;;
esac
TARBALLS=$(awk '/^Checksums-Sha256:/ { on = 1; next }
	on && /^ / { print $1, $2, $3; next } { on = 0 }' "$DSC")
[ -n "$TARBALLS" ] || die "$(basename "$DSC") has no Checksums-Sha256"
ORIG="" DEBIAN=""
while read -r sum size name; do
	f=$DIR/$name
	[ -f "$f" ] || die "$name, named by the .dsc, is missing"
	[ "$(stat -c %s "$f")" = "$size" ] ||
		die "$name: $(stat -c %s "$f") bytes, the .dsc says $size"
	[ "$(sha256sum <"$f" | cut -d' ' -f1)" = "$sum" ] ||
		die "$name: sha256 differs from the .dsc's"
	case $name in
	*.orig.tar.*) ORIG=$f ;;
	*.debian.tar.*) DEBIAN=$f ;;
	esac
done <<<"$TARBALLS"
[ -n "$ORIG" ] && [ -n "$DEBIAN" ] ||
	die "the .dsc names no .orig.tar and .debian.tar"
say "lwip $VERSION: $(basename "$ORIG") and $(basename "$DEBIAN") match \
the .dsc's sha256"

# --- 2. Unpack and patch ----------------------------------------------------
mkdir -p "$TMP/src"
step "unpacking" tar -C "$TMP/src" -xf "$ORIG"
SRC=$(ls -d "$TMP"/src/lwip-* 2>/dev/null | head -n 1)
[ -n "$SRC" ] && [ -f "$SRC/src/core/tcp.c" ] ||
	die "$(basename "$ORIG") did not unpack to lwip-*/src"
step "unpacking Debian's changes" tar -C "$SRC" -xf "$DEBIAN"

# Debian's patches that do not concern pvmini's build, and why. Any other
# patch in the series (a later security fix, say) is applied.
not_for_us() {
	case $1 in
	port) ;;          # Debian's unix/Hurd port: its own sys_arch and headers
	cmake) ;;         # Debian's CMake build of liblwip.so
	patch9350) ;;     # an option to take the OS's socket headers: left off
	patch9807) ;;     # adds tcpip_callback_wait(), which nothing here calls
	max_sockets) ;;   # LWIP_SOCKET_OPEN_COUNT (heap sockets): left off
	CVE-2020-8597) ;; # PPP's EAP code; PPP is not built
	*) return 1 ;;
	esac
}
APPLIED=""
if [ -f "$SRC/debian/patches/series" ]; then
	while read -r p _; do
		case $p in '' | '#'*) continue ;; esac
		not_for_us "$p" && continue
		command -v patch >/dev/null ||
			die "Debian's patch $p must be applied and 'patch' is \
missing: apt-get install patch"
		step "applying Debian's patch $p" \
			patch -d "$SRC" -p1 -N -i "debian/patches/$p"
		APPLIED="$APPLIED $p"
	done <"$SRC/debian/patches/series"
fi

# --- 3. Compile -------------------------------------------------------------
# The core with IPv4, TCP, UDP, ICMP, raw, DHCP, ARP and ethernet, the
# netconn and socket APIs (what lwipopts.h leaves off compiles to nothing).
FILES=$(cd "$SRC/src" && ls core/*.c core/ipv4/*.c api/*.c netif/ethernet.c)
GCC_INCLUDE=$(gcc -print-file-name=include)
# Code generation as newlib's and the apps' (lib/newlib/build.sh says why).
# FD_SETSIZE as the apps have it (the Makefile's LIBC_CPPFLAGS): lwIP
# refuses to build with more sockets (MEMP_NUM_NETCONN) than it.
CFLAGS="-std=gnu11 -O2 -g -mcmodel=kernel -mno-red-zone -fno-stack-protector \
-fno-pic -fno-pie -fno-omit-frame-pointer -fno-optimize-sibling-calls \
-ffunction-sections -fdata-sections -Wall -Wno-address \
-nostdinc -isystem $NEWLIB/include -isystem $GCC_INCLUDE -DFD_SETSIZE=128 \
-I$HERE -I$SRC/src/include"
mkdir -p "$TMP/obj" "$TMP/out/lib"
compile() {
	cd "$SRC/src" && printf '%s\n' $FILES |
		xargs -P "$(nproc)" -I{} sh -c 'gcc $1 -c "$2" -o "$3/$(echo "$2" |
			tr / _ | sed "s/\.c$/.o/")" || exit 255' sh "$CFLAGS" {} \
			"$TMP/obj"
}
step "compiling $(echo $FILES | wc -w) files ($(nproc) jobs)" compile
step "archiving liblwip.a" ar rcs "$TMP/out/lib/liblwip.a" "$TMP"/obj/*.o

cp -r "$SRC/src/include" "$TMP/out/include"
{
	echo "$VERSION"
	echo "patches applied:${APPLIED:- none}"
	printf '%s\n' "$TARBALLS"
} >"$TMP/out/VERSION"
say "Debian's patches applied:${APPLIED:- none}"
cache_close
cache_done
