/* model_io.c - writing and reading model files, every field little-endian
 * and fixed-width, every count checked against the bytes left before any
 * allocation. The normative description is model_format.md. */
#include "model_io.h"

#include <math.h>
#include <string.h>

#include <unicode/uversion.h>
#include <zlib.h>

#include "featurize.h"
#include "status.h"
#include "stem.h"

#define HEADER_SIZE 40
static const unsigned char MAGIC[8] = {'P', 'L', 'A', 'I', 'N', 'T', 'M', 0x1A};

enum {
    TAG_IDNT = 0x544E4449, /* "IDNT" */
    TAG_OPTS = 0x5354504F, /* "OPTS" */
    TAG_LABL = 0x4C42414C, /* "LABL" */
    TAG_STAT = 0x54415453, /* "STAT" */
    TAG_SUBM = 0x4D425553, /* "SUBM" */
    TAG_CALB = 0x424C4143, /* "CALB" */
    TAG_SMPL = 0x4C504D53  /* "SMPL" */
};

/* ---- writing ---------------------------------------------------------- */

static int put(struct pl_buf *b, uint64_t v, int bytes)
{
    unsigned char x[8];
    for (int i = 0; i < bytes; i++)
        x[i] = (unsigned char)(v >> (8 * i));
    return pl_buf_append(b, x, (size_t)bytes);
}

static int put_f64(struct pl_buf *b, double d)
{
    uint64_t v;
    memcpy(&v, &d, sizeof v);
    return put(b, v, 8);
}

static int put_str(struct pl_buf *b, const char *s)
{
    const size_t n = strlen(s);
    return put(b, n, 4) || pl_buf_append(b, s, n);
}

/* Starts a section; returns the offset of its length field. */
static size_t begin(struct pl_buf *b, uint32_t tag, int *rc)
{
    *rc |= put(b, tag, 4);
    const size_t at = b->len;
    *rc |= put(b, 0, 8);
    return at;
}

static void end(struct pl_buf *b, size_t at)
{
    const uint64_t len = b->len - at - 8;
    for (int i = 0; i < 8; i++)
        b->data[at + (size_t)i] = (char)(unsigned char)(len >> (8 * i));
}

const char *pl_ident_current(int i)
{
    switch (i) {
    case PL_IDENT_STEM_PL:
        return pl_stem_id(PLAINT_LANG_PL);
    case PL_IDENT_STEM_BG:
        return pl_stem_id(PLAINT_LANG_BG);
    case PL_IDENT_STEM_EL:
        return pl_stem_id(PLAINT_LANG_EL);
    case PL_IDENT_TOKENIZER:
        return "icu-wordbreak-root+plaint-tokens/2 icu-" U_ICU_VERSION;
    default:
        return PL_FEAT_HASH_ID;
    }
}

const char *pl_model_ident(const struct plaint_model *m, int i)
{
    return m->ident[i] != NULL ? m->ident[i] : pl_ident_current(i);
}

