# Shared by the integration tests: strict mode, a scratch directory, and
# small assertions that say what failed.
set -euo pipefail
: "${GALLEY:?GALLEY must name the galley binary}" "${SOURCE_DIR:?}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)  # tests/integration/support
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# expect_exit CODE COMMAND...: runs COMMAND, captures stderr in $WORK/stderr.
expect_exit() {
  local expected=$1; shift
  set +e
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local actual=$?
  set -e
  [[ $actual == "$expected" ]] || fail "'$*' exited $actual, expected $expected; stderr: $(cat "$WORK/stderr")"
}

epubcheck() { java -jar /usr/share/java/epubcheck.jar "$@"; }

# expect_valid_epub FILE [WHAT]: epubcheck reports no fatal error, no error
# and no warning. The sanitizer stage of scripts/test sets
# GALLEY_SKIP_EPUBCHECK=1 (which also skips Ace): it hunts memory errors,
# and its EPUBs are the same bytes as the normal build's, which epubcheck
# and Ace have already passed.
expect_valid_epub() {
  [[ ${GALLEY_SKIP_EPUBCHECK:-0} == 1 ]] && return 0
  epubcheck "$1" >"$WORK/epubcheck.txt" 2>&1 || fail "${2:-}epubcheck: $(cat "$WORK/epubcheck.txt")"
  contains "Messages: 0 fatals / 0 errors / 0 warnings" "$WORK/epubcheck.txt" ||
    fail "${2:-}epubcheck: $(cat "$WORK/epubcheck.txt")"
}

# `cmd | grep -q` fails at random under pipefail: grep exits at its first
# match and cmd dies of SIGPIPE. This reads all of its input.
contains() { grep "$@" >/dev/null; }
