# Shared by the unikit *.test scripts: locate (or build) unikit, report PASS/FAIL lines.
# UNIKIT_BUILD selects a prebuilt output folder (e.g. the sanitizer build); otherwise the
# plain build in support/unikit/build is (re)made, serialized by a lock for parallel tests.
set -u
TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
UNIKIT_DIR=$(dirname "$TESTS_DIR")
FAILED=0

if [ -z "${UNIKIT_BUILD:-}" ]; then
	UNIKIT_BUILD=$UNIKIT_DIR/build
	mkdir -p "$UNIKIT_BUILD"
	if ! flock "$UNIKIT_BUILD/.lock" make -s -C "$UNIKIT_DIR" O="$UNIKIT_BUILD" all unit \
		>"$UNIKIT_BUILD/.make.log" 2>&1; then
		echo "FAIL build: make -C support/unikit failed (see $UNIKIT_BUILD/.make.log)"
		exit 1
	fi
fi
UNIKIT=$UNIKIT_BUILD/unikit
# The sanitizer build: libkconfig-parser and libcurl keep some memory until exit.
export LSAN_OPTIONS=suppressions=$TESTS_DIR/lsan.supp:print_suppressions=0
# A sanitizer report exits 99, so it never passes for an expected "exit 1".
export ASAN_OPTIONS=exitcode=99:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99

T=$(mktemp -d /tmp/unikit-test.XXXXXX)
cleanup_hooks=()
on_exit() {
	local h
	for h in "${cleanup_hooks[@]}"; do eval "$h"; done
	rm -rf "$T"
}
trap on_exit EXIT

pass() { echo "PASS $1"; }
fail() {
	echo "FAIL $1: $2"
	FAILED=1
}
# COND; expect $? NAME [WHY]: PASS if the previous command (or && chain) succeeded. The status
# is passed explicitly because command substitutions in WHY would overwrite $?.
expect() {
	local rc=$1 name=$2
	shift 2
	if [ "$rc" -eq 0 ]; then pass "$name"; else fail "$name" "${*:-check failed (status $rc)}"; fi
}
finish() { exit $FAILED; }
