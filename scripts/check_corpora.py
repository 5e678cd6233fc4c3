#!/usr/bin/python3
"""Check labeled corpora like code.

usage: check_corpora.py [--labels L1,L2,...] [--near 0.5] [--quiet] PATH...

PATH is a `label<TAB>text` file or a directory searched for *.tsv.
Reports, as FILE:LINE: problem, malformed lines, exact duplicates
(after case, accent and punctuation folding) and near duplicates (word
3-shingle Jaccard similarity above --near), across all the files given.
Then prints label balance, length distribution and script mix per
directory.  Exits 1 if any problem was found, 2 on usage errors.
"""

import collections
import os
import re
import sys
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)


def fold(text):
    """Lowercase, drop accents (so 'zle' and 'źle' compare equal)."""
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.replace("ł", "l")


def words(text):
    return WORD.findall(fold(text))


def shingles(ws):
    if len(ws) < 3:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + 3]) for i in range(len(ws) - 2)}


def script_of(text):
    counts = collections.Counter()
    for c in text:
        if not c.isalpha():
            continue
        name = unicodedata.name(c, "")
        if name.startswith("GREEK"):
            counts["greek"] += 1
        elif name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
        elif name.startswith("LATIN"):
            counts["latin"] += 1
        else:
            counts["other"] += 1
    return counts.most_common(1)[0][0] if counts else "none"


PL_DIACRITICS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def spelling_of(text, script):
    """A coarse class of how the text is written, for the script mix."""
    if script == "latin":
        if any(c in PL_DIACRITICS for c in text):
            return "latin+diacritics"
        return "latin-plain"
    if script == "greek":
        decomposed = unicodedata.normalize("NFD", text)
        if any(unicodedata.combining(c) for c in decomposed):
            return "greek+accents"
        return "greek-plain"
    return script


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, names in os.walk(p):
                for n in names:
                    if n.endswith(".tsv"):
                        files.append(os.path.join(root, n))
        else:
            files.append(p)
    return sorted(files)


def main(argv):
    labels = None
    near = 0.5
    quiet = False
    paths = []
    it = iter(argv)
    for a in it:
        if a == "--labels":
            labels = set(next(it, "").split(","))
        elif a == "--near":
            near = float(next(it, "0.5"))
        elif a == "--quiet":
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        elif a.startswith("-"):
            print(f"check_corpora: unknown option {a}", file=sys.stderr)
            return 2
        else:
            paths.append(a)
    if not paths:
        print("check_corpora: no PATH given (try --help)", file=sys.stderr)
        return 2

    problems = 0
    docs = []  # (file, line, label, text)

    def problem(f, n, msg):
        nonlocal problems
        problems += 1
        print(f"{f}:{n}: {msg}")

    for f in collect(paths):
        try:
            raw = open(f, "rb").read()
        except OSError as e:
            problem(f, 0, f"cannot read: {e.strerror}")
            continue
        if raw and not raw.endswith(b"\n"):
            problem(f, raw.count(b"\n") + 1, "no newline at end of file")
        for n, line in enumerate(raw.split(b"\n")[:-1] if raw.endswith(b"\n")
                                 else raw.split(b"\n"), 1):
            try:
                s = line.decode("utf-8")
            except UnicodeDecodeError as e:
                problem(f, n, f"invalid UTF-8 at byte {e.start + 1}")
                continue
            if s.endswith("\r"):
                problem(f, n, "CR line ending")
                s = s[:-1]
            if s.count("\t") != 1:
                problem(f, n, f"expected label<TAB>text, found {s.count(chr(9))} tabs")
                continue
            label, text = s.split("\t")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", label):
                problem(f, n, f"bad label {label!r}")
                continue
            if labels is not None and label not in labels:
                problem(f, n, f"unknown label {label!r}")
                continue
            if not text.strip():
                problem(f, n, "empty text")
                continue
            if text != text.strip():
                problem(f, n, "leading or trailing whitespace")
            if any(unicodedata.category(c) == "Cc" for c in text):
                problem(f, n, "control character in text")
            if unicodedata.normalize("NFC", text) != text:
                problem(f, n, "text is not NFC")
            docs.append((f, n, label, text))

    # Exact duplicates after folding.
    seen = {}
    for d in docs:
        key = " ".join(words(d[3]))
        if key in seen:
            o = seen[key]
            problem(d[0], d[1], f"duplicate of {o[0]}:{o[1]}")
        else:
            seen[key] = d

    # Near duplicates: candidate pairs share a shingle; rare shingles only.
    sh = [shingles(words(d[3])) for d in docs]
    index = collections.defaultdict(list)
    for i, s in enumerate(sh):
        for g in s:
            index[g].append(i)
    reported = set()
    for i, s in enumerate(sh):
        shared = collections.Counter()
        for g in s:
            posting = index[g]
            if len(posting) > 200:  # a stock phrase, not evidence
                continue
            for j in posting:
                if j < i:
                    shared[j] += 1
        for j, c in shared.items():
            union = len(s) + len(sh[j]) - c
            if union and c / union > near and (j, i) not in reported:
                key_i = " ".join(words(docs[i][3]))
                key_j = " ".join(words(docs[j][3]))
                if key_i == key_j:
                    continue  # already reported as exact
                reported.add((j, i))
                problem(docs[i][0], docs[i][1],
                        f"near duplicate ({c / union:.2f}) of "
                        f"{docs[j][0]}:{docs[j][1]}")

    if not quiet:
        report(docs)
    if problems:
        print(f"check_corpora: {problems} problem(s) in {len(docs)} texts",
              file=sys.stderr)
        return 1
    print(f"check_corpora: {len(docs)} texts, no problems", file=sys.stderr)
    return 0


def report(docs):
    by_dir = collections.defaultdict(list)
    for d in docs:
        by_dir[os.path.dirname(d[0]) or "."].append(d)
    for dname in sorted(by_dir):
        ds = by_dir[dname]
        print(f"\n== {dname}: {len(ds)} texts")
        per_label = collections.Counter(d[2] for d in ds)
        lens = collections.defaultdict(list)
        mix = collections.defaultdict(collections.Counter)
        for d in ds:
            n = len(WORD.findall(d[3]))
            lens[d[2]].append(n)
            mix[d[2]][spelling_of(d[3], script_of(d[3]))] += 1
        kinds = sorted({k for c in mix.values() for k in c})
        head = f"{'label':<26}{'texts':>6}{'short':>7}{'medium':>7}{'long':>6}{'median':>7}"
        print(head + "".join(f"{k:>18}" for k in kinds))
        for lab in sorted(per_label):
            ls = sorted(lens[lab])
            short = sum(1 for x in ls if x <= 15)
            longer = sum(1 for x in ls if x > 50)
            med = ls[len(ls) // 2]
            row = (f"{lab:<26}{per_label[lab]:>6}{short:>7}"
                   f"{len(ls) - short - longer:>7}{longer:>6}{med:>7}")
            row += "".join(
                f"{mix[lab][k]:>10} ({100 * mix[lab][k] / len(ls):4.1f}%)"
                for k in kinds)
            print(row)
        counts = per_label.values()
        if counts and min(counts) > 0:
            print(f"balance: largest/smallest label = {max(counts) / min(counts):.2f}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
