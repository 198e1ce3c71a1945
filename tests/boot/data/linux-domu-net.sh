# dom0's network side of linux-domu-xl.t, run once the Linux domU
# (192.0.2.2) says "ready": ping it, fetch a page and a 256 KiB blob from
# its httpd and compare them with what it serves, hot-plug a second vif
# (Linux's netfront connects it) and unplug it, then shut the domU down.
# Prints "net: ..." per step; "net: all good" only when every step worked.
# (Debian 12's busybox wget crashes with -T, hence timeout(1).)
ip=192.0.2.2 bad=0
no() { echo "net: FAILED: $*"; bad=1; }

n=$(ping -c 3 -i 0.2 -W 5 $ip 2>&1 | grep -c 'bytes from')
if [ "$n" = 3 ]; then echo "net: ping: 3 of 3 answered"; else no "ping: $n of 3 answered"; fi

if timeout 10 wget -q -O /tmp/lnp-page "http://$ip/index.html" &&
    cmp -s /tmp/lnp-page "$FILES/linux-domu-page.html"; then
    echo "net: page matches"
else
    no "page: $(head -c 200 /tmp/lnp-page 2>/dev/null)"
fi

want=$(sed -n 's/^blob sha256 \([0-9a-f]\{64\}\)$/\1/p' "$CONSOLE")
got=$(timeout 10 wget -q -O - "http://$ip/blob" | sha256sum | cut -d' ' -f1)
if [ -n "$want" ] && [ "$got" = "$want" ]; then
    echo "net: blob matches ($got)"
else
    no "blob: sha256 $got, the domU said '$want'"
fi

vif=vif$DOMID.1 be=backend/vif/$DOMID/1
if xl network-attach "$DOMID" bridge=xenbr0 mac=00:16:3e:00:00:13; then
    i=0
    until [ "$(xenstore-read $be/state 2>/dev/null)" = 4 ]; do
        i=$((i + 1)); [ $i -gt 50 ] && break
        sleep 0.2
    done
    if [ "$(xenstore-read $be/state 2>/dev/null)" = 4 ] &&
        [ -e /sys/class/net/xenbr0/brif/$vif ]; then
        echo "net: attached $vif, connected, on xenbr0"
    else
        no "attach: state $(xenstore-read $be/state 2>&1), ports $(ls /sys/class/net/xenbr0/brif)"
    fi
    if xl network-detach "$DOMID" 1 && [ ! -e /sys/class/net/$vif ] &&
        ! xenstore-read $be/state >/dev/null 2>&1; then
        echo "net: detached $vif"
    else
        no "detach: $vif still there"
    fi
else
    no "network-attach"
fi

[ $bad = 0 ] && echo "net: all good"
rm -f /tmp/lnp-page
xl shutdown "$DOMID"
