/* stemcache.h - per-context cache from a raw token to its normalized form
 * and stem.
 *
 * Text is Zipfian: a few thousand distinct words make up most tokens, so
 * normalizing and stemming each distinct (language, raw token) once and
 * looking it up afterwards removes the slowest steps from the hot path.
 * Open addressing with linear probing; strings live in one arena and are
 * referred to by offset, so growing the arena never invalidates an entry.
 * The cache is bounded: pl_cache_full tells the owner when to clear it. */
#ifndef PL_STEMCACHE_H
#define PL_STEMCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

#define PL_CACHE_MAX_ENTRIES ((size_t)1 << 17)
#define PL_CACHE_MAX_ARENA ((size_t)16 << 20)

struct pl_cache_entry {
    uint64_t hash; /* 0 marks an empty slot */
    uint32_t key_off, key_len;
    uint32_t norm_off, norm_len;
    uint32_t stem_off, stem_len;
    uint32_t lang;
};

struct pl_cache {
    struct pl_cache_entry *slots;
    size_t mask; /* slot count - 1; slot count is a power of two */
    size_t count;
    struct pl_buf arena;
};

/* Hash of (lang, key); never 0. */
uint64_t pl_cache_hash(unsigned lang, const char *key, size_t n);

/* Returns the entry for (lang, key) or NULL. */
const struct pl_cache_entry *pl_cache_find(const struct pl_cache *c, uint64_t h, unsigned lang,
                                           const char *key, size_t n);

/* Inserts (lang, key) -> (norm, stem); the key must not be present. Returns
 * the new entry, or NULL when out of memory or the cache is at its hard
 * limit (the caller then goes on without caching). */
const struct pl_cache_entry *pl_cache_insert(struct pl_cache *c, uint64_t h, unsigned lang,
                                             const char *key, size_t n, const char *norm,
                                             size_t norm_len, const char *stem,
                                             size_t stem_len);

/* True when the cache has reached its soft limit and should be cleared
 * before the next text. */
int pl_cache_full(const struct pl_cache *c);

void pl_cache_clear(struct pl_cache *c);
void pl_cache_free(struct pl_cache *c);

#endif
