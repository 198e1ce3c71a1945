# xenstore from an app under xl: the domain reads its own domid, name and
# vm path, writes data/xsdemo/greeting (dom0 reads it back: xlmatch),
# then echoes what dom0 writes into the key it watches - twice, the
# second write sent only after the first echo appeared.
app     xsdemo
args    trace=boot -- 2
action  on ^xsdemo: ready run xenstore-read /local/domain/$DOMID/data/xsdemo/greeting && xenstore-write /local/domain/$DOMID/data/xsdemo/echo 'first from dom0'
action  on ^xsdemo: echo: first run xenstore-write /local/domain/$DOMID/data/xsdemo/echo 'second from dom0'
expect  poweroff
match   ^boot: xenstore: ring at 0x[0-9a-f]+ \(store mfn 0x[0-9a-f]+\), event channel [0-9]+, reader thread started$
match   ^xsdemo: domid = [1-9][0-9]*$
match   ^xsdemo: name = pvmini-xsdemo$
match   ^xsdemo: vm = /vm/[0-9a-f-]{36}$
match   ^xsdemo: wrote /local/domain/[0-9]+/data/xsdemo/greeting$
match   ^xsdemo: ready, watching /local/domain/[0-9]+/data/xsdemo/echo$
match   ^xsdemo: echo: first from dom0$
match   ^xsdemo: echo: second from dom0$
match   ^xsdemo: 2 echoes, done$
nomatch xenstore: (malformed|connection closed|no reply)
xlmatch ^hello from pvmini$
xlmatch ^rig: action 2 exit 0$
