#!/usr/bin/env bash
# log.sh: the boot harness's serial-log reader.  Checks the @@ markers of a
# log (the protocol is in docs/boot-test.md: setup steps, each test's exit
# status, @@DONE), prints test outputs as dom0 printed them and recovers
# files dumped from dom0 byte for byte.  judge.sh builds its rules on it.
#
# usage: scripts/boot/log.sh [options] LOG
#   -e NAME[=RC]   test NAME must have run and ended with RC (default 0);
#                  repeatable.  Without -e every test in the log must end 0.
#   -d NAME=FILE   recover dump NAME into FILE (checked against the size and
#                  sha256 dom0 printed; written atomically)
#   -o NAME        print the output of test NAME (markers and Xen lines cut)
#   -O DIR         write the output of every test to DIR/NAME.out (one pass)
#   -m KIND        print the @@KIND marker lines (e.g. BENCH, NOTE)
#   -q             print only failures
# With -o or -m the verdict lines go to stderr, so that stdout holds only
# what dom0 printed.
# Exit status: 0 pass, 1 fail, 2 usage error or unreadable log.
set -euo pipefail

expects=()
dumps=()
outputs=()
kinds=()
quiet=0
outdir=''
while getopts e:d:o:O:m:q opt; do
    case $opt in
    e) expects+=("$OPTARG") ;;
    d) dumps+=("$OPTARG") ;;
    o) outputs+=("$OPTARG") ;;
    O) outdir=$OPTARG ;;
    m) kinds+=("$OPTARG") ;;
    q) quiet=1 ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { sed -n '7,18p' "$0" >&2; exit 2; }
log=$1
[ -r "$log" ] || { echo "log.sh: cannot read log '$log'" >&2; exit 2; }

# Verdict lines: stdout, or stderr when stdout carries outputs (-o, -m).
vfd=1
[ ${#outputs[@]} -eq 0 ] && [ ${#kinds[@]} -eq 0 ] || vfd=2
failures=0
fail() {
    echo "FAIL: $*" >&$vfd
    failures=$((failures + 1))
}
ok() {
    [ $quiet -eq 1 ] || echo "ok: $*" >&$vfd
}

# The marker lines only, each cut to start at its "@@" (dom0 output without
# a final newline, or a Xen line, may precede a marker on the same line).
markers=$(tr -d '\r' <"$log" | sed -n 's/^.*\(@@[A-Z][A-Z]*\( .*\)\{0,1\}\)$/\1/p' |
    grep -v '^@@D ' || true)

mfield() { # mfield LINE KEY: the value of KEY=VALUE in a marker line
    local w
    for w in $1; do
        case $w in "$2="*) echo "${w#*=}"; return ;; esac
    done
}

if grep -q '^@@BOOT ' <<<"$markers"; then
    ok "dom0 init started ($(grep -m1 '^@@BOOT ' <<<"$markers" | cut -c8-))"
else
    fail "no @@BOOT marker: dom0 never ran /init"
fi
while read -r _ step rest; do
    [ -n "$step" ] || continue
    rc=$(mfield "$rest" rc)
    if [ "$rc" = 0 ]; then ok "setup $step"; else fail "setup $step rc=$rc"; fi
done < <(grep '^@@SETUP ' <<<"$markers" || true)

# Every BEGIN needs its END (a missing END means dom0 died in the test).
declare -A rcs
while read -r kind name rest; do
    case $kind in
    @@BEGIN) [ -n "${rcs[$name]+x}" ] || rcs[$name]=missing ;;
    @@END) rcs[$name]=$(mfield "$rest" rc) ;;
    esac
done < <(grep -E '^@@(BEGIN|END) ' <<<"$markers" || true)

