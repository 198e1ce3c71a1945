# chanecho's peer in dom0 (chanecho-xl.t): finds the console device named
# org.pvmini.echo, opens the pty its backend (QEMU) connected it to, and
# talks to the guest through it - both directions, with more data than
# either ring holds. Says "peer: ..." for each step (into the job's xl
# log); exits non-zero at the first thing that is wrong.
name=org.pvmini.echo
base=/local/domain/$DOMID/device/console
tty=""
for n in $(xenstore-list "$base"); do
    if [ "$(xenstore-read "$base/$n/name" 2>/dev/null)" = $name ]; then
        tty=$(xenstore-read "$base/$n/tty")
    fi
done
if [ -z "$tty" ] || ! [ -c "$tty" ]; then
    echo "peer: no pty for $name (tty '$tty')"
    exit 1
fi
echo "peer: $name is $tty"
# raw: no line editing, no CR/LF mangling; -echo: the pty must not send
# the guest's own output back to it as input.
stty -F "$tty" raw -echo || exit 1
exec 3<>"$tty"

expect() {  # reads one line, which must be $1
    IFS= read -r reply <&3
    echo "peer: got '$reply'"
    [ "$reply" = "$1" ] || { echo "peer: wanted '$1'"; exit 1; }
}

printf 'ping one\n' >&3
expect "echo: ping one"

# guest -> dom0: 1000 numbered lines, 21 KB through the 2 KB output ring
printf 'lines 1000\n' >&3
got=$(head -n 1000 <&3 | awk '$0 != sprintf("chanecho line %05d", NR - 1) { bad++ }
    END { print NR, bad + 0 }')
echo "peer: got $got (lines, wrong ones)"
[ "$got" = "1000 0" ] || exit 1

# dom0 -> guest: 400 numbered lines, 20 KB through the 1 KB input ring
line="input line 00000 and some padding to make it longer"
{
    echo count
    i=0
    while [ $i -lt 400 ]; do
        printf 'input line %05d and some padding to make it longer\n' $i
        i=$((i + 1))
    done
    echo end
} >&3
expect "counted 400 lines, $((400 * (${#line} + 1))) bytes, 0 out of order"

printf 'quit\n' >&3
expect "bye"
echo "peer: all good"
