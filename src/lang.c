/* lang.c - the language of a document (lang.h) */
#include "lang.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#ifndef TEXTCAT_DIR_DEFAULT
#define TEXTCAT_DIR_DEFAULT "/usr/share/libexttextcat"
#endif

enum { SAMPLE_BYTES = 2048, SAMPLE_WORDS = 300 };

struct LangId {
    void *tc;                   /* libexttextcat's handle: its profiles, only read after loading */
};

LangId *lang_load(char *err, size_t errsz)
{
    const char *dir = getenv("HERODOTUS_TEXTCAT_DIR");
    if (!dir || !*dir) dir = TEXTCAT_DIR_DEFAULT;
    char conf[4200], prefix[4200];
    snprintf(conf, sizeof conf, "%s/fpdb.conf", dir);
    snprintf(prefix, sizeof prefix, "%s/", dir);
    void *tc = special_textcat_Init(conf, prefix);
    if (!tc) {
        snprintf(err, errsz, "%s: cannot read the language profiles (package libexttextcat-data)", conf);
        return NULL;
    }
    LangId *l = calloc(1, sizeof *l);
    if (!l) abort();
    l->tc = tc;
    return l;
}

void lang_free(LangId *l)
{
    if (!l) return;
    textcat_Done(l->tc);
    free(l);
}

/* English's commonest words: in English news about one word in four is one
 * of them, in other languages written in Latin letters hardly any */
static int english_word(const char *w, size_t n)
{
    /* none that other languages written in Latin letters use as words
     * of their own ("a", "in", "an", "was", "will", "as", "die") */
    static const char *const common[] = {
        "the", "of", "and", "to", "is", "that", "for", "with", "said", "by", "at", "it", "from", "he", "his",
        "has", "have", "be", "are", "were", "would", "not", "this", "they", "their", "who", "which", "after",
        "had", "been", "its", "but", "or", "she", "her", "we", "also", "more", "than", "about", "over", "into",
        "there", "when", "could", "against", "says", "told", NULL};
    if (n > 7) return 0;
    char low[8];
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
    low[n] = '\0';
    for (const char *const *c = common; *c; c++)
        if ((*c)[0] == low[0] && !strcmp(low, *c)) return 1;
    return 0;
}

const char *lang_detect(const LangId *l, const char *text, size_t n, char out[16])
{
    size_t words = 0, english = 0;
    snprintf(out, 16, "und");
    for (size_t i = 0; i < n && words < SAMPLE_WORDS;) {
        while (i < n && !isalpha((unsigned char)text[i]) && (unsigned char)text[i] < 0x80) i++;
        size_t b = i;
        while (i < n && (isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80)) i++;
        if (i == b) continue;
        words++;
        english += english_word(text + b, i - b);
        if (words >= 40 && english * 5 >= words) break;   /* English beyond doubt */
    }
    if (words >= 8 && english * 8 >= words) return snprintf(out, 16, "en"), out;   /* the common case: no profile is read */
    if (words < 30 || !l) return out;   /* a sentence or two: too short to tell, and coded */
    candidate_t *c = textcat_GetClassifyFullOutput(l->tc);
    if (!c) return out;
    int k = textcat_ClassifyFull(l->tc, text, n < SAMPLE_BYTES ? n : SAMPLE_BYTES, c);
    if (k > 0 && k <= 3) {
        /* a clear verdict (a few close candidates at most): the best, its
         * profile name less its encoding ("en--utf8" -> "en", "zh-CN-utf8" -> "zh-CN") */
        int best = 0;
        for (int i = 1; i < k; i++)
            if (c[i].score < c[best].score) best = i;
        const char *name = c[best].name;
        size_t bl = strlen(name);
        const char *suf = strstr(name, "-utf8");
        if (suf) bl = (size_t)(suf - name);
        while (bl && name[bl - 1] == '-') bl--;
        if (bl && bl < 16) snprintf(out, 16, "%.*s", (int)bl, name);
    }
    textcat_ReleaseClassifyFullOutput(l->tc, c);
    return out;
}
