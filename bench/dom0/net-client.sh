# The dom0 side of bench/net.sh (run in the rig's dom0 by an "after 0"
# action, i.e. as xl create starts): the same client work against pvmini's
# httpd and the Linux domU's busybox httpd.
#   net-client.sh serve|bulk|probe|discard ADDR MAC
# The static ARP entry takes ARP's retry interval (1 s) out of the
# boot-to-first-response figure; the guest still answers ARP for every
# other host. Ends the guest with xl shutdown when done.
what=$1 addr=$2 mac=$3
arp -s "$addr" "$mac"
# Around a transfer: the vif's packet counts (dom0's view: rx is what the
# guest sent; frames per byte tell who segments and who batches) and the
# CPU seconds Xen charged the guest and dom0 (xl list), which share the
# rig's one CPU: who pays for the bytes.
cpu() { xl list "$1" | awk 'NR == 2 { print $6 }'; }
vifstat() { # label command...
	local l=$1 v s0 s1
	shift
	v=/sys/class/net/vif$(xl domid "$NAME").0/statistics
	s0="$(cat $v/rx_packets $v/rx_bytes $v/tx_packets $v/tx_bytes) $(cpu "$NAME") $(cpu 0)"
	"$@"
	s1="$(cat $v/rx_packets $v/rx_bytes $v/tx_packets $v/tx_bytes) $(cpu "$NAME") $(cpu 0)"
	echo $s0 $s1 | awk -v l="$l" '{
		printf "vif: %s: guest sent %d frames (%d bytes, %.0f a frame), got %d frames (%d bytes, %.0f a frame); CPU: guest %.1f s, dom0 %.1f s\n",
		l, $7 - $1, $8 - $2, ($8 - $2) / ($7 - $1 + !($7 - $1)),
		$9 - $3, $10 - $4, ($10 - $4) / ($9 - $3 + !($9 - $3)),
		$11 - $5, $12 - $6 }'
}
case $what in
discard)
	# pvmini's apps/echo: its discard port is up once it says so.
	until grep -q '^echo: serving' "$CONSOLE"; do sleep 0.1; done
	vifstat discard netpeer send "$addr" 9 100000000 ;;
*)
	httppeer first "$addr" 80 / 90 || { xl shutdown "$NAME"; exit 1; } ;;
esac
case $what in
serve)
	httppeer reqs "$addr" 80 / 1000 ka
	httppeer reqs "$addr" 80 / 1000 new ;;
bulk)
	httppeer get "$addr" 80 /bytes/1000000 check
	vifstat get httppeer get "$addr" 80 /bytes/100000000
	vifstat get httppeer get "$addr" 80 /bytes/100000000
	[ "$4" = linux ] && vifstat discard netpeer send "$addr" 9 100000000 ;;
probe)
	httppeer reqs "$addr" 80 / 100 ka && echo "probe: serves" ;;
esac
xl shutdown "$NAME"
