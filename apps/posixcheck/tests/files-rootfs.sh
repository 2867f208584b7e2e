#!/bin/bash
# Writes the rootfs that apps/posixcheck/files.c expects into $1 and the
# initrd into $2: two newc archives (GNU cpio, hard links included)
# concatenated, the second holding only /data/list/c, so the guest sees
# every file only if the extractor reads past the first trailer.
set -eu
rootfs=$1
out=$2
rm -rf "$rootfs"
mkdir -p "$rootfs/etc" "$rootfs/data/empty" "$rootfs/data/list"
printf 'hello from the initrd\n' >"$rootfs/etc/motd"
chmod 0640 "$rootfs/etc/motd"
touch -d @1600000000 "$rootfs/etc/motd"
ln "$rootfs/etc/motd" "$rootfs/etc/motd.hard"
python3 -c 'import sys; sys.stdout.buffer.write(bytes(i % 256 for i in range(65536)))' \
	>"$rootfs/data/seq"
printf 'a\n' >"$rootfs/data/list/a"
printf 'b\n' >"$rootfs/data/list/b"
printf 'c\n' >"$rootfs/data/list/c"
ln -s etc/motd "$rootfs/motd.lnk"
(cd "$rootfs" && find . ! -path ./data/list/c | LC_ALL=C sort |
	cpio --quiet -o -H newc) >"$out"
(cd "$rootfs" && echo ./data/list/c | cpio --quiet -o -H newc) >>"$out"