if [ ${#expects[@]} -eq 0 ]; then
    [ ${#rcs[@]} -gt 0 ] || fail "no test ran"
    for name in "${!rcs[@]}"; do expects+=("$name"); done
fi
for e in "${expects[@]}"; do
    name=${e%%=*}
    want=0
    [ "$e" = "$name" ] || want=${e#*=}
    got=${rcs[$name]-}
    if [ -z "$got" ]; then
        fail "test $name did not run"
    elif [ "$got" = missing ]; then
        fail "test $name began but never ended"
    elif [ "$got" != "$want" ]; then
        fail "test $name rc=$got (want $want)"
    else
        ok "test $name rc=$got"
    fi
done

if grep -q '^@@DONE ' <<<"$markers"; then
    ok "dom0 finished ($(grep -m1 '^@@DONE ' <<<"$markers" | cut -c8-))"
else
    fail "no @@DONE marker: dom0 did not reach the end of its tests"
fi

# Recover dumps: the @@D lines of NAME, in order, base64-decoded.
for d in ${dumps[@]+"${dumps[@]}"}; do
    name=${d%%=*}
    out=${d#*=}
    [ "$name" != "$d" ] && [ -n "$out" ] || { echo "log.sh: -d wants NAME=FILE" >&2; exit 2; }
    head=$(grep -m1 "^@@DUMP $name " <<<"$markers" || true)
    if [ -z "$head" ] || [ "$(cut -d' ' -f3 <<<"$head")" = missing ]; then
        fail "dump $name: not in the log"
        continue
    fi
    size=$(mfield "$head" size)
    sum=$(mfield "$head" sha256)
    mkdir -p "$(dirname "$out")"
    tmp=$(mktemp "$out.XXXXXX")
    tr -d '\r' <"$log" | awk -v n="$name" '$1 == "@@D" && $2 == n { print $3 }' |
        base64 -d >"$tmp" 2>/dev/null || true
    gsize=$(wc -c <"$tmp")
    gsum=$(sha256sum <"$tmp" | cut -d' ' -f1)
    if [ "$gsize" != "$size" ] || [ "$gsum" != "$sum" ]; then
        rm -f "$tmp"
        fail "dump $name: recovered $gsize bytes sha256 $gsum, dom0 said $size bytes sha256 $sum"
        continue
    fi
    chmod 644 "$tmp"
    mv "$tmp" "$out"
    ok "dump $name: $size bytes -> $out"
done

# Outputs: lines between "@@BEGIN NAME" and its "@@END", Xen's own lines
# left out; text before the @@END marker on its line is output too.
for name in ${outputs[@]+"${outputs[@]}"}; do
    tr -d '\r' <"$log" | awk -v n="$name" '
        done { next }
        !on {
            i = index($0, "@@BEGIN " n)
            if (i && substr($0, i) == "@@BEGIN " n) on = 1
            next
        }
        index($0, "@@END " n " ") {
            pre = substr($0, 1, index($0, "@@END " n " ") - 1)
            if (pre != "") print pre
            on = 0
            done = 1
            next
        }
        on && !/^\(XEN\) / { print }'
done

# -O: every test's output at once, the same cut as -o.
if [ -n "$outdir" ]; then
    mkdir -p "$outdir"
    rm -f "$outdir"/*.out
    tr -d '\r' <"$log" | awk -v d="$outdir" '
        !on {
            i = index($0, "@@BEGIN ")
            if (i) { n = substr($0, i + 8); if (n ~ /^[A-Za-z0-9._-]+$/) { on = 1; f = d "/" n ".out"; printf "" >f } }
            next
        }
        index($0, "@@END " n " ") {
            pre = substr($0, 1, index($0, "@@END " n " ") - 1)
            if (pre != "") print pre >f
            close(f)
            on = 0
            next
        }
        on && !/^\(XEN\) / { print >f }'
fi

for k in ${kinds[@]+"${kinds[@]}"}; do
    grep "^@@$k " <<<"$markers" || true
done

if [ $failures -gt 0 ]; then
    echo "log.sh: FAIL ($failures problems) in $log" >&$vfd
    exit 1
fi
[ $quiet -eq 1 ] || echo "log.sh: PASS $log" >&$vfd
exit 0
