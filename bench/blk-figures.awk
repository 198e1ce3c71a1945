# blk-figures.awk - bench/blk.sh's table. Input: "<job> <guest> <what>
# <value>" lines, each job's in the order measured, every figure between
# two spins ("<what>" = spin, the value its time in us: the same fixed
# loop in both guests). Under TCG the guest's clock runs at the host's
# pace even while QEMU waits for a host CPU, so a figure measured while
# other work loaded the host comes out low, and the spins around it come
# out long. Scaled, a figure is value * (its two spins' mean) / (the
# median of all spins): what it would have been at the run's typical
# machine speed. Medians of raw and (with -v scaled=1: timed runs only;
# counted, the spins measure nothing but the other domains' work)
# scaled figures, per guest; the ratios are pvmini/Linux.
function median(list,   n, i, j, t, v) {
	n = split(list, v, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
			t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
		}
	return n ? (n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2) : 0
}
$1 != job { job = $1; last = 0; np = 0 }
$3 == "spin" {
	spins = spins " " $4; gspin[$2] = gspin[$2] " " $4
	for (i = 1; i <= np; i++)
		if (last) {
			nraw++; raw[nraw] = pv[i]; key[nraw] = pk[i]
			sp[nraw] = (last + $4) / 2
		}
	np = 0; last = $4
	next
}
{ np++; pk[np] = $2 " " $3; pv[np] = $4 }
END {
	ref = median(spins)
	for (i = 1; i <= nraw; i++) {
		r[key[i]] = r[key[i]] " " raw[i]
		s[key[i]] = s[key[i]] " " sprintf("%.1f", raw[i] * sp[i] / ref)
	}
	split("write read iops", w, " ")
	unit["write"] = "MB/s"; unit["read"] = "MB/s"; unit["iops"] = "IOPS"
	name["write"] = "sequential write, 1 MiB, flush at the end"
	name["read"] = "sequential read, 1 MiB"
	name["iops"] = "4 KiB random reads, 32 in flight"
	for (i = 1; i <= 3; i++) {
		p = median(r["pvmini " w[i]]); l = median(r["linux " w[i]])
		ps = median(s["pvmini " w[i]]); ls = median(s["linux " w[i]])
		printf "%s (%s):\n", name[w[i]], unit[w[i]]
		printf "  median   pvmini %8.1f  Linux %8.1f  pvmini/Linux %s\n",
			p, l, l ? sprintf("%.2fx", p / l) : "-"
		if (scaled)
			printf "  scaled   pvmini %8.1f  Linux %8.1f  pvmini/Linux %s\n",
				ps, ls, ls ? sprintf("%.2fx", ps / ls) : "-"
		printf "  runs     pvmini%s\n           Linux%s\n",
			r["pvmini " w[i]], r["linux " w[i]]
	}
	printf "spin (us, the machine's speed): median %d; pvmini's jobs %d, Linux's %d\n",
		ref, median(gspin["pvmini"]), median(gspin["linux"])
}
