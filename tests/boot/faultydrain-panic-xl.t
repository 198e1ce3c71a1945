# A shutdown drain that panics: the panic ends the domain again, and
# must not run the drains again (the drain would panic again, and the
# nested panic would end the domain again, recursing). Each drain runs
# once; the console's still pushes the panic out.
app     faultydrain
args    -- panic
expect  crash
match   ^faultydrain: a drain that panics is registered; ending$
match   ^exit code 3$
match   ^faultydrain: drain run 1$
match   ^panic: faultydrain: the drain gives up \(run 1\)$
match   \] bad_drain\+0x[0-9a-f]+$
nomatch drain run 2
nomatch stack overflow
