/* stemcache.c - bounded open-addressing cache of normalized forms and stems. */
#include "stemcache.h"

#include <string.h>

uint64_t pl_cache_hash(unsigned lang, const char *key, size_t n)
{
    /* 64-bit multiply-xorshift over 8-byte words: fast for short tokens. */
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = (UINT64_C(0xCBF29CE484222325) ^ lang) * k ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    memcpy(&w, key + i, n - i);
    h = (h ^ w) * k;
    h ^= h >> 32;
    h *= k;
    h ^= h >> 29;
    return h == 0 ? 1 : h;
}

static uint64_t tag_of(uint64_t h) { return h & ~(uint64_t)0xFFFFFFFFu; }

/* The entry's key equals key[0..n)? The first bytes are in the entry. */
static int same_key(const struct pl_cache *c, const struct pl_cache_entry *e, const char *key,
                    size_t n)
{
    const size_t h = n < sizeof e->head ? n : sizeof e->head;
    return memcmp(e->head, key, h) == 0 &&
           (n == h || memcmp(c->arena.data + e->key_off + h, key + h, n - h) == 0);
}

struct pl_cache_entry *pl_cache_find(struct pl_cache *c, uint64_t h, unsigned lang,
                                     const char *key, size_t n)
{
    if (c->slots == NULL)
        return NULL;
    const uint64_t tag = tag_of(h);
    for (size_t i = (size_t)h & c->mask;; i = (i + 1) & c->mask) {
        const uint64_t v = c->slots[i];
        if (v == 0)
            return NULL;
        if (tag_of(v) != tag)
            continue;
        struct pl_cache_entry *const e = &c->entries[(uint32_t)v - 1];
        if (e->hash == h && e->lang == lang && e->key_len == n && same_key(c, e, key, n))
            return e;
    }
}

static void place(uint64_t *slots, size_t mask, uint64_t h, size_t idx)
{
    size_t j = (size_t)h & mask;
    while (slots[j] != 0)
        j = (j + 1) & mask;
    slots[j] = tag_of(h) | (uint64_t)(idx + 1);
}

static int grow(struct pl_cache *c)
{
    const size_t nslots = c->slots == NULL ? 1024 : (c->mask + 1) * 2;
    uint64_t *const slots = pl_calloc(nslots, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < c->count; i++)
        place(slots, nslots - 1, c->entries[i].hash, i);
    pl_free(c->slots);
    c->slots = slots;
    c->mask = nslots - 1;
    return 0;
}

struct pl_cache_entry *pl_cache_insert(struct pl_cache *c, uint64_t h, unsigned lang,
                                       const char *key, size_t n, const char *norm,
                                       size_t norm_len, const char *stem, size_t stem_len)
{
    /* Hard limits: twice the soft ones, so one long text can still cache. */
    if (c->count >= 2 * PL_CACHE_MAX_ENTRIES ||
        c->arena.len + n + norm_len + stem_len > 2 * PL_CACHE_MAX_ARENA)
        return NULL;
    if ((c->slots == NULL || (c->count + 1) * 2 > c->mask + 1) && grow(c) != 0)
        return NULL;
    if (c->count == c->cap) {
        const size_t cap = c->cap ? c->cap * 2 : 512;
        struct pl_cache_entry *const e = pl_realloc(c->entries, cap * sizeof *e);
        if (e == NULL)
            return NULL;
        c->entries = e;
        c->cap = cap;
    }
    const size_t base = c->arena.len;
    if (pl_buf_reserve(&c->arena, n + norm_len + stem_len) != 0)
        return NULL;
    pl_buf_append(&c->arena, key, n);
    pl_buf_append(&c->arena, norm, norm_len);
    pl_buf_append(&c->arena, stem, stem_len);
    struct pl_cache_entry *const e = &c->entries[c->count];
    e->hash = h;
    e->lang = lang;
    e->key_off = (uint32_t)base;
    e->key_len = (uint32_t)n;
    e->norm_off = (uint32_t)(base + n);
    e->norm_len = (uint32_t)norm_len;
    e->stem_off = (uint32_t)(base + n + norm_len);
    e->stem_len = (uint32_t)stem_len;
    e->fold_len = UINT32_MAX;
    e->fold_off = 0;
    e->fold_h = 0;
    memset(e->head, 0, sizeof e->head);
    memcpy(e->head, key, n < sizeof e->head ? n : sizeof e->head);
    place(c->slots, c->mask, h, c->count);
    c->count++;
    return e;
}

int pl_cache_full(const struct pl_cache *c)
{
    return c->count >= PL_CACHE_MAX_ENTRIES || c->arena.len >= PL_CACHE_MAX_ARENA;
}

void pl_cache_clear(struct pl_cache *c)
{
    if (c->slots != NULL)
        memset(c->slots, 0, (c->mask + 1) * sizeof *c->slots);
    c->count = 0;
    c->arena.len = 0;
}

void pl_cache_free(struct pl_cache *c)
{
    pl_free(c->slots);
    pl_free(c->entries);
    c->slots = NULL;
    c->entries = NULL;
    c->mask = 0;
    c->count = 0;
    c->cap = 0;
    pl_buf_free(&c->arena);
}
