/* translit.c - Latin-typed Greek and Bulgarian to their scripts; stem folding. */
#include "translit.h"

#include <string.h>

struct rule {
    const char *latin; /* lowercase ASCII, digits for letters */
    const char *native;
};

/* Longest match first: the table is searched in order and the first rule
 * whose Latin text matches wins, so longer rules come before their
 * prefixes. */
static const struct rule greek_rules[] = {
    {"th", "θ"}, {"ps", "ψ"}, {"ks", "ξ"}, {"ch", "χ"}, {"kh", "χ"}, {"ou", "ου"},
    {"mp", "μπ"}, {"nt", "ντ"}, {"gk", "γκ"}, {"8", "θ"}, {"3", "ξ"}, {"a", "α"},
    {"b", "μπ"}, {"c", "κ"}, {"d", "δ"}, {"e", "ε"}, {"f", "φ"}, {"g", "γ"},
    {"h", "η"}, {"i", "ι"}, {"j", "τζ"}, {"k", "κ"}, {"l", "λ"}, {"m", "μ"},
    {"n", "ν"}, {"o", "ο"}, {"p", "π"}, {"q", "κ"}, {"r", "ρ"}, {"s", "σ"},
    {"t", "τ"}, {"u", "ου"}, {"v", "β"}, {"w", "ω"}, {"x", "χ"}, {"y", "υ"},
    {"z", "ζ"}, {NULL, NULL},
};

static const struct rule bulgarian_rules[] = {
    {"sht", "щ"}, {"dzh", "дж"}, {"6t", "щ"}, {"sh", "ш"}, {"ch", "ч"}, {"zh", "ж"},
    {"ts", "ц"}, {"ya", "я"}, {"ja", "я"}, {"yu", "ю"}, {"ju", "ю"}, {"yo", "йо"},
    {"jo", "йо"}, {"6", "ш"}, {"4", "ч"}, {"q", "я"}, {"w", "в"}, {"`", "ъ"},
    {"a", "а"}, {"b", "б"}, {"c", "ц"}, {"d", "д"}, {"e", "е"}, {"f", "ф"},
    {"g", "г"}, {"h", "х"}, {"i", "и"}, {"j", "ж"}, {"k", "к"}, {"l", "л"},
    {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"r", "р"}, {"s", "с"},
    {"t", "т"}, {"u", "у"}, {"v", "в"}, {"x", "х"}, {"y", "ъ"}, {"z", "з"},
    {NULL, NULL},
};

static int is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_vowel(unsigned char c)
{
    return c != 0 && strchr("aeiouy", c | 0x20) != NULL;
}

/* The byte at i lowercased if it is a letter, or a digit standing for a
 * letter (inside a word: next to a letter), or '`'; else 0. */
static unsigned char latin_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    const unsigned char c = (unsigned char)s[i];
    if (is_alpha(c))
        return (unsigned char)(c | 0x20);
    if (c == '`')
        return c;
    if (c >= '0' && c <= '9' &&
        ((i > 0 && is_alpha((unsigned char)s[i - 1])) ||
         (i + 1 < len && is_alpha((unsigned char)s[i + 1]))))
        return c;
    return 0;
}

int pl_translit(plaint_lang lang, const char *s, size_t len, struct pl_buf *out)
{
    const struct rule *const rules = lang == PLAINT_LANG_EL ? greek_rules : bulgarian_rules;
    size_t i = 0;
    while (i < len) {
        const unsigned char c = latin_at(s, len, i);
        if (c == 0) {
            if (pl_buf_append(out, s + i, 1) != 0)
                return -1;
            i++;
            continue;
        }
        const unsigned char prev = i > 0 ? latin_at(s, len, i - 1) : 0;
        const unsigned char next = latin_at(s, len, i + 1);
        const char *native = NULL;
        size_t used = 1;
        /* context rules: Greeklish u after a/e is υ (eu, au), h between
         * vowels is χ (ehw, exei); Latin Bulgarian y after a vowel is й */
        if (lang == PLAINT_LANG_EL && c == 'u' && (prev == 'a' || prev == 'e'))
            native = "υ";
        else if (lang == PLAINT_LANG_EL && c == 'h' && is_vowel(prev) && is_vowel(next))
            native = "χ";
        else if (lang == PLAINT_LANG_BG && c == 'y' && is_vowel(prev) &&
                 !(next == 'a' || next == 'u' || next == 'o'))
            native = "й";
        for (const struct rule *r = rules; native == NULL && r->latin != NULL; r++) {
            const size_t n = strlen(r->latin);
            size_t k = 0;
            while (k < n && latin_at(s, len, i + k) == (unsigned char)r->latin[k])
                k++;
            if (k == n) {
                native = r->native;
                used = n;
            }
        }
        if (native == NULL) { /* a digit with no rule: keep it */
            if (pl_buf_append(out, s + i, 1) != 0)
                return -1;
            i++;
            continue;
        }
        if (pl_buf_append(out, native, strlen(native)) != 0)
            return -1;
        i += used;
    }
    return 0;
}

/* ---- folding ---------------------------------------------------------- */

