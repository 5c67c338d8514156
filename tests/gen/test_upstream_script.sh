#!/usr/bin/env bash
# test_upstream_script.sh GEN TMP: scripts/upstream-statements.sh on a
# git repository made here, shaped like upstream's (SUPPORT.md on master
# and a stable branch, a release tag), with fixtures as its revisions:
# every revision is read, the counts are the generator's, and a revision
# with errors makes the script fail and name them.
set -euo pipefail
gen=$1
tmp=$2
rm -rf "$tmp"
mkdir -p "$tmp"
repo=$tmp/repo
fail=0
bad() {
    echo "test_upstream_script: $*" >&2
    fail=1
}

g() { git -C "$repo" -c user.name=t -c user.email=t@t "$@"; }
git init -q -b master "$repo"
commit() {
    cp "tests/gen/fixtures/$1" "$repo/SUPPORT.md"
    g add SUPPORT.md
    g commit -q -m "$1"
}
commit upstream-forms.md
g tag RELEASE-4.11.0
g checkout -q -b stable-4.11
commit repeats.md
g checkout -q master
commit codeblocks.md
echo unrelated >"$repo/README"
g add README
g commit -q -m README

# every revision: three texts, no error; the rows at level other of
# upstream-forms.md are its four 'not supported' rows
out=$tmp/all.txt
scripts/upstream-statements.sh "$repo" "$tmp/all" "$gen" >"$out" ||
    bad "exit $? on clean revisions"
grep -q '^3 revisions, 0 with errors; 4 rows at level other' "$out" ||
    bad "wrong total: $(tail -n 1 "$out")"
# "ROWS WARNINGS" of fixture F, as the generator reads it
counts() {
    local rows
    rows=$("$gen" --json - "tests/gen/fixtures/$1" 2>"$tmp/w" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["counts"]["rows"])')
    echo "$rows $(grep -c ': warning: ' "$tmp/w")"
}
# the per-revision rows and warnings are the generator's
for f in upstream-forms.md repeats.md codeblocks.md; do
    c=$(g log --all --format=%H -1 --grep="^$f\$" | cut -c1-12)
    read -r rows warn < <(counts "$f")
    grep -Eq "^$c +$rows +[0-9]+ +$warn +0\$" "$out" ||
        bad "$f: want '$c $rows . $warn 0' in: $(cat "$out")"
done
grep -q ':21: Status, Xeon Phi: Not supported.$' "$tmp/all/other.txt" ||
    bad "other.txt lacks the Xeon Phi row"

# -r: the release tag and master, with the kinds of warning
scripts/upstream-statements.sh -r "$repo" "$tmp/rel" "$gen" >"$out" ||
    bad "-r: exit $?"
read -r rows warn < <(counts upstream-forms.md)
grep -Eq "^RELEASE-4.11.0 +$rows +4 +$warn +0 +6 status form that is no label;" \
    "$out" || bad "-r: RELEASE-4.11.0 line wrong: $(cat "$out")"
read -r rows warn < <(counts codeblocks.md)
grep -Eq "^master +$rows +0 +$warn +0 " "$out" || bad "-r: master line wrong"

# a revision with errors fails the run, each error named
commit errors.md
rc=0
scripts/upstream-statements.sh "$repo" "$tmp/err" "$gen" >"$out" || rc=$?
[ "$rc" -eq 1 ] || bad "exit $rc with an erroneous revision, want 1"
grep -q "\.md:15:5: error: expected 'Key" "$out" ||
    bad "errors not listed: $(cat "$out")"
grep -q '^4 revisions, 1 with errors' "$out" || bad "wrong total with errors"
[ "$fail" -eq 0 ] || exit 1
echo "test_upstream_script: ok"
