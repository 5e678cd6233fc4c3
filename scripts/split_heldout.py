#!/usr/bin/python3
"""Make the fixed held-out split of the corpora (run once per file).

usage: split_heldout.py [--share 0.1] CORPORA_DIR LANG/LABEL.tsv...

For each file given (relative to CORPORA_DIR, e.g. pl/misuse.tsv), the
texts whose SHA-256 ranks them in the lowest SHARE of the file move to
CORPORA_DIR/heldout/LANG/LABEL.tsv; the rest stay. The choice depends only on
the texts, so it is reproducible; once made, the split is fixed by the
files themselves: later additions to a training file do not move anything.
A file that already has a held-out part is refused.
"""

import hashlib
import math
import os
import sys


def main(argv):
    share = 0.1
    if argv[:1] == ["--share"]:
        share = float(argv[1])
        argv = argv[2:]
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root, names = argv[0], argv[1:]
    for name in names:
        src = os.path.join(root, name)
        dst = os.path.join(root, "heldout", name)
        if os.path.exists(dst):
            print(f"split_heldout: {dst} exists; the split of {name} is already made",
                  file=sys.stderr)
            return 1
        with open(src, encoding="utf-8") as f:
            lines = f.read().splitlines()
        k = math.ceil(len(lines) * share)
        order = sorted(range(len(lines)),
                       key=lambda i: hashlib.sha256(lines[i].encode()).hexdigest())
        held = set(order[:k])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w", encoding="utf-8") as f:
            f.writelines(lines[i] + "\n" for i in range(len(lines)) if i in held)
        with open(src + ".tmp", "w", encoding="utf-8") as f:
            f.writelines(lines[i] + "\n" for i in range(len(lines)) if i not in held)
        os.replace(src + ".tmp", src)
        print(f"{name}: {len(lines) - k} train, {k} held out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
