"""Classifier benchmark: plaint against scikit-learn and fastText baselines.

Run by scripts/bench_classify.sh with Debian's /usr/bin/python3 (it needs
python3-sklearn, numpy and the `fasttext` CLI). Uses the standard library,
numpy and scikit-learn only. Prints figures; it is not a test.

For every dataset DIR/<name>/{train,test}.tsv (`label<TAB>text`, UTF-8) each
system is trained on train.tsv only (dev.tsv, where present, is not used) and
scored on test.tsv. Macro-F1 is sklearn's f1_score(average='macro') over the
labels present in the gold test labels, computed here from every system's
predictions (for plaint, from `plaint label` output; its `eval --json` figures
are shown beside them).

Times are wall-clock seconds. sklearn: in-process, vectorizer fit + model fit
(train) and transform + predict (label). fastText and plaint: the whole
command (process start, file reading, model writing/loading); fastText times
exclude the Python pre-tokenization, which is reported separately.
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.naive_bayes import ComplementNB, MultinomialNB
from sklearn.svm import LinearSVC

DEFAULT_DATASETS = [
    "pl-polemo-medicine", "bg-cinexio", "el-skroutz",
    "pl-sib200", "bg-sib200", "el-sib200",
]

# fastText's compiled-in default for -thread (see `fasttext supervised`).
FASTTEXT_DEFAULT_THREADS = 12

NB_SYSTEMS = ["MNB count 1g", "MNB count 1-2g", "CNB count 1g", "CNB count 1-2g"]


def sklearn_systems():
    """(name, vectorizer factory, classifier factory); all sklearn defaults
    except what the name says."""
    return [
        ("MNB count 1g", lambda: CountVectorizer(), lambda: MultinomialNB()),
        ("MNB count 1-2g", lambda: CountVectorizer(ngram_range=(1, 2)),
         lambda: MultinomialNB()),
        ("CNB count 1g", lambda: CountVectorizer(), lambda: ComplementNB()),
        ("CNB count 1-2g", lambda: CountVectorizer(ngram_range=(1, 2)),
         lambda: ComplementNB()),
        ("tfidf 1-2g LinearSVC",
         lambda: TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
         lambda: LinearSVC(C=1.0, random_state=0)),
    ]


def fasttext_configs(quick):
    cfgs = [("fastText default", [])]
    if not quick:
        cfgs.append(("fastText 2g ep25 lr1",
                     ["-wordNgrams", "2", "-epoch", "25", "-lr", "1.0"]))
    return cfgs


# ---------------------------------------------------------------- data

def read_tsv(path):
    labels, texts = [], []
    with open(path, encoding="utf-8", newline="\n") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                continue
            label, sep, text = line.partition("\t")
            if not sep:
                raise SystemExit("%s:%d: no TAB" % (path, n))
            labels.append(label)
            texts.append(text)
    return labels, texts


TOKEN_RE = re.compile(r"\w+|[^\w\s]+")


def ft_tokenize(text):
    """What fastText users do before training: lowercase, words and
    punctuation runs as separate space-separated tokens."""
    return " ".join(TOKEN_RE.findall(text.lower()))


def one_line(text):
    return re.sub(r"[\t\r\n\x0b\x0c\x85\u2028\u2029]", " ", text)


def scores(gold, pred):
    labels = sorted(set(gold))
    return (float(f1_score(gold, pred, labels=labels, average="macro",
                           zero_division=0)),
            float(accuracy_score(gold, pred)))


def tail(s, n=160):
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[:n - 3] + "..."


def run(cmd, stdout=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=stdout if stdout is not None else subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p, time.perf_counter() - t0


def cmd_fail(what, p):
    msg = p.stderr.decode("utf-8", "replace").strip().splitlines()
    first = msg[0] if msg else ""
    if not first and p.stdout:
        first = p.stdout.decode("utf-8", "replace").strip().splitlines()[:1]
        first = first[0] if first else ""
    return "%s exited %d%s" % (what, p.returncode, (": " + tail(first)) if first else "")


# ---------------------------------------------------------------- systems

def run_sklearn(name, vec_f, clf_f, tr_y, tr_x, te_y, te_x):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t0 = time.perf_counter()
        vec = vec_f()
        X = vec.fit_transform(tr_x)
        clf = clf_f().fit(X, tr_y)
        t1 = time.perf_counter()
        pred = clf.predict(vec.transform(te_x))
        t2 = time.perf_counter()
    f1, acc = scores(te_y, list(pred))
    return {"system": "sklearn " + name, "macro_f1": f1, "accuracy": acc,
            "train_s": t1 - t0, "label_s": t2 - t1, "error": None,
            "features": len(vec.vocabulary_)}


def run_fasttext(ft, name, extra, work, ds, tr_y, tr_x, te_y, te_x):
    res = {"system": name, "macro_f1": None, "accuracy": None,
           "train_s": None, "label_s": None, "error": None,
           "options": extra + ["-seed", "0", "-thread", "default"]}
    t0 = time.perf_counter()
    # Labels must not hold whitespace; map them to safe tokens and back.
    lab_ids = {lab: re.sub(r"\s", "_", lab) for lab in sorted(set(tr_y))}
    back = {v: k for k, v in lab_ids.items()}
    tr_path = os.path.join(work, ds + ".ft.train.txt")
    te_path = os.path.join(work, ds + ".ft.test.txt")
    if not os.path.exists(tr_path):
        with open(tr_path, "w", encoding="utf-8") as f:
            for y, x in zip(tr_y, tr_x):
                f.write("__label__%s %s\n" % (lab_ids[y], ft_tokenize(x)))
        with open(te_path, "w", encoding="utf-8") as f:
            for x in te_x:
                f.write(ft_tokenize(x) + "\n")
    res["pretokenize_s"] = time.perf_counter() - t0
    model = os.path.join(work, "%s.%s" % (ds, re.sub(r"\W+", "_", name)))
    p, t_train = run([ft, "supervised", "-input", tr_path, "-output", model,
                      "-seed", "0", "-verbose", "0"] + extra)
    if p.returncode != 0:
        res["error"] = cmd_fail("fasttext supervised", p)
        return res
    p, t_label = run([ft, "predict", model + ".bin", te_path])
    for suffix in (".bin", ".vec"):
        try:
            os.remove(model + suffix)
        except OSError:
            pass
    if p.returncode != 0:
        res["error"] = cmd_fail("fasttext predict", p)
        return res
    out = p.stdout.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(te_y):
        res["error"] = "fasttext predict printed %d lines for %d texts" % (
            len(out), len(te_y))
        return res
    pred = []
    for line in out:
        tok = line.split(" ", 1)[0]
        # An empty line (text without tokens) is no prediction: a miss.
        pred.append(back.get(tok[len("__label__"):], "\0none")
                    if tok.startswith("__label__") else "\0none")
    res["macro_f1"], res["accuracy"] = scores(te_y, pred)
    res["train_s"], res["label_s"] = t_train, t_label
    return res


def run_plaint(plaint, unavailable, work, ds, test_path, train_path, te_y, te_x):
    res = {"system": "plaint", "macro_f1": None, "accuracy": None,
           "train_s": None, "label_s": None, "error": None, "eval_json": None}
    if unavailable:
        res["error"] = unavailable
        return res
    model = os.path.join(work, ds + ".plaint.model")
    try:
        p, t_train = run([plaint, "train", "-o", model, train_path])
    except OSError as e:
        res["error"] = "cannot run %s: %s" % (plaint, e.strerror)
        return res
    if p.returncode != 0:
        res["error"] = cmd_fail("plaint train", p)
        return res
    res["train_s"] = t_train

    # plaint's own evaluation (figures shown beside ours).
    p, _ = run([plaint, "eval", "-m", model, "--json", test_path])
    if p.returncode != 0:
        res["eval_error"] = cmd_fail("plaint eval", p)
    else:
        try:
            ej = json.loads(p.stdout.decode("utf-8"))
            res["eval_json"] = ej
            missing = [k for k in ("accuracy", "macro_f1", "ece", "per_label",
                                   "confusion") if k not in ej]
            if missing:
                res["eval_error"] = "eval JSON lacks " + ", ".join(missing)
        except (ValueError, UnicodeDecodeError) as e:
            res["eval_error"] = "eval output is not one JSON object: %s" % tail(str(e))

    # Labels from `plaint label` on the test texts, one document per line.
    texts = os.path.join(work, ds + ".test.texts.txt")
    with open(texts, "w", encoding="utf-8") as f:
        for x in te_x:
            f.write(one_line(x) + "\n")
    out_path = os.path.join(work, ds + ".plaint.labels")
    with open(out_path, "wb") as out:
        p, t_label = run([plaint, "label", "-q", "--unlabeled-ok", "-m", model, texts], stdout=out)
    if p.returncode != 0:
        res["error"] = cmd_fail("plaint label", p)
        return res
    with open(out_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(te_y):
        res["error"] = "plaint label printed %d lines for %d texts" % (
            len(lines), len(te_y))
        return res
    pred = [ln.split("\t", 1)[0] for ln in lines]
    res["macro_f1"], res["accuracy"] = scores(te_y, pred)
    res["label_s"] = t_label
    return res


# ---------------------------------------------------------------- output

ROW = "  %-30s %9s %9s %9s %9s"


def fmt(v, spec):
    return "n/a" if v is None else format(v, spec)


def print_table(ds, info, rows):
    extra = "; dev.tsv not used" if info["has_dev"] else ""
    print("== %s  (train %d, test %d, %d labels%s)" % (
        ds, info["n_train"], info["n_test"], info["n_labels"], extra))
    print(ROW % ("system", "macro-F1", "accuracy", "train s", "label s"))
    for r in rows:
        if r["error"] is not None:
            print("  %-30s n/a (%s)" % (r["system"], r["error"]))
            continue
        print(ROW % (r["system"], fmt(r["macro_f1"], ".4f"), fmt(r["accuracy"], ".4f"),
                     fmt(r["train_s"], ".3f"), fmt(r["label_s"], ".3f")))
        if r["system"] == "plaint":
            ej, note = r.get("eval_json"), r.get("eval_error")
            if note:
                print("  %-30s   (plaint eval: %s)" % ("", note))
            if ej:
                ej_f1, ej_acc = ej.get("macro_f1"), ej.get("accuracy")
                same = all(isinstance(a, (int, float)) and abs(a - b) < 1e-4
                           for a, b in ((ej_f1, r["macro_f1"]), (ej_acc, r["accuracy"])))
                ece = ej.get("ece")
                ece_s = ("%.4f" % ece) if isinstance(ece, (int, float)) else str(ece)
                if same:
                    print("  %-30s   (plaint eval --json agrees; ece %s)" % ("", ece_s))
                else:
                    print("  %-30s   (plaint eval --json DIFFERS: macro-F1 %s, accuracy %s, ece %s)"
                          % ("", ej_f1, ej_acc, ece_s))
    print()


def summarize(results, systems):
    print("== summary")
    means = {}
    print("  mean macro-F1 over datasets:")
    for s in systems:
        vals = [r["macro_f1"] for d in results for r in results[d]["systems"]
                if r["system"] == s and r["macro_f1"] is not None]
        m = float(np.mean(vals)) if vals else None
        means[s] = {"mean_macro_f1": m, "datasets": len(vals)}
        cover = "" if len(vals) == len(results) else "  (%d of %d datasets)" % (
            len(vals), len(results))
        print("    %-30s %9s%s" % (s, fmt(m, ".4f"), cover))
    print()
    print("  plaint vs peers (gap = plaint macro-F1 - best peer macro-F1):")
    gaps, per_ds = [], {}
    for d in results:
        rows = {r["system"]: r for r in results[d]["systems"]}
        nb = [(rows[s]["macro_f1"], s) for s in ("sklearn " + n for n in NB_SYSTEMS)
              if s in rows and rows[s]["macro_f1"] is not None]
        peers = [(r["macro_f1"], s) for s, r in rows.items()
                 if s != "plaint" and r["macro_f1"] is not None]
        best_nb = max(nb) if nb else None
        best_peer = max(peers) if peers else None
        pl = rows.get("plaint", {}).get("macro_f1")
        entry = {"best_nb": best_nb and {"system": best_nb[1], "macro_f1": best_nb[0]},
                 "best_peer": best_peer and {"system": best_peer[1], "macro_f1": best_peer[0]},
                 "plaint_macro_f1": pl, "plaint_ge_best_nb": None, "gap_to_best_peer": None}
        def short(b):
            return "%s %.4f" % (b[1].replace("sklearn ", ""), b[0]) if b else "n/a"
        bnb, bp = short(best_nb), short(best_peer)
        if pl is None:
            print("    %-20s plaint n/a; best NB: %s; best peer: %s" % (d, bnb, bp))
        else:
            ge = best_nb is None or pl >= best_nb[0]
            gap = pl - best_peer[0] if best_peer else None
            entry["plaint_ge_best_nb"], entry["gap_to_best_peer"] = ge, gap
            if gap is not None:
                gaps.append(gap)
            print("    %-20s plaint %.4f %s best NB (%s); gap to best peer (%s) %s" % (
                d, pl, ">=" if ge else "< ", bnb, bp, fmt(gap, "+.4f")))
        per_ds[d] = entry
    avg = float(np.mean(gaps)) if gaps else None
    cover = "" if len(gaps) == len(results) else " (over %d of %d datasets)" % (
        len(gaps), len(results))
    print("  average gap to best peer: %s%s" % (fmt(avg, "+.4f"), cover))
    return {"mean_macro_f1": means, "per_dataset": per_ds, "average_gap": avg,
            "average_gap_datasets": len(gaps)}


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="directory holding <name>/{train,test}.tsv")
    ap.add_argument("--datasets", default=",".join(DEFAULT_DATASETS))
    ap.add_argument("--quick", action="store_true",
                    help="skip fastText's -wordNgrams 2 -epoch 25 -lr 1.0 config")
    ap.add_argument("--fasttext", default="/usr/bin/fasttext")
    ap.add_argument("--plaint", default=None, help="plaint binary")
    ap.add_argument("--plaint-unavailable", default="",
                    help="reason plaint cannot run (its rows print n/a)")
    ap.add_argument("--work", required=True, help="scratch directory")
    ap.add_argument("--json-out", default=None)
    a = ap.parse_args()

    names = [d for d in a.datasets.split(",") if d]
    for d in names:
        for split in ("train", "test"):
            if not os.path.isfile(os.path.join(a.data, d, split + ".tsv")):
                sys.exit("bench_classify: no %s" % os.path.join(a.data, d, split + ".tsv"))
    plaint_unavail = a.plaint_unavailable or ("" if a.plaint else "no plaint binary given")

    t_all = time.perf_counter()
    cores = os.cpu_count()
    print("classifier benchmark: plaint vs scikit-learn %s and fastText (%s)" % (
        sklearn.__version__, a.fasttext))
    print("  python %s, numpy %s, %d CPU cores; plaint: %s" % (
        platform.python_version(), np.__version__, cores,
        a.plaint if not a.plaint_unavailable else "n/a (%s)" % a.plaint_unavailable))
    print("  fastText: -seed 0, -thread default (%d threads on %d cores, so not bit-for-bit "
          "reproducible); input lowercased, \\w+ / punctuation runs split" % (
              FASTTEXT_DEFAULT_THREADS, cores))
    print("  macro-F1 over the gold test labels; times are wall-clock seconds "
          "(sklearn in-process; fastText/plaint whole commands)")
    if a.quick:
        print("  --quick: fastText 2g ep25 lr1 skipped")
    print()

    results, systems = {}, []
    for d in names:
        train_path = os.path.join(a.data, d, "train.tsv")
        test_path = os.path.join(a.data, d, "test.tsv")
        tr_y, tr_x = read_tsv(train_path)
        te_y, te_x = read_tsv(test_path)
        info = {"n_train": len(tr_y), "n_test": len(te_y),
                "n_labels": len(set(tr_y) | set(te_y)),
                "has_dev": os.path.isfile(os.path.join(a.data, d, "dev.tsv"))}
        rows = []
        for name, vf, cf in sklearn_systems():
            rows.append(run_sklearn(name, vf, cf, tr_y, tr_x, te_y, te_x))
        for name, extra in fasttext_configs(a.quick):
            rows.append(run_fasttext(a.fasttext, name, extra, a.work, d,
                                     tr_y, tr_x, te_y, te_x))
        rows.append(run_plaint(a.plaint, plaint_unavail, a.work, d, test_path,
                               train_path, te_y, te_x))
        for r in rows:
            if r["system"] not in systems:
                systems.append(r["system"])
        print_table(d, info, rows)
        sys.stdout.flush()
        results[d] = dict(info, systems=rows)

    summary = summarize(results, systems)
    wall = time.perf_counter() - t_all
    print("\nbenchmark wall time (python part): %.1f s" % wall)

    if a.json_out:
        doc = {"sklearn": sklearn.__version__, "numpy": np.__version__,
               "python": platform.python_version(), "cpu_cores": cores,
               "fasttext": a.fasttext, "fasttext_threads": FASTTEXT_DEFAULT_THREADS,
               "plaint": a.plaint, "plaint_unavailable": a.plaint_unavailable or None,
               "quick": a.quick, "data": os.path.abspath(a.data),
               "datasets": results, "summary": summary, "wall_s": wall}
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("JSON written to %s" % a.json_out)


if __name__ == "__main__":
    main()
