#!/usr/bin/env python3
"""compare-list.py DOM0_JSON HOST_JSON: check `xen-support list --json` as
printed inside dom0 (read from the hypervisor) against the host's output
for the same document.  Prints the counts; exit 0 equal, 1 different or
invalid JSON, 2 usage."""
import json
import sys


def load(path, who):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"{who} JSON invalid: {path}: {e}")
        sys.exit(1)


def rows(doc):
    return sum(len(f.get("rows", [])) for f in doc.get("features", []))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    dom0 = load(sys.argv[1], "dom0")
    host = load(sys.argv[2], "host")
    bad = 0
    if not isinstance(dom0, dict) or "release" not in dom0 or "features" not in dom0:
        print("dom0 JSON lacks 'release' or 'features'")
        return 1
    if dom0["release"] != host["release"]:
        print(f"release facts differ: dom0 {dom0['release']} host {host['release']}")
        bad = 1
    nd, nh = rows(dom0), rows(host)
    fd, fh = len(dom0["features"]), len(host["features"])
    if (nd, fd) != (nh, fh):
        print(f"counts differ: dom0 {fd} features {nd} rows, host {fh} features {nh} rows")
        bad = 1
    elif dom0["features"] != host["features"]:
        for i, (a, b) in enumerate(zip(dom0["features"], host["features"])):
            if a != b:
                print(f"feature {i} differs: dom0 {a} host {b}")
                break
        bad = 1
    rel = dom0["release"].get("xen_version", "?")
    print(f"{fd} features, {nd} rows (host: {fh}, {nh}), xen_version {rel}")
    return bad


if __name__ == "__main__":
    sys.exit(main())
