#!/usr/bin/env bash
# lib/newlib/build.sh - build newlib (libc.a, libm.a and its headers) for
# pvmini apps, once, into the cache outside git. `make setup` runs it; on
# a warm cache it only checks that the result exists.
#
#   lib/newlib/build.sh [--print-dir]
#
# Source: Debian's newlib-source package (tests/rig/setup installs it),
# /usr/src/newlib/newlib-*.tar.xz, which unpacks to newlib-salsa/.
# Result: ${PVMINI_CACHE:-~/.cache/pvmini}/newlib-<key>/{include,lib}, the
# key made of the package version and this script's hash, so that a new
# package or new flags build a new copy and an old one is never half-used.
# The build runs in a temporary directory renamed into place only when
# complete; a lock keeps two concurrent runs from both building.
set -euo pipefail

say() { echo "newlib: $*" >&2; }
die() { say "error: $*"; exit 1; }

PRINT_DIR=0
case ${1:-} in
--print-dir) PRINT_DIR=1 ;;
'') ;;
-h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
*) die "unknown option '$1' (try -h)" ;;
esac

CACHE=${PVMINI_CACHE:-$HOME/.cache/pvmini}
TARBALL=$(ls /usr/src/newlib/newlib-*.tar.xz 2>/dev/null | head -n 1) ||
	true
[ -n "$TARBALL" ] || die "no /usr/src/newlib/newlib-*.tar.xz: run \
'make setup' as root (Debian package newlib-source)"
VERSION=$(dpkg-query -W -f='${Version}' newlib-source 2>/dev/null ||
	basename "$TARBALL")
KEY=$(printf '%s\n' "$VERSION" | cat - "$0" | sha256sum | cut -c1-16)
. "$(dirname "$0")/cache.sh"
cache_open newlib "$KEY" lib/libc.a

say "building newlib $VERSION into $OUT (once; about a minute)"
step "unpacking $(basename "$TARBALL")" tar -C "$TMP" -xJf "$TARBALL"
SRC=$TMP/newlib-salsa
[ -x "$SRC/configure" ] || die "$TARBALL did not unpack to newlib-salsa/"

# The target's headers must be newlib's own plus gcc's freestanding ones
# (stdarg.h, stddef.h ...), never the host's glibc headers.
GCC_INCLUDE=$(gcc -print-file-name=include)
# Code generation matches pvmini's apps (Makefile, minios.lds): linked at
# -2 GiB (kernel code model, no PIC), no red zone (Xen pushes exception
# and event frames right below %rsp), no stack protector (no TLS canary),
# frame pointers and no tail calls (a backtrace through abort() or printf
# follows %rbp and must name every libc frame).
TARGET_CFLAGS="-O2 -g -mcmodel=kernel -mno-red-zone -fno-stack-protector \
-fno-pic -fno-pie -fno-omit-frame-pointer -fno-optimize-sibling-calls \
-ffunction-sections -fdata-sections"
mkdir -p "$TMP/build"
configure() {
	cd "$TMP/build" &&
		"$SRC/configure" --target=x86_64-xen-elf --prefix=/ \
			--disable-multilib --disable-libgloss \
			--enable-newlib-io-long-long \
			--enable-newlib-io-c99-formats \
			CC_FOR_TARGET="gcc -nostdinc -isystem $GCC_INCLUDE" \
			AR_FOR_TARGET=ar AS_FOR_TARGET=as LD_FOR_TARGET=ld \
			NM_FOR_TARGET=nm RANLIB_FOR_TARGET=ranlib \
			OBJDUMP_FOR_TARGET=objdump \
			READELF_FOR_TARGET=readelf STRIP_FOR_TARGET=strip \
			CFLAGS_FOR_TARGET="$TARGET_CFLAGS" MAKEINFO=true
}
step "configuring for x86_64-xen-elf" configure
step "compiling libc and libm ($(nproc) jobs)" \
	make -C "$TMP/build" -j"$(nproc)" all-target-newlib MAKEINFO=true
step "installing" make -C "$TMP/build" install-target-newlib \
	DESTDIR="$TMP/dest" MAKEINFO=true

mkdir -p "$TMP/out"
mv "$TMP/dest/x86_64-xen-elf/include" "$TMP/out/include"
mv "$TMP/dest/x86_64-xen-elf/lib" "$TMP/out/lib"
[ -f "$TMP/out/lib/libc.a" ] && [ -f "$TMP/out/lib/libm.a" ] ||
	die "the build produced no libc.a/libm.a"
echo "$VERSION" >"$TMP/out/VERSION"
cache_close
cache_done
