# Shared helpers for *.test scripts (bash). Source it:
#   . "$(dirname "$0")/../lib.sh"   (adjust the path)
# Then report each case with pass/fail; `finish` sets the exit status.

UK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export UK_ROOT
_t_failed=0

pass() { echo "PASS $1"; }
fail() {
	echo "FAIL $1: $2"
	_t_failed=1
}
# check NAME CMD...: PASS if CMD succeeds.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "command failed: $*"; fi
}
finish() { exit $_t_failed; }

# A scratch folder removed when the script exits: `t_tmpdir tmp` sets $tmp.
# (It sets the variable instead of printing the path: inside $(...) the
# trap would belong to the subshell and delete the folder at once.)
t_tmpdir() {
	local d
	d=$(mktemp -d "${TMPDIR:-/tmp}/unikit-test.XXXXXX") || exit 1
	# shellcheck disable=SC2064
	trap "rm -rf '$d'" EXIT
	printf -v "$1" '%s' "$d"
}

# Copy an example workspace (apps/NAME) to DEST, without build output.
t_copy_app() {
	mkdir -p "$2"
	tar -C "$UK_ROOT/apps/$1" --exclude=./workdir --exclude=./.config -cf - . | tar -C "$2" -xf -
	sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$2/Makefile"
}

# qemu_boot OUTFILE MACHINE IMAGE APPEND [extra qemu args...]: boots under
# TCG with isa-debug-exit and a timeout; returns QEMU's exit status.
qemu_boot() {
	local out=$1 machine=$2 image=$3 append=$4
	shift 4
	timeout "${QEMU_TIMEOUT:-60}" qemu-system-x86_64 -M "$machine" -nographic -no-reboot -m 64M \
		-device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$image" -append "$append" "$@" \
		</dev/null >"$out" 2>&1
}
