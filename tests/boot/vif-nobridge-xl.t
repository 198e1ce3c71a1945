# A vif on a bridge dom0 does not have: the hotplug script fails, says
# why, and libxl shows its hotplug-error ("script: ..."); xl gives up.
app     hello
cfg     vif=['bridge=xenbr9']
expect  toolstack-error
xlmatch ^libxl: error: .*script: vif-bridge: bridge xenbr9 does not exist in dom0
