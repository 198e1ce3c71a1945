# thread_detach: a thread no one joins gives its 32 KiB back when it
# ends - detached before it ran, by itself, or after it ended - so
# free_page_count is back where it was. A detached thread cannot be
# detached again or joined (-XEN_EINVAL).
app     threadlife
args    -- detach
expect  poweroff
match   ^threadlife: detach: 13 threads, 0 pages not back; detach again -22, join -22$
match   ^threadlife: detach: all good$
