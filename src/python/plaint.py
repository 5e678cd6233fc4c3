"""plaint for Python: a ctypes binding over libplaint (standard library only).

    import plaint
    model = plaint.Model.default()            # or plaint.Model.load("my.plm")
    r = model.label("Paczka przyszła z pękniętym ekranem")
    print(r.label, r.confidence, r.probs, r.explain)

Thread rules are the library's: a Model is immutable and may be shared by any
number of threads; Model.label uses one labeling context per thread
(threading.local), so calling it from many threads at once is safe. A Context
(Model.context()) may be used by one thread at a time. A Trainer by one thread
at a time. Failures raise plaint.Error with the library's status code,
source, offset and message.

The library is found through $PLAINT_LIBRARY (a path), else as libplaint.so.0
on the loader's path.
"""

import ctypes
import ctypes.util
import os
import threading

__all__ = ["Error", "Model", "Context", "Trainer", "Result", "version"]

_lib = ctypes.CDLL(os.environ.get("PLAINT_LIBRARY") or ctypes.util.find_library("plaint")
                   or "libplaint.so.0")

TEXT_REPLACE_INVALID = 0x2
LANG_AUTO = 0
LANGS = {1: "pl", 2: "bg", 3: "el"}


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("source", ctypes.c_char * 256),
                ("line", ctypes.c_uint64), ("offset", ctypes.c_uint64),
                ("msg", ctypes.c_char * 256)]


class _Explain(ctypes.Structure):
    _fields_ = [("feature", ctypes.c_char_p), ("len", ctypes.c_size_t),
                ("weight", ctypes.c_double)]


class _Result(ctypes.Structure):
    _fields_ = [("label", ctypes.c_char_p), ("label_index", ctypes.c_size_t),
                ("confidence", ctypes.c_double), ("lang", ctypes.c_int),
                ("probs", ctypes.POINTER(ctypes.c_double)), ("nlabels", ctypes.c_size_t),
                ("explain", ctypes.POINTER(_Explain)), ("nexplain", ctypes.c_size_t)]


class _Options(ctypes.Structure):
    _fields_ = [("algorithm", ctypes.c_int), ("alpha", ctypes.c_double),
                ("idf", ctypes.c_int), ("min_count", ctypes.c_uint),
                ("bigrams", ctypes.c_int), ("negation", ctypes.c_int),
                ("negation_scope", ctypes.c_uint), ("calibration_sample", ctypes.c_uint),
                ("mergeable", ctypes.c_int)]


_p = ctypes.c_void_p
_E = ctypes.POINTER(_Error)


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_strerror = _fn("plaint_strerror", ctypes.c_char_p, ctypes.c_int)
_version = _fn("plaint_version_string", ctypes.c_char_p)
_model_load = _fn("plaint_model_load", ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(_p), _E)
_model_load_mem = _fn("plaint_model_load_mem", ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t,
                      ctypes.POINTER(_p), _E)
_model_load_default = _fn("plaint_model_load_default", ctypes.c_int, ctypes.POINTER(_p), _E)
_model_save = _fn("plaint_model_save", ctypes.c_int, _p, ctypes.c_char_p, _E)
_model_free = _fn("plaint_model_free", None, _p)
_model_label_count = _fn("plaint_model_label_count", ctypes.c_size_t, _p)
_model_label = _fn("plaint_model_label", ctypes.c_char_p, _p, ctypes.c_size_t)
_model_has_lang = _fn("plaint_model_has_lang", ctypes.c_int, _p, ctypes.c_int)
_ctx_new = _fn("plaint_ctx_new", ctypes.c_int, _p, ctypes.POINTER(_p), _E)
_ctx_free = _fn("plaint_ctx_free", None, _p)
_label = _fn("plaint_label", ctypes.c_int, _p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint,
             ctypes.c_size_t, ctypes.POINTER(_Result), _E)
_options_default = _fn("plaint_options_default", None, ctypes.POINTER(_Options))
_trainer_new = _fn("plaint_trainer_new", ctypes.c_int, ctypes.POINTER(_Options),
                   ctypes.POINTER(_p), _E)
_trainer_add = _fn("plaint_trainer_add", ctypes.c_int, _p, ctypes.c_char_p, ctypes.c_size_t,
                   ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_uint, _E)
_trainer_finish = _fn("plaint_trainer_finish", ctypes.c_int, _p, ctypes.POINTER(_p), _E)
_trainer_free = _fn("plaint_trainer_free", None, _p)
_trainer_update = _fn("plaint_trainer_update", ctypes.c_int, _p, _p, ctypes.POINTER(_p), _E)
_model_merge = _fn("plaint_model_merge", ctypes.c_int, ctypes.POINTER(_p), ctypes.c_size_t,
                   ctypes.POINTER(_p), _E)


class Error(Exception):
    """A failed library call: code (the plaint_status value), status (its
    text), source, line, offset and message."""

    def __init__(self, err):
        self.code = err.code
        self.status = _strerror(err.code).decode()
        self.source = err.source.decode("utf-8", "replace")
        self.line = err.line
        self.offset = err.offset
        self.message = err.msg.decode("utf-8", "replace")
        super().__init__(f"{self.message} ({self.status})")


def _check(status, err):
    if status != 0:
        raise Error(err)


def version():
    """The version of the library actually loaded."""
    return _version().decode()


