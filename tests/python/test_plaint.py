"""Tests of the Python binding (src/python/plaint.py) over the built
libplaint.so. usage: PLAINT_LIBRARY=path/libplaint.so python3 test_plaint.py DATA_DIR"""

import os
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src", "python"))
import plaint  # noqa: E402

DATA = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data")
LABELS = ["dishonesty", "genuine_fault", "misuse", "unrealistic_expectation"]


class TestBinding(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = plaint.Model.default()

    def test_default_model(self):
        self.assertEqual(self.model.labels, LABELS)
        for lang in ("pl", "el"):
            self.assertTrue(self.model.has_lang(lang))
        r = self.model.label("Paczka przyszła z pękniętym ekranem", explain=3)
        self.assertIn(r.label, LABELS)
        self.assertGreaterEqual(r.confidence, 0.25)
        self.assertLessEqual(r.confidence, 1.0)
        self.assertAlmostEqual(sum(r.probs.values()), 1.0, places=6)
        self.assertEqual(max(r.probs, key=r.probs.get), r.label)
        self.assertEqual(r.lang, "pl")
        self.assertTrue(0 < len(r.explain) <= 3)
        self.assertTrue(all(isinstance(f, str) and f for f, _ in r.explain))

    def test_errors(self):
        with self.assertRaises(plaint.Error) as e:
            self.model.label("12345 !!!")
        self.assertEqual(e.exception.code, 7)
        with self.assertRaises(plaint.Error) as e:
            self.model.label(b"zepsute\xff", replace_invalid=False)
        self.assertEqual(e.exception.code, 5)
        self.assertEqual(e.exception.offset, 7)
        self.assertIn(self.model.label(b"zepsute\xff").label, LABELS)
        with self.assertRaises(plaint.Error) as e:
            plaint.Model.load("/nonexistent/model.plm")
        self.assertEqual(e.exception.code, 2)
        self.assertIn("/nonexistent/model.plm", e.exception.source)
        with self.assertRaises(plaint.Error) as e:
            plaint.Model.from_bytes(b"not a model")
        self.assertEqual(e.exception.code, 3)
        with self.assertRaises(TypeError):
            plaint.Trainer(no_such_option=1)

    def test_train_save_load(self):
        t = plaint.Trainer(calibration_sample=10, mergeable=1)
        rows = []
        with open(os.path.join(DATA, "mini_corpus.tsv"), encoding="utf-8") as f:
            for line in f:
                label, text = line.rstrip("\n").split("\t", 1)
                rows.append((label, text))
                t.add(label, text)
        m = t.finish()
        self.assertEqual(m.labels, ["complaint", "praise"])
        right = sum(m.label(text).label == label for label, text in rows)
        self.assertEqual(right, len(rows))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.plm")
            m.save(path)
            m2 = plaint.Model.load(path)
            with open(path, "rb") as f:
                m3 = plaint.Model.from_bytes(f.read())
        for label, text in rows:
            self.assertEqual(m2.label(text).probs, m.label(text).probs)
            self.assertEqual(m3.label(text).probs, m.label(text).probs)

    def test_merge_update(self):
        with open(os.path.join(DATA, "mini_corpus.tsv"), encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t", 1) for line in f]
        a, b = rows[::2], rows[1::2]

        def train(part):
            t = plaint.Trainer(calibration_sample=10, mergeable=1)
            for label, text in part:
                t.add(label, text)
            return t, t.finish()

        _, whole = train(rows)
        ta, ma = train(a)
        _, mb = train(b)
        merged = plaint.Model.merge([mb, ma])
        t = plaint.Trainer(calibration_sample=10, mergeable=1)
        for label, text in b:
            t.add(label, text)
        updated = t.update(ma)
        with tempfile.TemporaryDirectory() as d:
            images = []
            for m in (whole, merged, updated):
                path = os.path.join(d, "m%d.plm" % len(images))
                m.save(path)
                with open(path, "rb") as f:
                    images.append(f.read())
        self.assertEqual(images[1], images[0])  # merge == training at once
        self.assertEqual(images[2], images[0])  # update == training at once
        plain = plaint.Trainer(calibration_sample=10)
        plain.add("complaint", "Telefon przyszedł zbity.")
        plain.add("praise", "Wszystko super, dziękuję.")
        with self.assertRaises(plaint.Error):
            plaint.Model.merge([plain.finish(), ma])  # not mergeable

    def test_threads(self):
        texts = [f"Pralka przestała działać po {i} dniach, serwis nie odpowiada" for i in range(300)]
        texts += [f"Έβαλα το κινητό στο νερό για {i} λεπτά και δεν ανάβει" for i in range(300)]
        want = [self.model.label(t).probs for t in texts]
        got = [None] * 8

        def work(k):
            got[k] = [self.model.label(t).probs for t in texts]

        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        for k in range(8):
            self.assertEqual(got[k], want)

    def test_version(self):
        self.assertRegex(plaint.version(), r"^\d+\.\d+\.\d+$")


if __name__ == "__main__":
    unittest.main(verbosity=1)