static int write_payload(const struct plaint_model *m, struct pl_buf *b)
{
    int rc = 0;
    size_t at = begin(b, TAG_IDNT, &rc);
    rc |= put(b, PL_NIDENT, 4);
    for (int i = 0; i < PL_NIDENT; i++)
        rc |= put_str(b, pl_model_ident(m, i));
    end(b, at);
    at = begin(b, TAG_OPTS, &rc);
    rc |= put(b, m->opts.algo, 4);
    rc |= put_f64(b, m->opts.alpha);
    rc |= put(b, m->opts.idf, 4);
    rc |= put(b, m->opts.min_count, 4);
    rc |= put(b, (uint64_t)m->opts.feat.unigrams, 4);
    rc |= put(b, (uint64_t)m->opts.feat.bigrams, 4);
    rc |= put(b, (uint64_t)m->opts.feat.negation, 4);
    rc |= put(b, m->opts.feat.neg_scope, 4);
    rc |= put(b, m->opts.cal_sample, 4);
    end(b, at);
    at = begin(b, TAG_LABL, &rc);
    rc |= put(b, m->nlabels, 4);
    for (size_t i = 0; i < m->nlabels; i++)
        rc |= put_str(b, m->labels[i]);
    end(b, at);
    at = begin(b, TAG_STAT, &rc);
    rc |= put(b, m->stat_lines, 8);
    rc |= put(b, m->stat_skipped, 8);
    end(b, at);
    for (int slot = 0; slot < PL_MAX_SUBS; slot++) {
        const struct pl_sub *const s = m->sub[slot];
        if (s == NULL)
            continue;
        at = begin(b, TAG_SUBM, &rc);
        rc |= put(b, (uint64_t)s->lang, 4);
        rc |= put(b, s->ndocs, 8);
        rc |= put_f64(b, s->temperature);
        for (size_t l = 0; l < m->nlabels; l++)
            rc |= put(b, s->docs[l], 8);
        rc |= put(b, s->nfeat, 8);
        for (size_t f = 0; f < s->nfeat; f++)
            rc |= put(b, s->hash[f], 8);
        for (size_t i = 0; i < s->nfeat * m->nlabels; i++)
            rc |= put(b, s->counts[i], 4);
        for (size_t f = 0; f < s->nfeat; f++)
            rc |= put(b, s->str_len[f], 4);
        rc |= put(b, s->strs_len, 8);
        rc |= pl_buf_append(b, s->strs, s->strs_len);
        end(b, at);
        if (s->ncal > 0) {
            at = begin(b, TAG_CALB, &rc);
            rc |= put(b, (uint64_t)s->lang, 4);
            rc |= put(b, s->ncal, 4);
            for (uint32_t i = 0; i < s->ncal; i++) {
                rc |= put_f64(b, s->cal_x[i]);
                rc |= put_f64(b, s->cal_y[i]);
            }
            end(b, at);
        }
        if (m->mergeable) {
            const struct pl_sample *const smp = &s->smp;
            at = begin(b, TAG_SMPL, &rc);
            rc |= put(b, (uint64_t)s->lang, 4);
            rc |= put(b, smp->n, 4);
            for (size_t i = 0; i < smp->n; i++) {
                rc |= put(b, smp->key[i], 8);
                rc |= put(b, smp->label[i], 4);
                rc |= put(b, smp->off[i + 1] - smp->off[i], 4);
                for (size_t k = smp->off[i]; k < smp->off[i + 1]; k++)
                    rc |= put(b, smp->feat[k], 8);
            }
            end(b, at);
        }
    }
    return rc ? -1 : 0;
}

int pl_model_serialize(const struct plaint_model *m, struct pl_buf *out)
{
    struct pl_buf payload = {0};
    if (write_payload(m, &payload) != 0) {
        pl_buf_free(&payload);
        return -1;
    }
    uLongf clen = compressBound((uLong)payload.len);
    const size_t start = out->len;
    if (pl_buf_reserve(out, HEADER_SIZE + clen) != 0) {
        pl_buf_free(&payload);
        return -1;
    }
    unsigned char *const h = (unsigned char *)out->data + start;
    if (compress2(h + HEADER_SIZE, &clen, (const Bytef *)payload.data, (uLong)payload.len, 9) !=
        Z_OK) {
        pl_buf_free(&payload);
        return -1;
    }
    const uint32_t pcrc = (uint32_t)crc32(0L, h + HEADER_SIZE, (uInt)clen);
    struct pl_buf hdr = {0};
    int rc = pl_buf_append(&hdr, MAGIC, 8);
    rc |= put(&hdr, PL_MODEL_FORMAT_VERSION, 4);
    rc |= put(&hdr, HEADER_SIZE, 4);
    rc |= put(&hdr, payload.len, 8);
    rc |= put(&hdr, clen, 8);
    rc |= put(&hdr, pcrc, 4);
    if (rc == 0)
        rc |= put(&hdr, (uint32_t)crc32(0L, (const Bytef *)hdr.data, 36), 4);
    if (rc == 0)
        memcpy(h, hdr.data, HEADER_SIZE);
    pl_buf_free(&hdr);
    pl_buf_free(&payload);
    if (rc != 0)
        return -1;
    out->len = start + HEADER_SIZE + clen;
    return 0;
}

/* ---- reading ---------------------------------------------------------- */

struct rd {
    const unsigned char *p;
    size_t n, pos;
};

static int get(struct rd *r, int bytes, uint64_t *v)
{
    if (r->n - r->pos < (size_t)bytes)
        return -1;
    uint64_t x = 0;
    for (int i = 0; i < bytes; i++)
        x |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
    r->pos += (size_t)bytes;
    *v = x;
    return 0;
}

