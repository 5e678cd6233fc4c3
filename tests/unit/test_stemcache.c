/* test_stemcache.c - lookups, collisions of language, growth, limits. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "stemcache.h"

int main(void)
{
    struct pl_cache c = {0};
    CHECK(pl_cache_find(&c, pl_cache_hash(1, "a", 1), 1, "a", 1) == NULL);
    const uint64_t h = pl_cache_hash(1, "psa", 3);
    CHECK(h != 0);
    CHECK(pl_cache_hash(2, "psa", 3) != h); /* language is part of the key */
    const struct pl_cache_entry *e = pl_cache_insert(&c, h, 1, "psa", 3, "psa", 3, "ps", 2);
    CHECK(e != NULL);
    e = pl_cache_find(&c, h, 1, "psa", 3);
    CHECK(e != NULL);
    if (e != NULL) {
        CHECK_EQ_STRN(c.arena.data + e->stem_off, e->stem_len, "ps");
        CHECK_EQ_STRN(c.arena.data + e->norm_off, e->norm_len, "psa");
    }
    CHECK(pl_cache_find(&c, pl_cache_hash(2, "psa", 3), 2, "psa", 3) == NULL);
    CHECK(pl_cache_find(&c, h, 1, "psb", 3) == NULL);

    /* many entries: growth keeps every entry findable */
    char key[32];
    for (int i = 0; i < 50000; i++) {
        const int n = snprintf(key, sizeof key, "k%d", i);
        const uint64_t hk = pl_cache_hash(3, key, (size_t)n);
        if (pl_cache_insert(&c, hk, 3, key, (size_t)n, key, (size_t)n, key, 1) == NULL) {
            CHECK(0);
            break;
        }
    }
    int missing = 0;
    for (int i = 0; i < 50000; i++) {
        const int n = snprintf(key, sizeof key, "k%d", i);
        const struct pl_cache_entry *const f =
            pl_cache_find(&c, pl_cache_hash(3, key, (size_t)n), 3, key, (size_t)n);
        if (f == NULL || f->norm_len != (uint32_t)n ||
            memcmp(c.arena.data + f->norm_off, key, (size_t)n) != 0)
            missing++;
    }
    CHECK_EQ_INT(missing, 0);
    CHECK(!pl_cache_full(&c));

    /* soft limit reported, hard limit refuses rather than growing forever */
    int refused = 0;
    for (size_t i = 0; i < 2 * PL_CACHE_MAX_ENTRIES + 10; i++) {
        const int n = snprintf(key, sizeof key, "x%zu", i);
        if (pl_cache_insert(&c, pl_cache_hash(4, key, (size_t)n), 4, key, (size_t)n, key,
                            (size_t)n, key, (size_t)n) == NULL)
            refused++;
    }
    CHECK(pl_cache_full(&c));
    CHECK(refused > 0);
    CHECK(c.count <= 2 * PL_CACHE_MAX_ENTRIES);
    pl_cache_clear(&c);
    CHECK_EQ_INT(c.count, 0);
    CHECK(!pl_cache_full(&c));
    CHECK(pl_cache_find(&c, h, 1, "psa", 3) == NULL);
    pl_cache_free(&c);
    return CHECK_DONE();
}
