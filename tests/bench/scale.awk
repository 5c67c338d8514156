# scale.awk -v k=K DOC: a synthetic statement K times the size of DOC,
# for tests/bench/bench.sh.  Everything outside "# Feature Support" is
# kept; inside, each "## " section keeps its name and holds K copies of
# its features, every feature heading (### and deeper) renamed to a
# short unique name ("f" + a base-36 serial), so that names do not
# collide and the string pool stays within the table's 64 KiB of names.
# The same renaming applies at K = 1, so per-feature costs compare.
/^# / { if (infs && seen && !tail) { flush(); tail = 1 }; if ($0 ~ /^# Feature Support/) infs = 1 }
!infs || (!seen && !/^## /) { print; next }
tail { print; next }
/^## / { flush(); print; seen = 1; body = ""; next }
{ body = body $0 "\n" }
function b36(n,   s) { s = ""; do { s = substr("0123456789abcdefghijklmnopqrstuvwxyz", n % 36 + 1, 1) s; n = int(n / 36) } while (n); return s }
function flush(   i, n, lines, j, out, h) {
    if (body == "") return
    n = split(body, lines, "\n")
    for (i = 1; i <= k; i++)
        for (j = 1; j < n; j++) {
            out = lines[j]
            if (match(out, /^###+ /)) out = substr(out, 1, RLENGTH) "f" b36(serial++)
            print out
        }
    body = ""
}
END { flush() }
