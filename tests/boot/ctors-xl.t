# __attribute__((constructor)) functions run before main(), lowest
# priority number first and unprioritized ones last.
app     ctors
args    trace=boot
expect  poweroff
match   ^boot: app: ran 3 constructor\(s\)$
match   ^ctors: ran before main in order 'abc'$
