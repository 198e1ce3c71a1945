# httpd: a static HTTP/1.1 server (docs/httpd.md): newlib and sockets.
APP_LIBC = y
APP_NET = y
# The files under www/ go into the image: mkwww.sh writes them as a C
# table, which the Makefile compiles with the app (APP_GEN). The
# directory itself is a prerequisite, so that a file added or removed
# remakes the table.
APP_GEN = www_files.c
$(BUILD)/app/httpd/www_files.c: apps/httpd/mkwww.sh apps/httpd/www \
		$(shell find apps/httpd/www)
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)sh apps/httpd/mkwww.sh apps/httpd/www >$@.tmp
	$(Q)mv $@.tmp $@
