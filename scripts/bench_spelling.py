#!/usr/bin/python3
"""How well informal spellings are labeled, against the same texts written
properly: Polish without diacritics, Greek without accents, Greeklish, and
Bulgarian in Latin letters.

usage: bench_spelling.py PLAINT [MODEL] [HELDOUT_DIR]

For each language's held-out texts (default corpora/heldout/<lang>/*.tsv)
written in their own script with proper spelling, the script makes the
informal variants (romanization conventions from scripts/gen_latin_lid.py)
and runs `plaint eval` on each (MODEL: the built-in default model unless
given), printing macro-F1 and accuracy side by side.
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("lid", os.path.join(HERE, "gen_latin_lid.py"))
lid = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lid)


def variants(lang):
    if lang == "pl":
        return {"no diacritics": lambda t: lid.strip_marks(t).replace("ł", "l").replace("Ł", "L")}
    if lang == "el":
        return {"no accents": lid.strip_marks,
                "Greeklish": lambda t: lid.romanize(t, lid.GREEK)}
    return {"Latin letters": lambda t: lid.romanize(t, lid.BULGARIAN)}


def evaluate(plaint, model, path):
    cmd = [plaint, "eval", "--json", path] + (["-m", model] if model else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    plaint = argv[0]
    model = argv[1] if len(argv) > 1 and argv[1] else None
    root = argv[2] if len(argv) > 2 else os.path.join(HERE, "..", "corpora", "heldout")
    print(f"{'lang':<5} {'spelling':<15} {'texts':>6} {'macro-F1':>9} {'accuracy':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("pl", "bg", "el"):
            d = os.path.join(root, lang)
            if not os.path.isdir(d):
                continue
            rows = []
            for name in sorted(os.listdir(d)):
                if name.endswith(".tsv"):
                    with open(os.path.join(d, name), encoding="utf-8") as f:
                        rows += [l.rstrip("\n").split("\t", 1) for l in f if "\t" in l]
            proper = [(lab, t) for lab, t in rows if not lid.script_is_latin(t) or lang == "pl"]
            if lang == "pl":  # proper Polish: with diacritics
                proper = [(lab, t) for lab, t in proper if any(c in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ" for c in t)]
            if lang == "el":  # proper Greek: accented
                proper = [(lab, t) for lab, t in proper if lid.strip_marks(t) != t]
            sets = {"proper": proper}
            for vname, fn in variants(lang).items():
                sets[vname] = [(lab, fn(t)) for lab, t in proper]
            for vname, docs in sets.items():
                path = os.path.join(tmp, f"{lang}-{vname}.tsv")
                with open(path, "w", encoding="utf-8") as f:
                    f.writelines(f"{lab}\t{t}\n" for lab, t in docs)
                r = evaluate(plaint, model, path)
                print(f"{lang:<5} {vname:<15} {len(docs):>6} {r['macro_f1']:>9.3f} "
                      f"{r['accuracy']:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
