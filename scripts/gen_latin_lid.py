#!/usr/bin/python3
"""Generate src/latin_lid_table.h: character trigram statistics that tell
Polish (typed without diacritics), Greeklish and Latin-script Bulgarian
apart (used by pl_latin_lang in src/latin_lid.c).

usage: gen_latin_lid.py CORPORA_DIR > src/latin_lid_table.h

Training text, all from our own corpora:
  pl  every Polish text, diacritics removed;
  el  every Greek text: those already in Latin letters as they are, and
      each Greek-script text romanized with one of the common Greeklish
      conventions (chosen by a hash of the text, so the output is
      deterministic);
  bg  likewise for Bulgarian and its common Latin conventions.
Counts are add-0.5 smoothed; log-probabilities are stored as centinats.
"""

import collections
import hashlib
import math
import os
import sys
import unicodedata

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789`"
CODE = {c: i + 1 for i, c in enumerate(ALPHABET)}  # 0 is the word boundary

GREEK = {
    "ου": ["ou", "u", "ou"], "ει": ["ei", "i", "ei"], "οι": ["oi", "i", "oi"],
    "αι": ["ai", "e", "ai"], "μπ": ["mp", "b", "mp"], "ντ": ["nt", "d", "nt"],
    "γκ": ["gk", "g", "gk"], "αυ": ["av", "af", "au"], "ευ": ["ev", "ef", "eu"],
    "α": ["a"], "β": ["v", "b", "v"], "γ": ["g"], "δ": ["d", "d", "dh"], "ε": ["e"],
    "ζ": ["z"], "η": ["i", "h", "i"], "θ": ["th", "8", "th"], "ι": ["i"], "κ": ["k"],
    "λ": ["l"], "μ": ["m"], "ν": ["n"], "ξ": ["ks", "x", "3"], "ο": ["o"], "π": ["p"],
    "ρ": ["r"], "σ": ["s"], "ς": ["s"], "τ": ["t"], "υ": ["y", "i", "u"], "φ": ["f"],
    "χ": ["x", "h", "ch"], "ψ": ["ps"], "ω": ["w", "o", "o"],
}

BULGARIAN = {
    "а": ["a"], "б": ["b"], "в": ["v", "w", "v"], "г": ["g"], "д": ["d"], "е": ["e"],
    "ж": ["zh", "j", "zh"], "з": ["z"], "и": ["i"], "й": ["y", "i", "j"], "к": ["k"],
    "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"],
    "т": ["t"], "у": ["u"], "ф": ["f"], "х": ["h", "h", "x"], "ц": ["ts", "c", "c"],
    "ч": ["ch", "4", "ch"], "ш": ["sh", "6", "sh"], "щ": ["sht", "6t", "sht"],
    "ъ": ["a", "u", "y"], "ь": ["y", "", "j"], "ю": ["yu", "ju", "iu"],
    "я": ["ya", "q", "ja"],
}


def strip_marks(t):
    t = unicodedata.normalize("NFD", t)
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


def romanize(text, table):
    variant = hashlib.sha256(text.encode()).digest()[0] % 3
    t = strip_marks(text.lower())
    out, i = [], 0
    while i < len(t):
        two = t[i:i + 2]
        if two in table:
            opts = table[two]
            out.append(opts[variant % len(opts)])
            i += 2
            continue
        opts = table.get(t[i])
        out.append(opts[variant % len(opts)] if opts else t[i])
        i += 1
    return "".join(out)


def script_is_latin(text):
    latin = other = 0
    for c in text:
        if c.isalpha():
            if unicodedata.name(c, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    return latin > other


def words(text):
    """Maximal runs of the alphabet (lowercased), as the C scorer sees them."""
    t = strip_marks(text.lower()).replace("ł", "l")
    out, cur = [], []
    for i, c in enumerate(t):
        ok = ("a" <= c <= "z") or c == "`" or (
            c.isdigit() and c.isascii() and
            ((i > 0 and "a" <= t[i - 1] <= "z") or (i + 1 < len(t) and "a" <= t[i + 1] <= "z")))
        if ok:
            cur.append(c)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def trigrams(word):
    codes = [0] + [CODE[c] for c in word] + [0]
    for i in range(len(codes) - 2):
        yield (codes[i] << 12) | (codes[i + 1] << 6) | codes[i + 2]


def texts(corpora, lang):
    d = os.path.join(corpora, lang)
    for root, _dirs, names in sorted(os.walk(d)):
        for n in sorted(names):
            if n.endswith(".tsv"):
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    for line in f:
                        if "\t" in line:
                            yield line.rstrip("\n").split("\t", 1)[1]


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    corpora = sys.argv[1]
    counts = [collections.Counter() for _ in range(3)]
    for cls, lang, table in ((0, "pl", None), (1, "el", GREEK), (2, "bg", BULGARIAN)):
        for t in texts(corpora, lang):
            if table is not None and not script_is_latin(t):
                t = romanize(t, table)
            for w in words(t):
                counts[cls].update(trigrams(w))
    keys = sorted(set().union(*counts))
    keys = [k for k in keys if sum(c[k] for c in counts) >= 2]
    vocab = len(keys) + 1
    totals = [sum(c.values()) for c in counts]
    if totals[0] == 0:
        print("gen_latin_lid: no Polish text", file=sys.stderr)
        return 1
    for cls, lang in ((1, "el"), (2, "bg")):
        if totals[cls] == 0:
            print(f"gen_latin_lid: warning: no {lang} text; Latin text will never be "
                  f"routed to {lang}", file=sys.stderr)

    def lp(cls, n):
        if totals[cls] == 0:
            return -30000  # a language without text is never chosen
        return round(100 * math.log((n + 0.5) / (totals[cls] + 0.5 * vocab)))

    print("/* latin_lid_table.h - generated by scripts/gen_latin_lid.py from corpora/;")
    print(" * do not edit. Character trigrams of words in Latin letters (code 0 is")
    print(" * the word boundary, 1-26 a-z, 27-36 0-9, 37 `), key c1<<12|c2<<6|c3,")
    print(" * with log P(trigram | language) in centinats for pl, el, bg. */")
    print(f"/* texts' trigrams: pl {totals[0]}, el {totals[1]}, bg {totals[2]} */")
    print("static const int16_t pl_lid_floor[3] = {%d, %d, %d};" % tuple(lp(c, 0) for c in range(3)))
    print("static const struct pl_lid_entry pl_lid_table[] = {")
    for k in keys:
        print("    {%d, {%d, %d, %d}}," % ((k,) + tuple(lp(c, counts[c][k]) for c in range(3))))
    print("};")
    return 0


if __name__ == "__main__":
    sys.exit(main())
