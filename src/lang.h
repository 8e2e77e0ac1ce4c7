/* lang.h - the language of a document (stage 1, after reading): English
 * by its commonest words, else named by libexttextcat's n-gram profiles
 * (Debian's libexttextcat-data).  A document not in English is not coded. */
#ifndef HERODOTUS_LANG_H
#define HERODOTUS_LANG_H
#include <stddef.h>

typedef struct LangId LangId;

/* The profiles (HERODOTUS_TEXTCAT_DIR, else Debian's); NULL with why in
 * err when they cannot be read (then only English is told from the rest). */
LangId *lang_load(char *err, size_t errsz);
void    lang_free(LangId *l);

/* The language of text[0..n) into out, which is returned: "en", another
 * ISO 639 code ("fr", "de", "zh-CN"), or "und" when too short (under 30
 * words) or too mixed to tell (coded as English).  Any number of threads may ask at once. */
const char *lang_detect(const LangId *l, const char *text, size_t n, char out[16]);

#endif
