# The file behind saveall's disk (save-all-xl.t's end action): its first
# 7 sectors must be the records the guest wrote - 0 at boot, then
# "before" and "after" each of 3 saves - byte for byte, zeros after the
# text; dom0 prints the sha256 of what it reads and of what it expects.
img=$1
rm -f /tmp/sa.want
k=0
while [ $k -lt 7 ]; do
    if [ $k = 0 ]; then t="saveall record 0: at boot"
    elif [ $((k % 2)) = 1 ]; then t="saveall record $k: before save $(((k + 1) / 2))"
    else t="saveall record $k: after save $(((k + 1) / 2))"; fi
    { printf '%s\n' "$t"; dd if=/dev/zero bs=1 count=$((511 - ${#t})) 2>/dev/null; } >>/tmp/sa.want
    k=$((k + 1))
done
want=$(sha256sum </tmp/sa.want | cut -d' ' -f1)
got=$(dd if="$img" bs=512 count=7 2>/dev/null | sha256sum | cut -d' ' -f1)
echo "disk: records sha256 $got, expected $want"
[ "$got" = "$want" ] && echo "disk: all 7 records right"
kill "$(cat /tmp/sa.nc)" "$(cat /tmp/sa.holder)" 2>/dev/null
rm -f "$img" /tmp/sa.want /tmp/sa.in /tmp/sa.out /tmp/sa.nc /tmp/sa.holder
