# The cfg's extra= reaches the app as argv (quotes group words), and
# trace=boot before `--` prints one line per boot step.
app     hello
args    trace=boot -- one "two three"
expect  poweroff
match   ^boot: start_info at 0x[0-9a-f]+: xen-3\.0-x86_64, [0-9]+ pages
match   ^boot: shared_info: machine address 0x[0-9a-f]+ mapped at
match   ^boot: console: console ring at mfn 0x[0-9a-f]+, event channel [0-9]+$
match   ^boot: cmdline: .* -> 2 app argument\(s\)$
match   ^boot: traps: 17 exception vectors installed \(set_trap_table\)$
match   ^boot: mm: writable page-table assist enabled \(vm_assist\)$
match   ^boot: memory: 1-entry map from XENMEM_memory_map, 1 after sanitizing$
match   ^boot: memory: released 0 pages \(decrease_reservation\), set 0 pages 1:1$
match   ^boot: events: upcall .* and failsafe .* registered
match   ^boot: app: calling main\(\) of 'hello' after [0-9]+ hypercalls$
match   ^argc: 3$
match   ^argv\[1\]: "one"$
match   ^argv\[2\]: "two three"$
