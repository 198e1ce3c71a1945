# newlib under xl: printf of ints, long long and floats (SSE works in a PV
# guest: no #UD), libm and strtod; ENOSYS/ESPIPE reach errno; time() is a
# real date and a 100 ms nanosleep moves both clocks by 100 ms or more;
# 20000 random malloc/free with every byte checked, NULL + ENOMEM when
# memory runs out, reuse after free; float sums stay exact while timer
# events interrupt them; 20 detached threads formatting floats give back
# every page the next 20 would need (their libc state is freed). The app compares each result itself and prints
# WRONG on any mismatch.
app     libctest
timeout 60
expect  poweroff
match   ^fmt: int -42 0x2a 052 \+7$
match   ^fmt: long long -9223372036854775808 18446744073709551615$
match   ^fmt: size 123456789012 ptrdiff -5$
match   ^fmt: float 3\.142 -0\.000123 1\.5e\+10 2\.5$
match   ^fmt: libm 1\.4142135624 2\.7182818285 1\.000000$
match   ^fmt: strtod 0\.1\+0\.2=0\.30000000000000004$
match   ^errno: open ENOSYS, lseek ESPIPE, isatty 1$
match   ^time: year 20[2-9][0-9], nanosleep 100 ms: monotonic 100\.\.2000 ms, wall 99\.\.2000 ms$
match   ^malloc: 20000 ops ok; 1 TiB refused; out of memory after [0-9]+ KiB \(ENOMEM\), [0-9]+ KiB again after free$
match   ^sse: [0-9]+ float loops, 0 wrong, some timer events in between$
match   ^threads: errno and strtok per thread: yes$
match   ^threads: 40 detached, 40 formatted, 0 pages not back$
match   ^complex: \(1\+2i\)\(3\+4i\) = -5\+10i, \(1\+2i\)/\(3\+4i\) = 0\.44\+0\.08i, \|3\+4i\| = 5, e\^\(i pi\) = -1\+0i$
match   ^libctest: 0 failure\(s\)$
nomatch WRONG
nomatch exit code
