#!/bin/sh
# httpd-wget.sh (in dom0) - fetches apps/httpd's pages from dom0 over the
# vif with busybox wget, as a user would: index.html (its size and
# sha256 printed for the host to compare with apps/httpd/www), a 404, a
# 1 MiB /bytes/N checked line by line against its pattern (each 16-byte
# line is its own offset in 15 hex digits and a newline), then asks xl
# to shut the domain down.
ip=192.0.2.80
fetch() { timeout 30 wget -q -O "$2" "http://$ip$1"; }
fetch / /tmp/index.html &&
	echo "wget: / $(wc -c </tmp/index.html) bytes sha256 $(sha256sum </tmp/index.html | cut -c1-64)"
if fetch /no-such-page /tmp/404.html; then
	echo "wget: /no-such-page answered 200"
else
	echo "wget: /no-such-page refused"
fi
fetch /bytes/1048576 /tmp/bytes && awk '
	{ if ($0 != sprintf("%015x", (NR - 1) * 16)) bad++ }
	END { printf "wget: /bytes/1048576 %d lines, %d wrong\n", NR, bad }' /tmp/bytes
xl shutdown "$DOMID"
