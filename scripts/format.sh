#!/usr/bin/env bash
# format.sh check|fix FILE...: run clang-format with the .clang-format of
# each file's directory (Xen style in xen-side/, C11 style elsewhere).
set -euo pipefail
mode=$1; shift
cf=${CLANG_FORMAT:-clang-format}
[ $# -gt 0 ] || exit 0
if [ "$mode" = fix ]; then
    exec "$cf" -i --style=file "$@"
fi
bad=0
for f in "$@"; do
    if ! "$cf" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then
        echo "format-check: $f is not formatted (run 'make format')" >&2
        bad=1
    fi
done
[ $bad -eq 0 ] && echo "format-check: $# files ok"
exit $bad
