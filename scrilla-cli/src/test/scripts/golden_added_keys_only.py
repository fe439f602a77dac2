#!/usr/bin/env python3
"""Checks that a change of the CLI's golden files (src/test/resources/golden) only added keys.

Usage, from the repository's root:

    python3 scrilla-cli/src/test/scripts/golden_added_keys_only.py OLD_REVISION [NEW_REVISION]

For every golden file of OLD_REVISION, the file of NEW_REVISION (default: the working tree) must
hold every value of the old one at the same place: every number with the same decimal text (so the
same double), every string and array length the same; objects may only gain keys (such as "meta"
and "errors"). Prints what it compared and exits 1 on the first difference.
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

GOLDEN = "scrilla-cli/src/test/resources/golden"


def files(rev):
    out = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, GOLDEN + "/"],
        check=True, capture_output=True, text=True).stdout
    return [Path(p).name for p in out.split() if p.endswith(".json")]


def read(rev, name):
    path = GOLDEN + "/" + name
    if rev is None:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = subprocess.run(["git", "show", rev + ":" + path],
                              check=True, capture_output=True, text=True).stdout
    # numbers as their decimal text, so that a changed digit is a changed number
    return json.loads(text, parse_float=Decimal, parse_int=Decimal)


def compare(path, old, new, counts):
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return path + ": an object became " + type(new).__name__
        for key, value in old.items():
            if key not in new:
                return path + "." + key + ": removed"
            diff = compare(path + "." + key, value, new[key], counts)
            if diff:
                return diff
        counts["added"] += len(set(new) - set(old))
        return None
    if isinstance(old, list):
        if not isinstance(new, list) or len(new) != len(old):
            return path + ": array changed length"
        for i, (o, n) in enumerate(zip(old, new)):
            diff = compare(path + "[" + str(i) + "]", o, n, counts)
            if diff:
                return diff
        return None
    if isinstance(old, Decimal):
        counts["numbers"] += 1
        if not isinstance(new, Decimal) or str(old) != str(new):
            return path + ": " + str(old) + " became " + str(new)
        return None
    counts["other"] += 1
    return None if old == new else path + ": " + repr(old) + " became " + repr(new)


def main():
    old_rev = sys.argv[1]
    new_rev = sys.argv[2] if len(sys.argv) > 2 else None
    counts = {"numbers": 0, "other": 0, "added": 0}
    names = files(old_rev)
    for name in names:
        diff = compare(name, read(old_rev, name), read(new_rev, name), counts)
        if diff:
            print("changed: " + diff)
            return 1
    print("%d golden files: %d numbers and %d other values unchanged, %d keys added"
          % (len(names), counts["numbers"], counts["other"], counts["added"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