static size_t decode(const unsigned char *p, size_t n, unsigned *cp)
{
    if (p[0] < 0x80 || n < 2) {
        *cp = p[0];
        return 1;
    }
    if (p[0] < 0xE0) {
        *cp = ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        return 2;
    }
    if (p[0] < 0xF0 || n < 4) {
        *cp = n >= 3 ? ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) |
                           (p[2] & 0x3F)
                     : p[0];
        return n >= 3 ? 3 : 1;
    }
    *cp = ((unsigned)(p[0] & 0x07) << 18) | ((unsigned)(p[1] & 0x3F) << 12) |
          ((unsigned)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return 4;
}

static size_t encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

enum {
    GR_ALPHA = 0x3B1, GR_EPSILON = 0x3B5, GR_ETA = 0x3B7, GR_IOTA = 0x3B9,
    GR_OMICRON = 0x3BF, GR_UPSILON = 0x3C5, GR_OMEGA = 0x3C9, GR_BETA = 0x3B2,
    GR_GAMMA = 0x3B3, GR_DELTA = 0x3B4, GR_KAPPA = 0x3BA, GR_MU = 0x3BC, GR_NU = 0x3BD,
    GR_PI = 0x3C0, GR_TAU = 0x3C4
};

static unsigned fold_pl(unsigned c)
{
    switch (c) {
    case 0x105: return 'a';
    case 0x107: return 'c';
    case 0x119: return 'e';
    case 0x142: return 'l';
    case 0x144: return 'n';
    case 0xF3: return 'o';
    case 0x15B: return 's';
    case 0x17A: case 0x17C: return 'z';
    default: return c;
    }
}

int pl_strip_polish(const char *s, size_t len, struct pl_buf *out)
{
    const unsigned char *const p = (const unsigned char *)s;
    int changed = 0;
    size_t i = 0;
    while (i < len) {
        unsigned c;
        const size_t n = decode(p + i, len - i, &c);
        unsigned f = fold_pl(c);
        switch (c) { /* the capitals keep their case */
        case 0x104: f = 'A'; break;
        case 0x106: f = 'C'; break;
        case 0x118: f = 'E'; break;
        case 0x141: f = 'L'; break;
        case 0x143: f = 'N'; break;
        case 0xD3: f = 'O'; break;
        case 0x15A: f = 'S'; break;
        case 0x179: case 0x17B: f = 'Z'; break;
        default: break;
        }
        if (f != c) {
            char ch = (char)f;
            changed = 1;
            if (pl_buf_append(out, &ch, 1) != 0)
                return -1;
        } else if (pl_buf_append(out, s + i, n) != 0) {
            return -1;
        }
        i += n;
    }
    return changed;
}

size_t pl_fold_stem(plaint_lang lang, const char *s, size_t len, char *out)
{
    const unsigned char *const p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    if (lang != PLAINT_LANG_PL && lang != PLAINT_LANG_EL && lang != PLAINT_LANG_BG) {
        if (len > 0)
            memcpy(out, s, len);
        return len;
    }
    unsigned last = 0; /* the last code point written (el: doubled letters) */
    while (i < len) {
        unsigned c, n = 0;
        i += decode(p + i, len - i, &c);
        if (i < len)
            decode(p + i, len - i, &n);
        if (lang == PLAINT_LANG_PL) {
            c = fold_pl(c);
        } else if (lang == PLAINT_LANG_BG) {
            if (c == 0x44C) /* ь */
                continue;
            c = c == 0x44A ? 0x430 : c == 0x439 ? 0x438 : c; /* ъ -> а, й -> и */
        } else {
            int pair = 0; /* c and n make one sound */
            if (n == GR_IOTA && (c == GR_EPSILON || c == GR_OMICRON || c == GR_UPSILON))
                c = GR_IOTA, pair = 1;
            else if (n == GR_IOTA && c == GR_ALPHA)
                c = GR_EPSILON, pair = 1;
            else if (c == GR_MU && n == GR_PI)
                c = GR_BETA, pair = 1; /* μπ -> β: Greeklish b */
            else if (c == GR_NU && n == GR_TAU)
                c = GR_DELTA, pair = 1; /* ντ -> δ: Greeklish d */
            else if (c == GR_GAMMA && n == GR_KAPPA)
                c = GR_GAMMA, pair = 1; /* γκ -> γ: Greeklish g */
            else if (n == GR_UPSILON && (c == GR_OMICRON || c == GR_ALPHA || c == GR_EPSILON)) {
                o += encode(c, out + o); /* ου, αυ, ευ stay as they are */
                o += encode(GR_UPSILON, out + o);
                last = GR_UPSILON;
                i += 2; /* υ is two bytes */
                continue;
            } else if (c == GR_ETA || c == GR_UPSILON)
                c = GR_IOTA;
            else if (c == GR_OMEGA)
                c = GR_OMICRON;
            if (pair)
                i += 2; /* the second letter, two bytes */
            if (c == last && c >= 0x370)
                continue; /* a doubled Greek letter */
        }
        last = c;
        o += encode(c, out + o);
    }
    return o;
}
