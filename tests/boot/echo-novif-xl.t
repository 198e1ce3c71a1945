# No vif in the cfg: the stack says it has only 127.0.0.1, echo says
# there is nothing to serve and ends with exit code 1 (a crash, to xl),
# at once: nothing waits for a network that will never come.
app     echo
cfg     vif=[]
timeout 20
expect  crash
match   ^net: no vif in the domain's cfg: only 127\.0\.0\.1$
match   ^echo: no network interface \(the cfg has no vif=\): nothing to serve$
match   ^exit code 1$
