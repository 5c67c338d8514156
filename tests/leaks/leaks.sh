#!/usr/bin/env bash
# leaks.sh BINDIR TMP: run xen-support's commands (info, list, show, check,
# dump, diff, plain and --json, and their error paths) on docs/SUPPORT.md
# and on its table file, and xen-support-gen with every output, each
# under valgrind.  Fails if any run shows a definite or indirect leak or
# a memory error (valgrind's own exit status 99), whatever the command's
# own exit status (some cases are meant to exit 1 or 2).
set -uo pipefail
bin=$1 tmp=$2
xs=$bin/xen-support gen=$bin/xen-support-gen doc=docs/SUPPORT.md
command -v valgrind >/dev/null || { echo "leaks.sh: valgrind missing" >&2; exit 2; }
rm -rf "$tmp" && mkdir -p "$tmp"
vg=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect
    --show-leak-kinds=definite,indirect --error-exitcode=99)
runs=0 bad=0

# vg WANT CMD...: run CMD under valgrind; WANT is its expected exit status.
vg() {
    local want=$1 log rc
    shift
    runs=$((runs + 1))
    log=$tmp/run-$runs.log
    "${vg[@]}" --log-file="$log" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 99 ] || [ -s "$log" ]; then
        echo "LEAK/ERROR: $*"; sed 's/^/  /' "$log" | head -n 40
        bad=$((bad + 1))
    elif [ $rc -ne "$want" ]; then
        echo "UNEXPECTED EXIT $rc (want $want): $*"; head -n 5 "$tmp/err"
        bad=$((bad + 1))
    fi
}

# The generator, every output at once, then the table alone.
vg 0 "$gen" --quiet --with-descriptions -o "$tmp/s.bin" \
    --c-source "$tmp/s.c" --header "$tmp/s.h" --json "$tmp/s.json" "$doc"
vg 0 "$gen" --quiet --json - "$doc"
vg 0 "$gen" --quiet -o "$tmp/t.bin" "$doc"
vg 1 "$gen" --strict -o "$tmp/u.bin" "$doc"
vg 2 "$gen" --quiet -o "$tmp/v.bin" "$tmp/no-such.md"
printf '# Feature Support\n\n### x\n\n    Status: Bogus\n' >"$tmp/bad.md"
vg 1 "$gen" --strict -o "$tmp/w.bin" "$tmp/bad.md"
[ -s "$tmp/t.bin" ] || { echo "leaks.sh: no table written" >&2; exit 1; }

printf 'name = "g"\ntype = "hvm"\nnestedhvm = 1\ndisk = [ "vdev=xvda, target=/x" ]\nfrob = 1\n' \
    >"$tmp/guest.cfg"
for src in "--document $doc" "--table $tmp/t.bin"; do
    for json in "" --json; do
        # shellcheck disable=SC2086 # $src and $json are word lists
        set -- $src $json
        vg 0 "$xs" "$@" info
        vg 0 "$xs" "$@" list
        vg 0 "$xs" "$@" list --arch arm --level experimental
        vg 0 "$xs" "$@" list --section Toolstack
        vg 0 "$xs" "$@" show IOMMU
        vg 0 "$xs" "$@" show "x86/PV"
        vg 2 "$xs" "$@" show "no such feature"
        vg 0 "$xs" "$@" check IOMMU --arch x86
        vg 0 "$xs" "$@" check IOMMU --require security-supported
        vg 1 "$xs" "$@" check "ARM/GICv3 ITS" --require security-supported
        vg 2 "$xs" "$@" check "no such feature"
        # dump has no JSON form: refused, a usage error's path.
        vg "$([ -n "$json" ] && echo 2 || echo 0)" "$xs" "$@" dump -o "$tmp/dump.bin"
        vg 2 "$xs" "$@" bogus-command
        vg 0 "$xs" "$@" show rtds
        vg 1 "$xs" "$@" audit "$tmp/guest.cfg"
        vg 2 "$xs" "$@" show sched
    done
    # shellcheck disable=SC2086 # $src is a word list
    vg 0 "$xs" $src list --parseable
    # shellcheck disable=SC2086
    vg 0 "$xs" $src info --help
done
# diff takes its two sources itself (a document or a table each).
for json in "" --json; do
    vg 0 "$xs" $json diff "$doc" "$tmp/t.bin"
    vg 0 "$xs" $json diff --exit-code "$tmp/t.bin" "$tmp/s.bin"
    vg 0 "$xs" $json diff --document "$doc" --table "$tmp/s.bin"
    vg 1 "$xs" $json diff --exit-code "$doc" "$tmp/bad.md"
    vg 2 "$xs" $json diff "$doc" "$tmp/no-such.md"
done
head -c 100 "$tmp/t.bin" >"$tmp/short.bin"
vg 3 "$xs" --table "$tmp/short.bin" info
vg 2 "$xs" --table "$tmp/no-such.bin" info

echo "leaks.sh: $runs runs under valgrind, $bad with a leak, error or wrong exit"
[ $bad -eq 0 ]
