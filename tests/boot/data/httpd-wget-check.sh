#!/bin/bash
# httpd-wget-check.sh CONSOLE SERIAL XLLOG - the index page dom0's wget
# got (its size and sha256, in xl's output) is apps/httpd/www/index.html.
f=apps/httpd/www/index.html
want="wget: / $(wc -c <"$f") bytes sha256 $(sha256sum <"$f" | cut -c1-64)"
if grep -qF "$want" "$3"; then
	echo "index.html arrived intact"
else
	echo "index.html: want '$want'; got: $(grep -a 'wget: / ' "$3" | head -n 1)"
	exit 1
fi
