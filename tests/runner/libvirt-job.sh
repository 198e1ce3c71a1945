# tests/runner/libvirt-job.sh - sourced by tests/run: a libvirt test's
# job directory (mode libvirt).
# The job directory of a libvirt test (tests/rig/xl-batch: JOB/xml).
libvirt_job() { # $1 = job directory
	local d=$1 lines=()
	mkdir -p "$d"
	rm -rf "$d/image" "$d/cfg" "$d/xml" "$d/linux" "$d/linux-files" \
		"$d/extra" "$d/actions" "$d/files"
	if [ -n "$T_IMAGE" ]; then
		cp "$T_IMAGE" "$d/image" 2>/dev/null || : >"$d/image"
	fi
	lines=("${T_CFG[@]}")
	[ -z "$T_ARGS" ] || lines+=("extra='$T_ARGS'")
	if [ -n "$T_XMLFILE" ]; then
		cp "$T_XMLFILE" "$d/xml" 2>"$d/xl.log"
	elif [ ${#lines[@]} -gt 0 ] || [ "$T_CFGFILE_SET" = 1 ]; then
		apps/cfg2xml -k "$PWD/${T_IMAGE:-build/$T_APP.elf}" -o "$d/xml" \
			"$T_CFGFILE" "${lines[@]}" 2>"$d/xl.log"
	else
		cp "build/$T_APP.xml" "$d/xml" 2>"$d/xl.log"
	fi || {
		fail "boot/$name" "no domain XML: $(tail -n 1 "$d/xl.log")"
		return 1
	}
	echo "$T_TIMEOUT" >"$d/timeout"
	[ ${#T_ACTION[@]} -eq 0 ] || printf '%s\n' "${T_ACTION[@]}" >"$d/actions"
	if [ ${#T_DOM0FILE[@]} -gt 0 ]; then
		mkdir "$d/files"
		cp "${T_DOM0FILE[@]}" "$d/files/" ||
			fail "boot/$name" "missing dom0file"
	fi
}
