# dump-core.sh (dom0, dump-core-xl.t): xl dump-core of the running guest,
# then what the host needs to check the core without copying 16 MB over
# the serial line: its size, its first 8 KiB (ELF header and section
# headers) and its last 4 KiB (the section-name string table sits at the
# end), base64, between "core:" marker lines in the job's xl log.
core=/tmp/core.$$
xl dump-core "$DOMID" "$core"
rc=$?
echo "core: dump-core exit $rc"
[ $rc = 0 ] || exit 1
echo "core: size $(wc -c <"$core")"
echo "core: head"
head -c 8192 "$core" | base64
echo "core: tail"
tail -c 4096 "$core" | base64
echo "core: end"
rm -f "$core"
