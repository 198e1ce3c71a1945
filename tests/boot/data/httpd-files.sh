#!/bin/bash
# httpd-files.sh CONSOLE SERIAL - the bodies httpd's self-test received
# over TCP for each file of the image (printed as "file /PATH N bytes"
# and "hex: ..." lines by apps/httpd/selftest_files.c) are byte for byte
# the files of apps/httpd/www/, and every file was fetched.
console=$1
www=apps/httpd/www
fail=0 n=0
while IFS= read -r f; do
	path=/${f#"$www"/}
	want=$(od -An -v -tx1 "$f" | tr -d ' \n')
	got=$(awk -v p="$path" '
		$1 == "file" { on = ($2 == p); next }
		on && $1 == "hex:" { printf "%s", $2; next }
		{ on = 0 }' "$console")
	if [ "$got" != "$want" ]; then
		echo "$path: received ${#got} hex digits, the file has ${#want}, and they differ"
		fail=1
	fi
	n=$((n + 1))
done < <(find "$www" -type f | LC_ALL=C sort)
[ "$n" -gt 0 ] || { echo "no files under $www"; exit 1; }
[ $fail = 0 ] && echo "$n files received intact"
exit $fail
