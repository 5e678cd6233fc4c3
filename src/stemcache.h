/* stemcache.h - per-context cache from a raw token to its normalized form
 * and stem.
 *
 * Text is Zipfian: a few thousand distinct words make up most tokens, so
 * normalizing and stemming each distinct (language, raw token) once and
 * looking it up afterwards removes the slowest steps from the hot path.
 * Open addressing with linear probing over 8-byte slots (32 bits of the
 * hash and an entry number), so the table that every lookup touches at a
 * random place stays small enough for the CPU caches; the entries live in
 * a dense array in insertion order (the frequent words, met first, packed
 * together) and their strings in one arena, referred to by offset. An
 * entry pointer is valid until the next insert or clear.
 * The cache is bounded: pl_cache_full tells the owner when to clear it. */
#ifndef PL_STEMCACHE_H
#define PL_STEMCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

#define PL_CACHE_MAX_ENTRIES ((size_t)1 << 17)
#define PL_CACHE_MAX_ARENA ((size_t)16 << 20)

struct pl_cache_entry { /* 64 bytes: one cache line */
    uint64_t hash;
    uint32_t key_off, key_len;
    uint32_t norm_off, norm_len;
    uint32_t stem_off, stem_len;
    uint32_t lang;
    /* the owner's, per entry: a folded stem (pl_text); fold_len is
     * UINT32_MAX until the owner sets them */
    uint32_t fold_len, fold_off;
    char head[12]; /* the key's first bytes: a key this short compares here */
    uint64_t fold_h;
};

struct pl_cache {
    uint64_t *slots;  /* 0: empty; else hash >> 32 << 32 | (entry number + 1) */
    size_t mask;      /* slot count - 1; slot count is a power of two */
    struct pl_cache_entry *entries;
    size_t count, cap; /* entries used, allocated */
    struct pl_buf arena;
};

/* Hash of (lang, key); never 0. */
uint64_t pl_cache_hash(unsigned lang, const char *key, size_t n);

/* Returns the entry for (lang, key) or NULL. */
struct pl_cache_entry *pl_cache_find(struct pl_cache *c, uint64_t h, unsigned lang,
                                     const char *key, size_t n);

/* Inserts (lang, key) -> (norm, stem); the key must not be present. Returns
 * the new entry, or NULL when out of memory or the cache is at its hard
 * limit (the caller then goes on without caching). */
struct pl_cache_entry *pl_cache_insert(struct pl_cache *c, uint64_t h, unsigned lang,
                                       const char *key, size_t n, const char *norm,
                                       size_t norm_len, const char *stem, size_t stem_len);

/* True when the cache has reached its soft limit and should be cleared
 * before the next text. */
int pl_cache_full(const struct pl_cache *c);

void pl_cache_clear(struct pl_cache *c);
void pl_cache_free(struct pl_cache *c);

#endif
