# hello under real `xl create`: the ring console works, start_info holds
# what the cfg asked for (memory=32 -> 8192 pages), and returning 0 from
# main powers the domain off.
app     hello
cfg     memory=32
expect  poweroff
match   ^pvmini 0\.1: app 'hello' on Xen 4\.17 as domU$
match   ^Hello from pvmini!$
match   ^nr_pages: 8192 \(32 MiB\)$
match   ^dom0: no$
match   ^argc: 1$
match   ^argv\[0\]: "hello"$
nomatch ^\*\*\*
