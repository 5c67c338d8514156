#!/usr/bin/env bash
# upstream-statements.sh [-r] REPO OUTDIR [GEN]: read every revision of
# upstream Xen's SUPPORT.md with xen-support-gen and report, per
# revision, its rows, its rows at level 'other', its warnings and its
# errors.  REPO is a git directory of xen-project/xen; OUTDIR a scratch
# folder (the statements are extracted there, never committed); GEN the
# generator (default build/default/bin/xen-support-gen).
#
# Revisions: every commit touching SUPPORT.md on master and on
# stable-4.11 .. stable-4.22 (each distinct text read once).  With -r,
# only the release tags RELEASE-4.11.0 .. RELEASE-4.22.0 and master, with
# the main kinds of warning of each.
#
# Prints one line per revision (its name: the commit, or the tag; rows;
# rows at level other; warnings; errors, each error below it), then a
# total.  The rows at level other are listed in OUTDIR/other.txt, as
# "REVISION:LINE: Key, qualifier: value".  Exits 1 if any revision gave
# an error, 2 on bad usage.
set -euo pipefail

releases=0
if [ "${1-}" = -r ]; then
    releases=1
    shift
fi
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 [-r] REPO OUTDIR [GEN]" >&2
    exit 2
fi
repo=$1
out=$2
gen=${3:-build/default/bin/xen-support-gen}
[ -x "$gen" ] || { echo "$0: no generator '$gen'" >&2; exit 2; }
git -C "$repo" rev-parse -q --verify master >/dev/null || {
    echo "$0: '$repo' has no master branch" >&2
    exit 2
}
mkdir -p "$out"

branches=(master)
for v in 11 12 13 14 15 16 17 18 19 20 21 22; do
    git -C "$repo" rev-parse -q --verify "stable-4.$v" >/dev/null &&
        branches+=("stable-4.$v")
done

# "NAME BLOB" lines: the revisions to read.
if [ "$releases" -eq 1 ]; then
    for v in 11 12 13 14 15 16 17 18 19 20 21 22; do
        t=RELEASE-4.$v.0
        b=$(git -C "$repo" rev-parse -q --verify "$t:SUPPORT.md") || continue
        echo "$t $b"
    done >"$out/revs"
    echo "master $(git -C "$repo" rev-parse master:SUPPORT.md)" >>"$out/revs"
else
    git -C "$repo" rev-list "${branches[@]}" -- SUPPORT.md |
        while read -r c; do
            b=$(git -C "$repo" rev-parse -q --verify "$c:SUPPORT.md") ||
                continue
            echo "${c:0:12} $b"
        done | sort -k2,2 -u | sort >"$out/revs"
fi

# Rows at level other, as "LINE: qualifier: value", from the JSON model.
others() {
    python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
for s in m["sections"]:
  for f in s["features"]:
    for r in f["rows"]:
        if r["level"] == "other":
            print("%d: %s%s: %s" % (r["line"], r["key"],
                  ", " + r["qualifier"] if r["qualifier"] else "", r["value"]))
' "$1"
}

# The kinds of warning of an .err file, most frequent first, as
# "N kind; N kind ...".
kinds() {
    sed -n 's/^[^ ]*: warning: //p' "$1" | sed "
        s/^heading ends in ':'.*/heading ends in ':'/; t
        s/^key '.*non-status value.*/label as key, value no status/; t
        s/^'.*' is spelt .*/phrase spelt unlike other rows/; t
        s/^level-4 heading in the status label.*/level-4 label heading/; t
        s/^status '.*' is no label.*/status form that is no label/; t
        s/^unknown status .*/misspelt status/; t
        s/^unknown key .*/unknown key/; t
        s/^qualifier '.*' repeated .*/repeated qualifier/; t
        s/^second '.*' line without a qualifier.*/repeated qualifier/; t
        s/^line continues the status value.*/value continued on a line/; t
        s/^code block holds no status line.*/code block of no status/; t
        s/^line is no status line.*/line of no status/; t
        s/^no status rows.*/no status rows/; t
        s/^\([^;:,(]*\).*/\1/" |
        sort | uniq -c | sort -k1,1rn -k2 |
        awk '{ n = $1; $1 = ""; printf "%s%d%s", sep, n, $0; sep = "; " }'
}

printf '%-16s %5s %6s %9s %7s\n' revision rows other warnings errors
: >"$out/other.txt"
total_err=0
nrev=0
while read -r name blob; do
    doc=$out/$name.md
    git -C "$repo" cat-file blob "$blob" >"$doc"
    rc=0
    "$gen" --json "$out/$name.json" "$doc" 2>"$out/$name.err" || rc=$?
    warn=$(grep -c ': warning: ' "$out/$name.err" || true)
    err=$(grep -c ': error: ' "$out/$name.err" || true)
    if [ "$rc" -ne 0 ] && [ "$err" -eq 0 ]; then
        err=1
        echo "$name: exit $rc" >>"$out/$name.err"
    fi
    rows=- other=-
    if [ "$rc" -eq 0 ]; then
        rows=$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["counts"]["rows"])
' "$out/$name.json")
        others "$out/$name.json" >"$out/$name.other"
        other=$(wc -l <"$out/$name.other")
        sed "s|^|$name:|" "$out/$name.other" >>"$out/other.txt"
    fi
    line=$(printf '%-16s %5s %6s %9s %7s' "$name" "$rows" "$other" "$warn" \
        "$err")
    if [ "$releases" -eq 1 ]; then
        line="$line  $(kinds "$out/$name.err")"
    fi
    echo "$line"
    if [ "$err" -ne 0 ]; then
        grep ': error: ' "$out/$name.err" | sed 's/^/  /' || true
        total_err=$((total_err + 1))
    fi
    nrev=$((nrev + 1))
done <"$out/revs"
echo "$nrev revisions, $total_err with errors;" \
    "$(wc -l <"$out/other.txt") rows at level other (see $out/other.txt)"
[ "$total_err" -eq 0 ]
