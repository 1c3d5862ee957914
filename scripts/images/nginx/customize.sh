#!/bin/sh
# mmdebstrap --customize-hook for the locally built nginx:latest image
# (see scripts/prepare-docker.sh). Runs on the host; $1 is the image root.
set -eu

root="$1"
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

# nginx-light must have brought the standard welcome page.
for page in usr/share/nginx/html/index.html var/www/html/index.nginx-debian.html; do
    if ! grep -q '<title>Welcome to nginx!</title>' "$root/$page"; then
        echo "customize.sh: $page is missing or is not the 'Welcome to nginx!' page" >&2
        exit 1
    fi
done

# Serve /usr/share/nginx/html through conf.d/default.conf, like the official
# image, instead of Debian's sites-enabled/default (/var/www/html).
rm -f "$root/etc/nginx/sites-enabled/default"
cp "$here/default.conf" "$root/etc/nginx/conf.d/default.conf"
cp "$here/50x.html" "$root/usr/share/nginx/html/50x.html"
chmod 0644 "$root/etc/nginx/conf.d/default.conf" "$root/usr/share/nginx/html/50x.html"

# Logs go to the container's stdout/stderr (`docker logs`), as in the
# official image.
mkdir -p "$root/var/log/nginx"
ln -sf /dev/stdout "$root/var/log/nginx/access.log"
ln -sf /dev/stderr "$root/var/log/nginx/error.log"

# Nothing in the image needs apt's caches or the documentation.
rm -rf "$root/var/cache/apt/"*.bin "$root/var/lib/apt/lists/"* \
       "$root/usr/share/man/"* "$root/usr/share/info/"*
