# A false ASSERT in kernel code: "assertion failed: file:line: expr",
# then the trap report with a backtrace through the caller, and a crash
# (lib/assert.c).
app     assertfail
expect  crash
match   ^assertfail: checking answer == 42
match   ^assertion failed: tests/apps/assertfail/assertfail\.c:13: answer == 42$
match   ^\*\*\* trap 6: invalid opcode
match   ^Backtrace:$
match   \] assert_failed\+0x[0-9a-f]+$
match   \] check_answer\+0x[0-9a-f]+$
match   \] main\+0x[0-9a-f]+$
nomatch still running