class Result:
    """label, confidence, lang ("pl", "bg", "el"), probs {label: p},
    explain [(feature, weight)]."""

    __slots__ = ("label", "confidence", "lang", "probs", "explain")

    def __init__(self, r, labels):
        self.label = r.label.decode()
        self.confidence = r.confidence
        self.lang = LANGS.get(r.lang, "other")
        self.probs = {labels[i]: r.probs[i] for i in range(r.nlabels)}
        self.explain = [(r.explain[i].feature[:r.explain[i].len].decode("utf-8", "replace")
                         if r.explain[i].feature else "", r.explain[i].weight)
                        for i in range(r.nexplain)]

    def __repr__(self):
        return f"Result({self.label!r}, {self.confidence:.4f})"


class Model:
    """An immutable model, shareable by threads. Model.default(),
    Model.load(path), Model.from_bytes(data)."""

    def __init__(self, handle):
        self._h = handle
        self.labels = [_model_label(handle, i).decode() for i in range(_model_label_count(handle))]
        self._local = threading.local()

    @classmethod
    def default(cls):
        h, err = _p(), _Error()
        _check(_model_load_default(ctypes.byref(h), ctypes.byref(err)), err)
        return cls(h)

    @classmethod
    def load(cls, path):
        h, err = _p(), _Error()
        _check(_model_load(os.fsencode(path), ctypes.byref(h), ctypes.byref(err)), err)
        return cls(h)

    @classmethod
    def from_bytes(cls, data):
        h, err = _p(), _Error()
        _check(_model_load_mem(bytes(data), len(data), ctypes.byref(h), ctypes.byref(err)), err)
        return cls(h)

    def save(self, path):
        err = _Error()
        _check(_model_save(self._h, os.fsencode(path), ctypes.byref(err)), err)

    @classmethod
    def merge(cls, models):
        """The sum of mergeable models (trained with mergeable=True): the
        model trained on all their texts at once."""
        models = list(models)
        arr = (_p * len(models))(*[m._h for m in models])
        h, err = _p(), _Error()
        _check(_model_merge(arr, len(models), ctypes.byref(h), ctypes.byref(err)), err)
        return cls(h)

    def has_lang(self, lang):
        code = {v: k for k, v in LANGS.items()}.get(lang)
        return code is not None and _model_has_lang(self._h, code) == 1

    def context(self):
        """A new labeling context: for one thread at a time."""
        return Context(self)

    def label(self, text, explain=0, replace_invalid=True):
        """Labels one text with this thread's context (see Context.label)."""
        ctx = getattr(self._local, "ctx", None)
        if ctx is None:
            ctx = self._local.ctx = Context(self)
        return ctx.label(text, explain, replace_invalid)

    def close(self):
        if self._h:
            _model_free(self._h)
            self._h = None

    def __del__(self):
        self.close()


class Context:
    """A labeling context over a model: one thread at a time."""

    def __init__(self, model):
        self._model = model  # keeps the model alive as long as the context
        self._h, err = _p(), _Error()
        _check(_ctx_new(model._h, ctypes.byref(self._h), ctypes.byref(err)), err)

    def label(self, text, explain=0, replace_invalid=True):
        """Labels one text (str, or bytes in UTF-8). Raises Error with code 7
        (unsupported) for a text without letters of a supported language, and
        code 5 for invalid UTF-8 bytes unless replace_invalid."""
        data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
        r, err = _Result(), _Error()
        flags = TEXT_REPLACE_INVALID if replace_invalid else 0
        _check(_label(self._h, data, len(data), flags, explain, ctypes.byref(r),
                      ctypes.byref(err)), err)
        return Result(r, self._model.labels)

    def close(self):
        if self._h:
            _ctx_free(self._h)
            self._h = None

    def __del__(self):
        self.close()


class Trainer:
    """Trains a model from labeled texts in memory: add(label, text) ...,
    then finish(). Options as plaint_options: algorithm ("cnb"/"mnb"),
    alpha, idf, min_count, bigrams, negation, negation_scope,
    calibration_sample, mergeable."""

    def __init__(self, **options):
        o = _Options()
        _options_default(ctypes.byref(o))
        for key, value in options.items():
            if key == "algorithm":
                value = {"mnb": 0, "cnb": 1}[value]
            if not hasattr(o, key):
                raise TypeError(f"unknown option {key!r}")
            setattr(o, key, value)
        self._h, err = _p(), _Error()
        _check(_trainer_new(ctypes.byref(o), ctypes.byref(self._h), ctypes.byref(err)), err)

    def add(self, label, text):
        lb, tx = label.encode(), text.encode("utf-8", "surrogatepass")
        err = _Error()
        _check(_trainer_add(self._h, lb, len(lb), tx, len(tx), LANG_AUTO, TEXT_REPLACE_INVALID,
                            ctypes.byref(err)), err)

    def finish(self):
        h, err = _p(), _Error()
        _check(_trainer_finish(self._h, ctypes.byref(h), ctypes.byref(err)), err)
        return Model(h)

    def update(self, base):
        """base (a mergeable Model) plus the texts added here, as if trained
        together; the texts may all have one label. Create the trainer with
        base's options."""
        h, err = _p(), _Error()
        _check(_trainer_update(self._h, base._h, ctypes.byref(h), ctypes.byref(err)), err)
        return Model(h)

    def close(self):
        if self._h:
            _trainer_free(self._h)
            self._h = None

    def __del__(self):
        self.close()
