# apps/cfg2xml.awk - an xl domain configuration (xl.cfg(5)) as a libvirt
# domain XML for libvirt's libxl driver.  Run through apps/cfg2xml, which
# documents the options; the variables are:
#   kernel   the <kernel> path (empty: the cfg's kernel=)
#   source   the file names the header comment gives as the source
#   cwd      the directory relative kernel= and ramdisk= paths start from
#
# The xl cfg is the one source of an app's domain: this script maps the
# keys pvmini's cfgs use and refuses every other key, so that the two
# files can never say different things.  The grammar is xl's: KEY = VALUE
# settings separated by newlines or ';', VALUE a number, a '...' or "..."
# string, or a [ list ] of those (which may span lines), '#' to the end of
# a line a comment.  A later setting of a key replaces an earlier one, as
# with `xl create CFG KEY=VALUE`.

function die(msg) {
	printf "cfg2xml: %s\n", msg > "/dev/stderr"
	failed = 1
	exit 1
}

# --- lexer: the whole input is one string; tokens into tk[], kinds into
# kd[]: "w" word/number, "s" string, "n" newline/';', or the character.
function lex(src,    i, n, c, q, v, j) {
	n = length(src); nt = 0; ln = 1
	for (i = 1; i <= n; i++) {
		c = substr(src, i, 1)
		if (c == " " || c == "\t" || c == "\r")
			continue
		if (c == "#") {
			while (i <= n && substr(src, i, 1) != "\n")
				i++
			i--
			continue
		}
		if (c == "\n" || c == ";") {
			tk[++nt] = c; kd[nt] = "n"; tl[nt] = ln
			if (c == "\n")
				ln++
			continue
		}
		if (c == "=" || c == "[" || c == "]" || c == ",") {
			tk[++nt] = c; kd[nt] = c; tl[nt] = ln; continue
		}
		if (c == "\"" || c == "'") {
			q = c; v = ""
			for (i++; i <= n; i++) {
				c = substr(src, i, 1)
				if (c == q)
					break
				if (c == "\n")
					die("line " ln ": string not closed on its line")
				# Of xl's escapes, the ones a cfg needs to quote a quote.
				if (c == "\\") {
					c = substr(src, ++i, 1)
					if (c != "\"" && c != "'" && c != "\\")
						die("line " ln ": escape \\" c " is not mapped")
				}
				v = v c
			}
			if (i > n)
				die("string not closed at the end of the file")
			tk[++nt] = v; kd[nt] = "s"; tl[nt] = ln; continue
		}
		if (c ~ /[A-Za-z0-9_.+-]/) {
			for (j = i; j <= n && substr(src, j, 1) ~ /[A-Za-z0-9_.+-]/; j++)
				;
			tk[++nt] = substr(src, i, j - i); kd[nt] = "w"; tl[nt] = ln
			i = j - 1
			continue
		}
		die("line " ln ": unexpected character '" c "'")
	}
}

# A parse error at token p.
function perr(p, msg) {
	die("line " (p <= nt ? tl[p] : ln) ": " msg)
}

# --- parser: settings into val[key] (strings and numbers) and, for lists,
# nitem[key] and item[key, 1..n]; islist[key] tells which.
function parse(    p, key, n) {
	p = 1
	while (p <= nt) {
		if (kd[p] == "n") { p++; continue }
		if (kd[p] != "w" || tk[p] !~ /^[A-Za-z_][A-Za-z0-9_]*$/)
			perr(p, "expected a setting name, found '" tk[p] "'")
		key = tk[p]
		if (kd[p + 1] != "=")
			perr(p + 1, "expected '=' after '" key "'")
		p += 2
		if (kd[p] == "[") {
			islist[key] = 1; n = 0; p++
			for (;;) {
				while (kd[p] == "n") p++
				if (kd[p] == "]") { p++; break }
				if (kd[p] != "s" && kd[p] != "w")
					perr(p, key ": expected a list item, found '" tk[p] "'")
				value(key, p)
				item[key, ++n] = tk[p]; p++
				while (kd[p] == "n") p++
				if (kd[p] == ",") { p++; continue }
				if (kd[p] == "]") { p++; break }
				perr(p, key ": expected ',' or ']' in the list")
			}
			nitem[key] = n
		} else if (kd[p] == "s" || kd[p] == "w") {
			value(key, p)
			islist[key] = 0; val[key] = tk[p]; p++
		} else {
			perr(p, key ": expected a value")
		}
		if (p <= nt && kd[p] != "n")
			perr(p, key ": expected the end of the setting, found '" tk[p] "'")
		seen[key] = 1
	}
}

