# ksyms.awk - turns `nm -n` output of the first link into the assembly
# of the symbol table (struct ksym_table, include/pvmini/ksyms.h) that the
# second link embeds. Only code symbols (types t, T, w, W) are kept: a
# backtrace names functions.
BEGIN { n = 0 }
# _text, _etext and _data mark section ends (minios.lds), not functions.
$2 ~ /^[tTwW]$/ && $3 !~ /^\.L/ && $3 != "_text" && $3 != "_etext" &&
    $3 != "_data" {
	addr[n] = $1
	name[n] = $3
	n++
}
END {
	print "\t.section .ksyms, \"a\""
	print "\t.balign 8"
	print "\t.globl kernel_ksym_table"
	print "kernel_ksym_table:"
	printf "\t.quad %d, ksym_addrs, ksym_offs, ksym_names, _etext\n", n
	print "ksym_addrs:"
	for (i = 0; i < n; i++)
		printf "\t.quad 0x%s\n", addr[i]
	print "ksym_offs:"
	off = 0
	for (i = 0; i < n; i++) {
		printf "\t.long %d\n", off
		off += length(name[i]) + 1
	}
	print "ksym_names:"
	for (i = 0; i < n; i++)
		printf "\t.asciz \"%s\"\n", name[i]
}
