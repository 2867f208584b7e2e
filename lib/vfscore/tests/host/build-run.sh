#!/bin/bash
# Builds the VFS core, ramfs and ukcpio for the host with ASan/UBSan, plus
# the given test sources, and runs the cases (lib/uktest's header with a
# constructor-based registration, host/include/uk/test.h).
# usage: build-run.sh <test name> <test source>...
set -u
name=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vfs="$root/lib/vfscore"
core="vnode lookup mount fdtab file open rw names attr fileops cwd ring pipe eventfd poll console fstab_parse"
srcs=""
for f in $core; do srcs="$srcs $vfs/$f.c"; done
srcs="$srcs $(ls "$root"/lib/ramfs/*.c "$root"/lib/ukcpio/*.c) $root/lib/devfs/devfs.c"
srcs="$srcs $root/lib/devfs/devices.c $here/host/os_host.c $here/host/fs_host.c $here/host/host_runner.c"
incs="-I$here/host/include -I$vfs/include -I$vfs/private -I$here -I$root/lib/ukalloc/include
      -I$root/lib/ukdebug/include -I$root/lib/uktest/include -I$root/lib/ukcpio/include
      -I$root/lib/ukcpio/tests -I$root/plat/kvm/include -I$root/lib/ukrandom/include
      -I$root/lib/ukboot/include"
if ! gcc -std=gnu11 -Wall -Wextra -Werror -g -O1 -fsanitize=address,undefined \
	-fno-sanitize-recover=all -include uk/config.h \
	$incs $srcs "$@" -o "$tmp/t" 2>"$tmp/cc.log"; then
	echo "FAIL $name.host_build: $(head -c 1500 "$tmp/cc.log" | tr '\n' ' ')"
	exit 1
fi
timeout 300 "$tmp/t"