# xl reads a relative path from where it runs; libvirtd would from its own
# working directory, so the XML says where xl would have looked.
function absolute(path) {
	return path ~ /^\// ? path : cwd "/" path
}

# A bare word is only a value when it is a number, as in xl.
function value(key, p) {
	if (kd[p] == "w" && tk[p] !~ /^(0x[0-9a-fA-F]+|[0-9]+)$/)
		perr(p, key ": '" tk[p] "' is neither a number nor a quoted string")
}

# The XML is printed only once all of it could be made.
function emit(s) {
	doc = doc s "\n"
}

function xml(s) {
	gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	gsub(/'/, "\\&apos;", s); gsub(/"/, "\\&quot;", s)
	return s
}

function str(key) {
	if (islist[key])
		die(key ": expected a single value, not a list")
	return val[key]
}

function mib(key,    v) {
	v = str(key)
	if (v !~ /^[0-9]+$/)
		die(key ": expected a number of MiB, not '" v "'")
	return v + 0
}

# The xl and libvirt names of the on_* actions are the same words;
# libvirt's on_poweroff and on_reboot take fewer of them.
function action(key,    v) {
	v = str(key)
	if (v !~ /^(destroy|restart|rename-restart|preserve)$/ &&
	    !(key == "on_crash" && v ~ /^coredump-(destroy|restart)$/))
		die(key ": '" v "' has no libvirt equivalent")
	return v
}

# "k=v,k=v" (a vif or channel spec) into spec[]; refuses other keys.
function kv(what, s, allowed,    n, parts, i, k, eq) {
	split("", spec)
	n = split(s, parts, ",")
	for (i = 1; i <= n; i++) {
		if (parts[i] == "")
			continue
		eq = index(parts[i], "=")
		if (eq == 0)
			die(what ": '" parts[i] "' is not KEY=VALUE (only that form is mapped)")
		k = substr(parts[i], 1, eq - 1)
		if (index(" " allowed " ", " " k " ") == 0)
			die(what ": '" k "' has no mapping here (mapped: " allowed ")")
		spec[k] = substr(parts[i], eq + 1)
	}
}

# The cfg's first channel may be the placeholder that only absorbs a bug
# of Xen 4.17's xl (it numbers channels from 0, the primary console's
# number: docs/consoles.md).  libvirt leaves the numbering to libxl, which
# starts at 1: keeping the placeholder would give the guest one channel
# more than under xl, and move every other one up a number.
function emit_channel(s, i) {
	kv("channel " i, s, "connection name path")
	if (!("name" in spec))
		die("channel " i ": needs name=")
	if (i == 0 && spec["name"] == "org.pvmini.placeholder") {
		emit("    <!-- no org.pvmini.placeholder: it only absorbs xl 4.17's channel numbering -->")
		return
	}
	if (spec["connection"] == "pty") {
		emit("    <channel type='pty'>")
	} else if (spec["connection"] == "socket") {
		if (!("path" in spec))
			die("channel " i ": connection=socket needs path=")
		emit("    <channel type='unix'>")
		emit("      <source mode='bind' path='" xml(spec["path"]) "'/>")
	} else {
		die("channel " i ": connection must be pty or socket")
	}
	emit("      <target type='xen' name='" xml(spec["name"]) "'/>")
	emit("    </channel>")
}

# A vif's ip= is a string libxl writes to the backend's "ip" key, where
# pvmini reads ADDR, ADDR/PREFIX, ADDR NETMASK or ADDR NETMASK GATEWAY
# (docs/net.md).  libvirt holds it as <ip address=.../> elements, one per
# blank-separated word (its own xl parser splits ip= so), and its libxl
# driver joins their addresses with one blank: the guest reads the same
# words.  It drops an <ip>'s prefix, though, so ADDR/PREFIX would reach
# the guest as ADDR alone: refused, with the form that does carry it.
function emit_ip(s, i,    n, w, k) {
	n = split(s, w, /[ \t]+/)
	for (k = 1; k <= n; k++) {
		if (w[k] == "")
			continue
		if (w[k] ~ /\//)
			die("vif " i ": ip='" s "': libvirt's libxl driver drops an address's /PREFIX (the guest would get " substr(w[k], 1, index(w[k], "/") - 1) " alone); write ip='ADDR NETMASK', e.g. ip='192.0.2.2 255.255.255.0'")
		if (!ipv4(w[k]) && w[k] !~ /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/)
			die("vif " i ": ip='" s "': '" w[k] "' is not an IP address, and libvirt's <ip address> takes nothing else")
		emit("      <ip address='" xml(w[k]) "'/>")
	}
}

function ipv4(a,    p, n, k) {
	n = split(a, p, ".")
	if (n != 4)
		return 0
	for (k = 1; k <= 4; k++)
		if (p[k] !~ /^[0-9][0-9]?[0-9]?$/ || p[k] + 0 > 255)
			return 0
	return 1
}

# libxl puts a vif with no bridge= on xenbr0: say so explicitly.
function emit_vif(s, i) {
	kv("vif " i, s, "bridge mac ip script vifname")
	emit("    <interface type='bridge'>")
	if ("mac" in spec)
		emit("      <mac address='" xml(spec["mac"]) "'/>")
	emit("      <source bridge='" xml("bridge" in spec ? spec["bridge"] : "xenbr0") "'/>")
	if ("ip" in spec)
		emit_ip(spec["ip"], i)
	if ("script" in spec)
		emit("      <script path='" xml(spec["script"]) "'/>")
	if ("vifname" in spec)
		emit("      <target dev='" xml(spec["vifname"]) "'/>")
	emit("    </interface>")
}

# Only the KEY=VALUE disk syntax (xl-disk-configuration(5)); raw with no
# backendtype= leaves the backend to libxl, as xl does.
function emit_disk(s, i,    type, drv) {
	kv("disk " i, s, "target vdev format access backendtype devtype")
	if (!("target" in spec) || !("vdev" in spec))
		die("disk " i ": needs target= and vdev=")
	if (!("format" in spec))
		spec["format"] = "raw"
	if (spec["access"] !~ /^(|r|ro|w|rw)$/)
		die("disk " i ": access must be ro or rw")
	if (spec["devtype"] !~ /^(|disk|cdrom)$/)
		die("disk " i ": devtype must be disk or cdrom")
	drv = ""
	if ("backendtype" in spec) {
		if (spec["backendtype"] == "qdisk") drv = "qemu"
		else if (spec["backendtype"] ~ /^(phy|tap)$/) drv = spec["backendtype"]
		else die("disk " i ": backendtype must be phy, qdisk or tap")
	} else if (spec["format"] != "raw") {
		drv = "qemu"
	}
	type = spec["target"] ~ /^\/dev\// ? "block" : "file"
	emit("    <disk type='" type "' device='" (spec["devtype"] == "cdrom" ? "cdrom" : "disk") "'>")
	if (drv != "")
		emit("      <driver name='" drv "' type='" xml(spec["format"]) "'/>")
	else if (spec["format"] != "raw")
		emit("      <driver type='" xml(spec["format"]) "'/>")
	emit("      <source " (type == "block" ? "dev" : "file") "='" xml(spec["target"]) "'/>")
	emit("      <target dev='" xml(spec["vdev"]) "' bus='xen'/>")
	if (spec["access"] ~ /^(r|ro)$/)
		emit("      <readonly/>")
	emit("    </disk>")
}

{ text = text $0 "\n" }

END {
	if (failed)
		exit 1
	lex(text)
	parse()
	known = " name type kernel ramdisk memory maxmem vcpus maxvcpus uuid" \
		" extra cmdline root on_poweroff on_reboot on_crash channel vif disk "
	for (k in seen)
		if (index(known, " " k " ") == 0)
			die("'" k "' has no libvirt mapping in apps/cfg2xml.awk: add one, or leave it out of the cfg")
	if (!seen["name"])
		die("the cfg has no name=")
	if (seen["type"] && str("type") != "pv")
		die("type=\"" str("type") "\": only PV domains are mapped")
	if (kernel == "")
		kernel = seen["kernel"] ? str("kernel") : ""
	if (kernel == "")
		die("the cfg has no kernel= (and no -k was given)")
	kernel = absolute(kernel)
	mem = seen["memory"] ? mib("memory") : 128  # xl's default
	max = seen["maxmem"] ? mib("maxmem") : mem
	if (max < mem)
		die("maxmem (" max ") is below memory (" mem ")")
	vc = seen["vcpus"] ? str("vcpus") : 1
	mvc = seen["maxvcpus"] ? str("maxvcpus") : vc
	# xl: cmdline= wins; otherwise "root=ROOT EXTRA".
	if (seen["cmdline"]) {
		cmd = str("cmdline")
	} else {
		cmd = seen["extra"] ? str("extra") : ""
		if (seen["root"])
			cmd = "root=" str("root") (cmd != "" ? " " cmd : "")
	}

	emit("<!-- Generated from " xml(source) " by apps/cfg2xml: edit the cfg, not this. -->")
	emit("<domain type='xen'>")
	emit("  <name>" xml(str("name")) "</name>")
	if (seen["uuid"])
		emit("  <uuid>" xml(str("uuid")) "</uuid>")
	emit("  <memory unit='MiB'>" max "</memory>")
	emit("  <currentMemory unit='MiB'>" mem "</currentMemory>")
	if (mvc != vc)
		emit("  <vcpu current='" xml(vc) "'>" xml(mvc) "</vcpu>")
	else
		emit("  <vcpu>" xml(vc) "</vcpu>")
	emit("  <os>")
	emit("    <type arch='x86_64' machine='xenpv'>linux</type>")
	emit("    <kernel>" xml(kernel) "</kernel>")
	if (seen["ramdisk"])
		emit("    <initrd>" xml(absolute(str("ramdisk"))) "</initrd>")
	if (cmd != "")
		emit("    <cmdline>" xml(cmd) "</cmdline>")
	emit("  </os>")
	split("on_poweroff on_reboot on_crash", acts, " ")
	for (i = 1; i <= 3; i++)
		if (seen[acts[i]])
			emit("  <" acts[i] ">" action(acts[i]) "</" acts[i] ">")
	emit("  <devices>")
	emit("    <console type='pty'>")
	emit("      <target type='xen' port='0'/>")
	emit("    </console>")
	split("channel vif disk", lists, " ")
	for (j = 1; j <= 3; j++) {
		k = lists[j]
		if (!seen[k])
			continue
		if (!islist[k])
			die(k ": expected a [ list ]")
		for (i = 1; i <= nitem[k]; i++) {
			if (k == "channel") emit_channel(item[k, i], i - 1)
			else if (k == "vif") emit_vif(item[k, i], i - 1)
			else emit_disk(item[k, i], i - 1)
		}
	}
	emit("  </devices>")
	emit("</domain>")
	printf "%s", doc
}
