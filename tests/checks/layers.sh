#!/usr/bin/env bash
# layers.sh - calls go down the layers (docs/architecture.md).
#
# The layers are the Makefile's LAYERS, bottom first; each kernel file
# belongs to the layer of its folder. From the built objects (not from
# the sources: a macro or an inline function counts where it is used)
# every reference from one layer to a symbol defined in another is
# listed; one that goes UP fails the check unless layers.allow names it,
# with the reason. Before the real check, a planted upward call in a
# scratch tree must be caught, so that the check itself can fail.
set -u
cd "$(dirname "$0")/../.." || exit 1

# check OBJDIR LAYER...: prints upward references not allowed; exit 1 if any.
check() {
	local objdir=$1
	shift
	local objs
	# One nm per kind over every object (-A: "file: ..." on each line).
	mapfile -t objs < <(cd "$objdir" && find . -name '*.o' | sed 's|^\./||' | sort)
	[ ${#objs[@]} -gt 0 ] || return 1
	{
		(cd "$objdir" && nm -A --defined-only -g "${objs[@]}") |
			awk '{ o = $1; sub(/:[^:]*$/, "", o) } NF == 3 { print "D", $3, o }'
		(cd "$objdir" && nm -A -u "${objs[@]}") |
			awk '{ o = $1; sub(/:$/, "", o); print "U", $NF, o }'
	} | awk -v layers="$*" -v allow=tests/checks/layers.allow '
		function layer(obj,   d) {
			d = obj
			sub(/\/[^\/]*$/, "", d)
			return (d in rank) ? d : ""
		}
		BEGIN {
			n = split(layers, l, " ")
			for (i = 1; i <= n; i++)
				rank[l[i]] = i
			while ((getline line < allow) > 0) {
				sub(/#.*/, "", line)
				if (split(line, f, " ") == 2)
					ok[f[1] " " f[2]] = 1
			}
		}
		$1 == "D" { def[$2] = $3; next }
		{ use[++u] = $2 " " $3 }
		END {
			for (i = 1; i <= u; i++) {
				split(use[i], f, " ")
				if (!(f[1] in def))
					continue
				from = layer(f[2]); to = layer(def[f[1]])
				if (from == "" || to == "" || from == to)
					continue
				cross++
				if (rank[to] < rank[from])
					continue
				if ((from " " f[1]) in ok) {
					used[from " " f[1]] = 1
					allowed++
					continue
				}
				print "layers: " f[2] " (" from ") calls up into " \
					def[f[1]] " (" to "): " f[1]
				bad++
			}
			for (k in ok)
				if (!(k in used)) {
					print "layers: layers.allow names " k \
						", which no longer goes up: remove it"
					bad++
				}
			printf "layers: %d cross-layer references, %d upward " \
				"(%d allowed)\n", cross, bad + allowed, allowed
			exit bad > 0
		}'
}

# 1. The check catches a planted upward call: lib/ calling kernel/xen/.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lib" "$tmp/kernel/xen"
echo 'void up(void); void down(void) { up(); }' >"$tmp/lib/a.c"
echo 'void up(void) {}' >"$tmp/kernel/xen/b.c"
cc -c "$tmp/lib/a.c" -o "$tmp/lib/a.c.o" &&
	cc -c "$tmp/kernel/xen/b.c" -o "$tmp/kernel/xen/b.c.o" || exit 1
if check "$tmp" lib kernel/xen >/dev/null; then
	echo "layers: a planted upward call (lib -> kernel/xen) went unnoticed"
	exit 1
fi

# 2. The kernel as built.
layers=$(make -s --no-print-directory print-layers) || exit 1
[ -d build/obj ] || { echo "layers: build/obj missing: run make apps"; exit 1; }
check build/obj $layers
