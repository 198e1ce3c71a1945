# tests/rig/serial.awk -- reads QEMU's serial output line by line as it
# arrives and sorts it.  Used by xl-batch (mode=xl) and dom0-run (mode=dom0).
#
# Variables (awk -v):
#   mode    xl: lines are Xen's "(XEN) ..." or dom0's "@rig@ ..." protocol
#               (see dom0-init); anything else is dom0 noise.
#           dom0: the guest is dom0, so every line that is not Xen's is the
#               guest's console.
#   run     the run directory; results are left there as small files:
#             up       guests can run now (xl: dom0's toolstack is ready;
#                      dom0: Xen has started the guest)
#             status   done | fail <why> | xen <why> | eof
#             current  index of the job running when output stopped
#             result   the guest's shutdown reason (dom0 mode)
#   map     (xl mode) file of "index<TAB>job directory" lines
#   stream  1: copy guest console lines to stdout as they come, and Xen's
#           lines from while the guest ran to stderr as "rig: xen: ...".
#
# Xen and dom0 share the UART, and Xen does not wait for a line to end
# before printing its own: a guest line can be cut by a "(XEN) ..." line and
# continue after it.  So the text before a "(XEN) [" in mid-line is held and
# glued to the front of the next non-Xen line.

BEGIN {
    pend = ""; started = 0; cur = ""
    if (mode == "xl") {
        while ((getline l < map) > 0) {
            t = index(l, "\t")
            dir[substr(l, 1, t - 1)] = substr(l, t + 1)
        }
        close(map)
    }
}

function note(msg) { print "rig: " msg > "/dev/stderr"; fflush("/dev/stderr") }
function put(file, text) { print text > file; close(file) }
function app(file, text) { print text >> file }

# Xen's own line.  Returns 1 when the machine is finished (so stop reading).
function xen_line(l,    m) {
    if (started) {
        if (mode == "xl" && cur != "") app(dir[cur] "/xen.log", l)
        if (stream && (mode == "dom0" || cur != "")) note("xen: " l)
    }
    if (l ~ /Freed [0-9]+kB init memory/) {
        started = 1     # Xen has handed the CPU to dom0
        if (mode == "dom0") put(run "/up", "")
    }
    # Hardware domain shutdown messages of Xen 4.17 (common/shutdown.c).
    m = ""
    if (l ~ /Hardware Dom[0-9]+ halted: halting machine/) m = "poweroff"
    else if (l ~ /Hardware Dom[0-9]+ shutdown: rebooting machine/) m = "reboot"
    else if (l ~ /Hardware Dom[0-9]+ shutdown: watchdog rebooting/) m = "watchdog"
    else if (l ~ /Hardware Dom[0-9]+ crashed/) m = "crash"
    else if (l ~ /did unsupported soft reset/) m = "soft_reset"
    else if (l ~ /Hardware Dom[0-9]+ shutdown \(unknown reason 2\)/) m = "suspend"
    else if (l ~ /Hardware Dom[0-9]+ shutdown \(unknown reason/) m = "other"
    else if (l ~ /Panic on CPU/) { panic = 1; return 0 }
    else if (panic && l ~ /(rebooting|Reboot|reset|halt)/) m = "panic"
    if (m == "") return 0
    if (mode == "dom0") {
        if (pend != "") { guest(pend); pend = "" }
        put(run "/result", (m == "panic") ? "xen-panic" : m)
        put(run "/status", "done")
    } else {
        # dom0 itself went away: the rig is broken, whatever the reason.
        put(run "/status", "xen dom0 " m ": " l)
    }
    return 1
}

function guest(text) {
    if (stream) { print text; fflush() }
}

{
    gsub(/\r/, "")
    line = pend $0; pend = ""
    # Mid-line, only "(XEN) [" (Xen's prefix and timestamp) counts, so that
    # a guest merely printing "(XEN) " keeps its line.
    i = index(line, "(XEN) [")
    if (i > 1) { pend = substr(line, 1, i - 1); line = substr(line, i) }
    if (substr(line, 1, 6) == "(XEN) ") {
        if (xen_line(line)) exit
        next
    }
    if (mode == "dom0") { if (started) guest(line); next }

    # ----- xl mode: the dom0 protocol
    i = index(line, "@rig@ ")
    if (i == 0) next
    line = substr(line, i + 6)
    split(line, w, " ")
    if (w[1] == "c" || w[1] == "x") {
        # "c N text": exactly one blank separates N from the text, which
        # may itself start with blanks.
        text = substr(line, length(w[1]) + length(w[2]) + 3)
        if (!(w[2] in dir)) next
        if (w[1] == "c") { app(dir[w[2]] "/console", text); guest(text) }
        else app(dir[w[2]] "/xl.log", text)
    } else if (w[1] == "job") {
        d = dir[w[2]]
        if (w[3] == "start") {
            cur = w[2]; put(run "/current", cur)
        } else if (w[3] == "note") {
            put(d "/note", w[4])
        } else if (w[3] == "result") {
            put(d "/result", w[4])
            close(d "/console"); close(d "/xl.log"); close(d "/xen.log")
            if (!stream) note("job " d ": " w[4])
            cur = ""; put(run "/current", "")
        }
    } else if (w[1] == "up") {
        put(run "/up", line)
        note("dom0 up (Xen " w[2] ")")
    } else if (w[1] == "done") {
        put(run "/status", "done")
        exit
    } else if (w[1] == "fail") {
        put(run "/status", line)
        note("dom0: " line)
    } else if (w[1] == "dmesg" || w[1] == "log" || w[1] == "info") {
        note("dom0 " line)
    }
}

END {
    if (pend != "" && mode == "dom0" && started) guest(pend)
    if ((getline s < (run "/status")) <= 0) put(run "/status", "eof")
}