static int get_f64(struct rd *r, double *d)
{
    uint64_t v;
    if (get(r, 8, &v) != 0)
        return -1;
    memcpy(d, &v, sizeof *d);
    return 0;
}

static uint64_t le(const unsigned char *p, int bytes)
{
    uint64_t x = 0;
    for (int i = 0; i < bytes; i++)
        x |= (uint64_t)p[i] << (8 * i);
    return x;
}

#define BAD(...) pl_error_set(err, PLAINT_E_FORMAT, source, 0, r.pos, __VA_ARGS__)

static plaint_status parse_sub(struct rd r, struct plaint_model *m, const char *source,
                               plaint_error *err)
{
    uint64_t lang, ndocs, nfeat, slen, v = 0;
    double temp;
    const size_t nl = m->nlabels;
    if (get(&r, 4, &lang) || get(&r, 8, &ndocs) || get_f64(&r, &temp))
        return BAD("sub-model section truncated");
    const int slot = pl_lang_slot((plaint_lang)lang);
    if (lang > 3 || slot < 0 || m->sub[slot] != NULL)
        return BAD("sub-model has an unknown or repeated language %llu",
                   (unsigned long long)lang);
    if (!(temp > 0) || !isfinite(temp))
        return BAD("sub-model temperature is not a positive number");
    if ((r.n - r.pos) / 8 < nl)
        return BAD("sub-model section truncated");
    struct pl_sub *const s = pl_calloc(1, sizeof *s);
    if (s == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    m->sub[slot] = s;
    s->lang = (plaint_lang)lang;
    s->ndocs = ndocs;
    s->temperature = temp;
    s->docs = pl_malloc(nl * sizeof *s->docs);
    if (s->docs == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    uint64_t sum = 0;
    for (size_t l = 0; l < nl; l++) {
        get(&r, 8, &s->docs[l]);
        if (s->docs[l] > ndocs - sum)
            return BAD("sub-model document counts exceed its total");
        sum += s->docs[l];
    }
    if (sum != ndocs)
        return BAD("sub-model document counts do not add up to its total");
    if (get(&r, 8, &nfeat))
        return BAD("sub-model section truncated");
    /* each feature takes 8 (hash) + 4 * nl (counts) + 4 (string length) bytes */
    const size_t per = 8 + 4 * nl + 4;
    if (nfeat > (r.n - r.pos) / per)
        return BAD("sub-model declares %llu features, more than its section holds",
                   (unsigned long long)nfeat);
    s->nfeat = (size_t)nfeat;
    const size_t nf = s->nfeat ? s->nfeat : 1;
    s->hash = pl_malloc(nf * sizeof *s->hash);
    s->counts = pl_malloc(nf * nl * sizeof *s->counts);
    s->str_off = pl_malloc(nf * sizeof *s->str_off);
    s->str_len = pl_malloc(nf * sizeof *s->str_len);
    if (s->hash == NULL || s->counts == NULL || s->str_off == NULL || s->str_len == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    for (size_t f = 0; f < s->nfeat; f++) {
        get(&r, 8, &s->hash[f]);
        if (f > 0 && s->hash[f] <= s->hash[f - 1])
            return BAD("feature hashes are not strictly ascending");
    }
    for (size_t i = 0; i < s->nfeat * nl; i++) {
        get(&r, 4, &v);
        s->counts[i] = (uint32_t)v;
        if (v > s->docs[i % nl])
            return BAD("a feature count exceeds the documents of its label");
    }
    uint64_t total = 0;
    for (size_t f = 0; f < s->nfeat; f++) {
        get(&r, 4, &v);
        s->str_off[f] = (uint32_t)total;
        s->str_len[f] = (uint32_t)v;
        total += v;
    }
    if (get(&r, 8, &slen) || slen != total || slen > r.n - r.pos || slen > UINT32_MAX)
        return BAD("feature strings do not match their lengths");
    s->strs = pl_malloc(slen ? (size_t)slen : 1);
    if (s->strs == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    memcpy(s->strs, r.p + r.pos, (size_t)slen);
    s->strs_len = (size_t)slen;
    r.pos += (size_t)slen;
    if (r.pos != r.n)
        return BAD("sub-model section has %zu unexpected bytes at its end", r.n - r.pos);
    if (pl_sub_prepare(s, nl, &m->opts) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    return PLAINT_OK;
}

/* A SMPL section (see model_format.md): first every length is checked
 * against the bytes there, then the sample is allocated and read, and each
 * document checked against the sub-model's counts. */
static plaint_status parse_sample(struct rd r, struct plaint_model *m, int *has_sample,
                                  const char *source, plaint_error *err)
{
    uint64_t lang, n, v = 0;
    const size_t nl = m->nlabels;
    if (get(&r, 4, &lang) || get(&r, 4, &n))
        return BAD("calibration sample section truncated");
    const int slot = pl_lang_slot((plaint_lang)lang);
    if (lang > 3 || slot < 0 || m->sub[slot] == NULL || has_sample[slot])
        return BAD("calibration sample for a missing or repeated sub-model");
    struct pl_sub *const sub = m->sub[slot];
    const uint64_t want = sub->ndocs < m->opts.cal_sample ? sub->ndocs : m->opts.cal_sample;
    if (n != want)
        return BAD("calibration sample holds %llu documents, expected %llu",
                   (unsigned long long)n, (unsigned long long)want);
    /* each document takes at least 16 bytes: key, label, feature count */
    if (n > (r.n - r.pos) / 16)
        return BAD("calibration sample declares %llu documents, more than its section holds",
                   (unsigned long long)n);
    const size_t start = r.pos;
    uint64_t total = 0;
    for (uint64_t i = 0; i < n; i++) {
        uint64_t key, label, nf;
        if (get(&r, 8, &key) || get(&r, 4, &label) || get(&r, 4, &nf) ||
            nf > (r.n - r.pos) / 8)
            return BAD("calibration sample document %llu is truncated", (unsigned long long)i);
        if (label >= nl || sub->docs[label] == 0)
            return BAD("calibration sample document %llu has a label without documents",
                       (unsigned long long)i);
        r.pos += (size_t)nf * 8;
        total += nf;
    }
    if (r.pos != r.n)
        return BAD("calibration sample section has %zu unexpected bytes at its end", r.n - r.pos);
    struct pl_sample *const smp = &sub->smp;
    if (pl_sample_alloc(smp, (size_t)n, (size_t)total) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    r.pos = start;
    for (size_t i = 0; i < (size_t)n; i++) {
        uint64_t key = 0, label = 0, nf = 0; /* read: pass 1 checked the bytes */
        get(&r, 8, &key);
        get(&r, 4, &label);
        get(&r, 4, &nf);
        const size_t at = smp->off[i];
        for (size_t k = 0; k < (size_t)nf; k++) {
            get(&r, 8, &v);
            smp->feat[at + k] = v;
            if (k > 0 && v <= smp->feat[at + k - 1])
                return BAD("calibration sample document %zu: features not strictly ascending",
                           i);
            const long f = pl_sub_find(sub, v);
            if (f < 0 || sub->counts[(size_t)f * nl + (size_t)label] == 0)
                return BAD("calibration sample document %zu has a feature its label never "
                           "counted",
                           i);
        }
        smp->key[i] = key;
        smp->label[i] = (uint32_t)label;
        smp->off[i + 1] = at + (size_t)nf;
        smp->n = i + 1;
        if (i > 0 && pl_sample_cmp(smp, i - 1, smp, i) > 0)
            return BAD("calibration sample documents are not in order (document %zu)", i);
    }
    has_sample[slot] = 1;
    return PLAINT_OK;
}

static plaint_status parse_payload(struct rd r, struct plaint_model *m, const char *source,
                                   plaint_error *err)
{
    int seen_opts = 0, seen_labels = 0, nsub = 0, seen_cal_sample = 0;
    int has_sample[PL_MAX_SUBS] = {0};
    while (r.pos < r.n) {
        uint64_t tag, len;
        if (get(&r, 4, &tag) || get(&r, 8, &len) || len > r.n - r.pos)
            return BAD("section header or length runs past the end of the model");
        struct rd s = {r.p + r.pos, (size_t)len, 0};
        r.pos += (size_t)len;
        uint64_t v = 0;
        switch (tag) {
        case TAG_IDNT:
            /* what the model was trained with (plaint info); later versions
             * of a component may add identities, so extra ones are ignored */
            if (get(&s, 4, &v) || v < PL_NIDENT || v > (s.n - s.pos) / 4)
                return BAD("identity section is invalid");
            for (int i = 0; i < PL_NIDENT; i++) {
                uint64_t n;
                if (get(&s, 4, &n) || n > s.n - s.pos || memchr(s.p + s.pos, 0, (size_t)n))
                    return BAD("identity %d is truncated", i);
                pl_free(m->ident[i]);
                if ((m->ident[i] = pl_malloc((size_t)n + 1)) == NULL)
                    return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
                memcpy(m->ident[i], s.p + s.pos, (size_t)n);
                m->ident[i][n] = '\0';
                s.pos += (size_t)n;
            }
            break;
        case TAG_OPTS: {
            uint64_t algo, idf, minc, uni, bi, neg, scope;
            double alpha;
            if (seen_opts)
                return BAD("options section repeated");
            if (get(&s, 4, &algo) || get_f64(&s, &alpha) || get(&s, 4, &idf) ||
                get(&s, 4, &minc) || get(&s, 4, &uni) || get(&s, 4, &bi) || get(&s, 4, &neg) ||
                get(&s, 4, &scope))
                return BAD("options section truncated");
            if (algo > 1 || !(alpha > 0) || !isfinite(alpha) || idf > 1 || uni > 1 || bi > 1 ||
                neg > 1 || scope > 1000)
                return BAD("options section holds an invalid value");
            m->opts.algo = (uint32_t)algo;
            m->opts.alpha = alpha;
            m->opts.idf = (uint32_t)idf;
            m->opts.min_count = (uint32_t)minc;
            m->opts.feat.unigrams = (int)uni;
            m->opts.feat.bigrams = (int)bi;
            m->opts.feat.negation = (int)neg;
            m->opts.feat.neg_scope = (uint32_t)scope;
            /* added within version 1: absent from older files */
            if (s.n - s.pos >= 4) {
                get(&s, 4, &v);
                m->opts.cal_sample = (uint32_t)v;
                seen_cal_sample = 1;
            }
            seen_opts = 1;
            break;
        }
        case TAG_LABL:
            if (seen_labels || get(&s, 4, &v) || v < 2 || v > (s.n - s.pos) / 4)
                return BAD("label section is invalid");
            m->labels = pl_calloc((size_t)v, sizeof *m->labels);
            if (m->labels == NULL)
                return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
            m->nlabels = (size_t)v;
            for (size_t i = 0; i < m->nlabels; i++) {
                uint64_t n;
                if (get(&s, 4, &n) || n == 0 || n > s.n - s.pos)
                    return BAD("label %zu is truncated", i);
                m->labels[i] = pl_malloc((size_t)n + 1);
                if (m->labels[i] == NULL)
                    return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
                memcpy(m->labels[i], s.p + s.pos, (size_t)n);
                m->labels[i][n] = '\0';
                s.pos += (size_t)n;
                if (strlen(m->labels[i]) != n ||
                    (i > 0 && strcmp(m->labels[i - 1], m->labels[i]) >= 0))
                    return BAD("labels are not distinct and sorted");
            }
            seen_labels = 1;
            break;
        case TAG_STAT:
            if (get(&s, 8, &m->stat_lines) || get(&s, 8, &m->stat_skipped))
                return BAD("statistics section truncated");
            break;
        case TAG_SUBM: {
            if (!seen_opts || !seen_labels)
                return BAD("sub-model before the options and labels");
            const plaint_status st = parse_sub(s, m, source, err);
            if (st != PLAINT_OK)
                return st;
            nsub++;
            break;
        }
        case TAG_CALB: {
            uint64_t lang, k;
            if (get(&s, 4, &lang) || get(&s, 4, &k) || k == 0 || k > PL_MAX_CAL ||
                s.n - s.pos != k * 16)
                return BAD("calibration section is invalid");
            const int slot = pl_lang_slot((plaint_lang)lang);
            if (lang > 3 || slot < 0 || m->sub[slot] == NULL || m->sub[slot]->ncal != 0)
                return BAD("calibration for a missing or repeated sub-model");
            struct pl_sub *const sub = m->sub[slot];
            sub->cal_x = pl_malloc((size_t)k * sizeof *sub->cal_x);
            sub->cal_y = pl_malloc((size_t)k * sizeof *sub->cal_y);
            if (sub->cal_x == NULL || sub->cal_y == NULL)
                return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
            for (size_t i = 0; i < k; i++) {
                double x = 0, y = 0;
                if (get_f64(&s, &x) || get_f64(&s, &y))
                    return BAD("calibration section truncated");
                if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1) ||
                    (i > 0 && (x < sub->cal_x[i - 1] || y < sub->cal_y[i - 1])))
                    return BAD("calibration curve is not monotone within [0, 1]");
                sub->cal_x[i] = x;
                sub->cal_y[i] = y;
            }
            sub->ncal = (uint32_t)k;
            break;
        }
        case TAG_SMPL: {
            if (!seen_cal_sample)
                return BAD("calibration sample in a model whose options lack its size");
            const plaint_status st = parse_sample(s, m, has_sample, source, err);
            if (st != PLAINT_OK)
                return st;
            break;
        }
        default:
            break; /* unknown sections of the same version are skipped */
        }
    }
    if (!seen_opts || !seen_labels || nsub == 0)
        return BAD("the model lacks its options, labels or sub-models");
    int nsample = 0;
    for (int slot = 0; slot < PL_MAX_SUBS; slot++)
        nsample += has_sample[slot];
    if (nsample != 0 && nsample != nsub)
        return BAD("calibration samples for only some of the sub-models");
    m->mergeable = nsample != 0;
    return PLAINT_OK;
}

plaint_status pl_model_parse(const unsigned char *data, size_t size, const char *source,
                             struct plaint_model **out, plaint_error *err)
{
    struct rd r = {data, size, 0};
    *out = NULL;
    if (size < HEADER_SIZE || memcmp(data, MAGIC, 8) != 0)
        return BAD(size < 8 || memcmp(data, MAGIC, size < 8 ? size : 8) != 0
                       ? "not a plaint model (bad magic number)"
                       : "model header truncated");
    const uint64_t version = le(data + 8, 4);
    if ((uint32_t)crc32(0L, data, 36) != (uint32_t)le(data + 36, 4))
        return BAD("model header checksum mismatch (corrupted file)");
    if (version > PL_MODEL_FORMAT_VERSION)
        return pl_error_set(err, PLAINT_E_VERSION, source, 0, 8,
                            "model format version %llu is newer than this library's (%u)",
                            (unsigned long long)version, PL_MODEL_FORMAT_VERSION);
    if (version == 0 || le(data + 12, 4) != HEADER_SIZE)
        return BAD("model header is invalid");
    const uint64_t plen = le(data + 16, 8), clen = le(data + 24, 8);
    if (clen != size - HEADER_SIZE)
        return BAD("model is truncated or has trailing bytes (%zu compressed bytes, header "
                   "says %llu)",
                   size - HEADER_SIZE, (unsigned long long)clen);
    /* deflate cannot expand more than about 1032:1; reject absurd claims
     * before allocating */
    if (plen > UINT32_MAX || plen / 1032 > clen + 64)
        return BAD("model declares an impossible uncompressed size");
    if ((uint32_t)crc32(0L, data + HEADER_SIZE, (uInt)clen) != (uint32_t)le(data + 32, 4))
        return BAD("model data checksum mismatch (corrupted file)");
    unsigned char *const payload = pl_malloc(plen ? (size_t)plen : 1);
    if (payload == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    uLongf got = (uLongf)plen;
    uLong consumed = (uLong)clen;
    const int zrc = uncompress2(payload, &got, data + HEADER_SIZE, &consumed);
    if (zrc != Z_OK || got != plen || consumed != clen) {
        pl_free(payload);
        return BAD("model data does not decompress (corrupted file)");
    }
    const plaint_status st = pl_model_parse_payload(payload, (size_t)plen, source, out, err);
    pl_free(payload);
    if (st == PLAINT_OK)
        (*out)->format_version = (uint32_t)version;
    return st;
}

plaint_status pl_model_parse_payload(const unsigned char *payload, size_t size,
                                     const char *source, struct plaint_model **out,
                                     plaint_error *err)
{
    *out = NULL;
    struct plaint_model *const m = pl_calloc(1, sizeof *m);
    if (m == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, source, 0, 0, "out of memory");
    struct rd p = {payload, size, 0};
    const plaint_status st = parse_payload(p, m, source, err);
    if (st != PLAINT_OK) {
        pl_model_free(m);
        return st;
    }
    *out = m;
    return PLAINT_OK;
}
