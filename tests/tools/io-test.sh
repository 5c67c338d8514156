#!/usr/bin/env bash
# io-test.sh: what xen-support and xen-support-gen do with awkward outputs
# and inputs (gen/lib/fileio.h states the rules), as root and as an
# unprivileged user, against device nodes made here (never the machine's
# own /dev) and FIFOs.  Each case asserts the exit status, the message and
# what is left on disk.  Env: O (build folder), SANITIZE (1: ASan, whose
# shadow memory cannot live under ulimit -v, so the memory bound is
# checked in the plain run only).
set -uo pipefail
O=${O:-build/default}
XS=$(realpath "$O/bin/xen-support")
GENBIN=$(realpath "$O/bin/xen-support-gen")
GEN=("$GENBIN" --quiet)
DOC=$(realpath docs/SUPPORT.md)
if [ "$(id -u)" != 0 ]; then
    echo "io-test: SKIP: needs root (mknod, and setpriv to nobody)"
    exit 0
fi
tmp=$(mktemp -d /tmp/xs-io.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
fails=0
fail() { echo "io-test: FAIL: $*" >&2; fails=$((fails + 1)); }

# expect STATUS PATTERN CMD...: run CMD, check its status and that stderr
# matches PATTERN (grep -E; "" for empty stderr).
expect() {
    local want=$1 pat=$2 rc
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" = "$want" ] || fail "$* exited $rc, expected $want: $(cat "$tmp/err")"
    if [ -z "$pat" ]; then
        [ ! -s "$tmp/err" ] || fail "$*: unexpected stderr: $(cat "$tmp/err")"
    else
        grep -Eq -- "$pat" "$tmp/err" || fail "$*: stderr lacks /$pat/: $(cat "$tmp/err")"
    fi
}
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
is_chr() { [ -c "$1" ] && [ ! -L "$1" ] || fail "$1 is no longer a character device"; }
no_temp() {
    local left
    left=$(find "$1" -maxdepth 1 -name '.*.??????' -o -maxdepth 1 -name '*.tmp.*')
    [ -z "$left" ] || fail "temporary files left in $1: $left"
}

"${GEN[@]}" -o "$tmp/t.bin" "$DOC" 2>/dev/null || { echo "io-test: cannot make a table" >&2; exit 1; }
T=$tmp/t.bin
mknod -m 666 "$tmp/full" c 1 7
mknod -m 666 "$tmp/null" c 1 3
mknod -m 666 "$tmp/zero" c 1 5

# Outputs: a device is written in place, never replaced.
expect 2 "write error on $tmp/full: No space left on device" \
    "$XS" --table "$T" dump -o "$tmp/full"
is_chr "$tmp/full"
expect 2 "write error on $tmp/full: No space left on device" \
    "${GEN[@]}" -o "$tmp/full" "$DOC"
is_chr "$tmp/full"
expect 2 "write error on $tmp/full: No space left on device" \
    "${GEN[@]}" --json "$tmp/full" "$DOC"
is_chr "$tmp/full"
expect 0 "" "$XS" --table "$T" dump -o "$tmp/null"
is_chr "$tmp/null"
expect 0 "" as_nobody "$XS" --table "$T" dump -o "$tmp/null"
expect 2 "write error on $tmp/null.h: Permission denied" \
    as_nobody "${GEN[@]}" -o "$tmp/null" --header "$tmp/null.h" "$DOC"
is_chr "$tmp/null"
[ ! -e "$tmp/null.h" ] || fail "nobody created a file in a root-only folder"

# '-' is standard output; no file named '-' appears.
(cd "$tmp" && "$XS" --table "$T" dump -o - >"$tmp/stdout.bin") ||
    fail "dump -o - failed"
cmp -s "$T" "$tmp/stdout.bin" || fail "dump -o - did not write the table to stdout"
[ ! -e "$tmp/-" ] || fail "dump -o - created a file named '-'"
expect 2 "only --json can write to '-'" "${GEN[@]}" -o - "$DOC"

# Standard output that fails: the reason, status 2.
expect 2 "write error on standard output: No space left on device" \
    sh -c "'$XS' --help >'$tmp/full'"
expect 2 "write error on standard output: No space left on device" \
    sh -c "'$XS' --table '$T' list >'$tmp/full'"
expect 2 "write error on standard output: No space left on device" \
    sh -c "'$GENBIN' --version >'$tmp/full'"
expect 2 "write error on standard output: No space left on device" \
    sh -c "'$GENBIN' --json - '$DOC' >'$tmp/full'"
is_chr "$tmp/full"

# A regular file keeps its mode; a new one gets 0666 less the umask.
mkdir "$tmp/reg"
printf old >"$tmp/reg/keep.bin"
chmod 600 "$tmp/reg/keep.bin"
expect 0 "" "$XS" --table "$T" dump -o "$tmp/reg/keep.bin"
[ "$(stat -c %a "$tmp/reg/keep.bin")" = 600 ] || fail "mode 600 not kept"
cmp -s "$T" "$tmp/reg/keep.bin" || fail "dump did not replace the file"
(umask 022 && "$XS" --table "$T" dump -o "$tmp/reg/new.bin") || fail "new file"
[ "$(stat -c %a "$tmp/reg/new.bin")" = 644 ] || fail "new file not 644"
no_temp "$tmp/reg"

# A symbolic link is written through: the link stays, its target changes.
printf old >"$tmp/reg/target.bin"
chmod 640 "$tmp/reg/target.bin"
ln -s target.bin "$tmp/reg/link.bin"
expect 0 "" "$XS" --table "$T" dump -o "$tmp/reg/link.bin"
[ -L "$tmp/reg/link.bin" ] || fail "the symlink was replaced"
cmp -s "$T" "$tmp/reg/target.bin" || fail "the link's target was not written"
[ "$(stat -c %a "$tmp/reg/target.bin")" = 640 ] || fail "target mode not kept"
ln -s "$tmp/null" "$tmp/reg/tonull"
expect 0 "" "${GEN[@]}" -o "$tmp/reg/tonull" "$DOC"
is_chr "$tmp/null"
ln -s missing/x "$tmp/reg/dangling"
expect 2 "dangling: No such file or directory" \
    "$XS" --table "$T" dump -o "$tmp/reg/dangling"
[ -L "$tmp/reg/dangling" ] || fail "the dangling link was replaced"
expect 2 "$tmp/reg: Is a directory" "$XS" --table "$T" dump -o "$tmp/reg"
expect 2 "$tmp/reg: Is a directory" "${GEN[@]}" -o "$tmp/reg" "$DOC"
expect 2 "No such file or directory" \
    "$XS" --table "$T" dump -o "$tmp/nodir/x.bin"
no_temp "$tmp/reg"

# A FIFO is written in place, to its reader.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
reader=$!
expect 0 "" timeout 20 "$XS" --table "$T" dump -o "$tmp/fifo"
wait "$reader"
[ -p "$tmp/fifo" ] || fail "the FIFO was replaced"
cmp -s "$T" "$tmp/fifo.out" || fail "the FIFO's reader did not get the table"

# A failed write leaves the old file and no temporary file (nobody cannot
# write the folder; root could).
mkdir "$tmp/ro"
printf old >"$tmp/ro/t.bin"
chmod 644 "$tmp/ro/t.bin"
expect 2 "write error on $tmp/ro/t.bin: Permission denied" \
    as_nobody "$XS" --table "$T" dump -o "$tmp/ro/t.bin"
[ "$(cat "$tmp/ro/t.bin")" = old ] || fail "a failed write changed the file"
expect 2 "Permission denied" as_nobody "${GEN[@]}" -o "$tmp/ro/t.bin" "$DOC"
no_temp "$tmp/ro"
# Several outputs: one that fails means none is written.
printf old >"$tmp/reg/a.bin"
expect 2 "$tmp/reg: Is a directory" \
    "${GEN[@]}" -o "$tmp/reg/a.bin" --header "$tmp/reg" "$DOC"
[ "$(cat "$tmp/reg/a.bin")" = old ] || fail "a failed run wrote another output"

# Inputs: endless devices stop at the cap, which the message names; in
# bounded time and, in the plain run, memory.
limit() {
    if [ "${SANITIZE:-0}" = 1 ]; then
        timeout 30 "$@"
    else
        (ulimit -v 262144 && exec timeout 30 "$@")
    fi
}
expect 2 "zero: larger than the 4 MiB limit for documents" \
    limit "$XS" --document "$tmp/zero" info
expect 2 "zero: larger than the 4 MiB limit for documents" \
    limit "$XS" diff "$tmp/zero" "$DOC"
expect 2 "zero: larger than the 4 MiB limit for documents" \
    limit "${GEN[@]}" -o "$tmp/reg/z.bin" "$tmp/zero"
expect 2 "zero: larger than the 1 MiB limit for tables" \
    limit "$XS" --table "$tmp/zero" info
head -c $((2 << 20)) /dev/urandom >"$tmp/big.bin"
expect 2 "big.bin: larger than the 1 MiB limit for tables" \
    "$XS" --table "$tmp/big.bin" info
head -c 100 "$T" >"$tmp/short.bin"
expect 3 "short.bin: invalid table: truncated" "$XS" --table "$tmp/short.bin" info
expect 2 "missing.md: No such file or directory" \
    "$XS" --document "$tmp/missing.md" info
expect 2 "missing.md: No such file or directory" "${GEN[@]}" "$tmp/missing.md"
cp "$DOC" "$tmp/private.md"
chmod 600 "$tmp/private.md"
expect 2 "private.md: Permission denied" \
    as_nobody "$XS" --document "$tmp/private.md" info
expect 2 "private.md: Permission denied" as_nobody "${GEN[@]}" "$tmp/private.md"
expect 2 "reg: Is a directory" "$XS" --document "$tmp/reg" info

if [ "$fails" -ne 0 ]; then
    echo "io-test: $fails failure(s)" >&2
    exit 1
fi
echo "io-test: all cases passed"
