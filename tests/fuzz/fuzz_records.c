/* fuzz_records.c - batch labeling's record handling (plaint label --format
 * text|tsv|jsonl) on arbitrary bytes, with the built-in model. The first
 * byte picks the format and options; the rest are the input lines. Checks
 * the contract: exactly one output line per record, and in jsonl every
 * output line is a JSON object. Built from the CLI's own source. */
#include "../../src/cli_label.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static plaint_model *fuzz_model;
static plaint_ctx *fuzz_ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    plaint_error err;
    if (size < 1)
        return 0;
    if (fuzz_model == NULL) { /* once per process: the model is immutable */
        if (plaint_model_load_default(&fuzz_model, &err) != PLAINT_OK ||
            plaint_ctx_new(fuzz_model, &fuzz_ctx, &err) != PLAINT_OK)
            __builtin_trap();
    }
    const unsigned o = data[0];
    struct job j;
    memset(&j, 0, sizeof j);
    j.model = fuzz_model;
    j.format = (enum format)(o % 3);
    j.scores = (o & 4) != 0;
    j.explain = (o & 8) ? 3 : 0;
    j.header = j.format == FMT_TSV && (o & 16);
    j.replace_invalid = (o & 32) != 0;
    j.text_col = 1 + (o >> 6); /* tsv: column 1 to 4 */
    j.text_field = (o & 64) ? "body" : "text";
    char *names[] = {"<fuzz>"};
    j.names = names;
    j.nlabels = plaint_model_label_count(fuzz_model);
    const char *labels[16];
    if (j.nlabels > 16)
        __builtin_trap();
    for (size_t l = 0; l < j.nlabels; l++)
        labels[l] = plaint_model_label(fuzz_model, l);
    j.labels = labels;
    struct worker w = {.job = &j, .ctx = fuzz_ctx};
    struct chunk c;
    memset(&c, 0, sizeof c);
    uint64_t per_label[16];
    c.per_label = per_label;
    chunk_reset(&c, j.nlabels);
    /* the lines, as the reader makes them: \n ends a line, a final \r goes */
    const char *p = (const char *)data + 1;
    size_t left = size - 1, line = 0;
    while (left > 0) {
        const char *const nl = memchr(p, '\n', left);
        size_t n = nl ? (size_t)(nl - p) : left;
        const size_t step = nl ? n + 1 : n;
        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (c.nrecs == c.reccap) {
            c.reccap = c.reccap ? c.reccap * 2 : 16;
            c.recs = realloc(c.recs, c.reccap * sizeof *c.recs);
        }
        if (buf_reserve(&c.in, n + 1) != 0 || c.recs == NULL)
            __builtin_trap();
        struct record *const r = &c.recs[c.nrecs++];
        r->off = c.in.len;
        r->len = n;
        r->line = ++line;
        r->input = 0;
        r->col = (j.header && line == 1) ? UINT32_MAX : (uint32_t)(j.text_col - 1);
        memcpy(c.in.p + c.in.len, p, n);
        c.in.p[c.in.len + n] = '\0';
        c.in.len += n + 1;
        p += step;
        left -= step;
    }
    label_chunk(&w, &c);
    if (!c.oom) {
        size_t lines = 0;
        const char *s = c.out.p;
        for (size_t i = 0; i < c.out.len; i++)
            lines += c.out.p[i] == '\n';
        if (lines != c.nrecs || (c.out.len > 0 && c.out.p[c.out.len - 1] != '\n'))
            __builtin_trap(); /* one line out per record, nothing else */
        for (size_t i = 0; j.format == FMT_JSONL && i < c.nrecs; i++) {
            const char *const e = memchr(s, '\n', (size_t)(c.out.p + c.out.len - s));
            json_error_t je;
            json_t *const v = json_loadb(s, (size_t)(e - s), JSON_ALLOW_NUL, &je);
            if (v == NULL || !json_is_object(v) || json_object_get(v, "label") == NULL)
                __builtin_trap(); /* every jsonl output line is an object with a label */
            json_decref(v);
            s = e + 1;
        }
    }
    free(c.in.p);
    free(c.out.p);
    free(c.msg.p);
    free(c.recs);
    return 0;
}
