# -Og: what one builds to debug; at -O2 gcc folds add_up's loop away and
# keeps no `n` for gdb to print. Internals: it checks its own page-table
# entry (mm/direct_map.h) after gdb patched breakpoints into its code.
APP_FLAGS = -Og
APP_INTERNALS = y
