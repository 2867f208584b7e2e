# Helpers of the plat/kvm tests (sourced, not a test itself): builds the
# platform test guest (plat/kvm/tests/app) once through the build driver and
# boots it. The build folder is shared by the tests of one user and
# serialised with flock, so the guest is compiled once per change.
. "$(dirname "${BASH_SOURCE[0]}")/../../../tests/lib.sh"

# one cache per user and source tree: two checkouts must not share objects
KVMT_DIR=${KVMT_DIR:-${TMPDIR:-/tmp}/unikit-kvmplat-test-$(id -u)-$(printf %s "$UK_ROOT" | cksum | cut -d" " -f1)}
KVMT_APP=$UK_ROOT/plat/kvm/tests/app
KVMT_IMAGE=$KVMT_DIR/b/app_qemu-x86_64
KVMT_PVH=$KVMT_DIR/app_pvh-only
KVMT_FC_IMAGE=$KVMT_DIR/fc/app_fc-x86_64
KVMT_QUIET_IMAGE=$KVMT_DIR/quiet/app_qemu-x86_64

# kvmt_variant NAME SED: builds the guest in $KVMT_DIR/NAME with the
# defconfig edited by SED (called with the build lock held)
kvmt_variant() {
	local d=$KVMT_DIR/$1
	if ! cmp -s "$KVMT_DIR/defconfig.used" "$d.from"; then
		rm -rf "$d"
		sed "$2" "$KVMT_APP/defconfig" >"$d.config"
		make -s -C "$UK_ROOT" A="$KVMT_APP" O="$d" UK_CONFIG="$d.config" olddefconfig || return 1
		cp "$KVMT_DIR/defconfig.used" "$d.from"
	fi
	make -C "$UK_ROOT" A="$KVMT_APP" O="$d" UK_CONFIG="$d.config"
}

# kvmt_build: 0 when the images are ready; the driver's output is in
# $KVMT_DIR/build.log
kvmt_build() {
	mkdir -p "$KVMT_DIR"
	(
		flock 9 || exit 1
		if ! cmp -s "$KVMT_APP/defconfig" "$KVMT_DIR/defconfig.used"; then
			rm -rf "$KVMT_DIR/b"
			cp "$KVMT_APP/defconfig" "$KVMT_DIR/config"
			make -s -C "$UK_ROOT" A="$KVMT_APP" O="$KVMT_DIR/b" UK_CONFIG="$KVMT_DIR/config" \
				olddefconfig || exit 1
			cp "$KVMT_APP/defconfig" "$KVMT_DIR/defconfig.used"
		fi
		make -C "$UK_ROOT" A="$KVMT_APP" O="$KVMT_DIR/b" UK_CONFIG="$KVMT_DIR/config" || exit 1
		kvmt_make_pvh_only "$KVMT_IMAGE" "$KVMT_PVH"
		# the Firecracker flavour (same code, plus the i8042 reset exit)
		kvmt_variant fc 's/^CONFIG_KVM_VMM_QEMU=y/CONFIG_KVM_VMM_FIRECRACKER=y/' || exit 1
		# no console at all, no isa-debug-exit
		kvmt_variant quiet 's/^CONFIG_KVM_\(CONSOLE_SERIAL\|CONSOLE_VGA\|DEBUG_EXIT\)=y/# CONFIG_KVM_\1 is not set/' ||
			exit 1
	) 9>"$KVMT_DIR/lock" >"$KVMT_DIR/build.log" 2>&1
}

# A copy of the image without a valid multiboot header: QEMU prefers
# multiboot when both entries exist, so this is how the PVH entry is booted.
kvmt_make_pvh_only() {
	python3 - "$1" "$2" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
i = d.find((0x1badb002).to_bytes(4, 'little'))
if i < 0 or i >= 8192:
    sys.exit("multiboot header not in the first 8 KiB")
d[i:i + 4] = b'\0\0\0\0'
open(sys.argv[2], 'wb').write(d)
PY
}

# kvmt_boot OUT MACHINE IMAGE APPEND [qemu args]: like qemu_boot, output
# without the serial line's carriage returns; returns QEMU's status
kvmt_boot() {
	local out=$1 rc
	qemu_boot "$@"
	rc=$?
	sed -i 's/\r$//' "$out"
	return $rc
}

# kvmt_field FILE PATTERN KEY: value of KEY=... on the first line matching
kvmt_field() {
	grep -m1 -- "$2" "$1" | tr ' ' '\n' | sed -n "s/^$3=//p" | head -1
}

# A scratch folder for one test run, removed when the test exits. (Set in
# the test's own shell: a trap set inside $(...) would fire at once.)
kvmt_tmpdir() {
	KVMT_TMP=$(mktemp -d "${TMPDIR:-/tmp}/unikit-kvmtest.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$KVMT_TMP'" EXIT
}
