/* wordlist.h - how a word is usually written: the spelling word list of
 * Debian's wamerican package says whether "mississippi" is a name
 * (listed as "Mississippi") or a common word ("laughter").  The tagger
 * uses it to find names in lower-case text and common words in titles. */
#ifndef HERODOTUS_WORDLIST_H
#define HERODOTUS_WORDLIST_H
#include <stddef.h>

#define WORDLIST_DEFAULT "/usr/share/dict/american-english"

enum { WL_LOWER = 1, WL_CAPITAL = 2, WL_UPPER = 4 };   /* how the list writes it */

typedef struct WordList WordList;

/* The list at path; NULL with a message in err when it cannot be read */
WordList *wordlist_load(const char *path, char *err, size_t errsz);
void      wordlist_free(WordList *w);
/* WL_* bits of every way the list writes the word (any case), 0 unlisted
 * (and when w is NULL) */
int       wordlist_case(const WordList *w, const char *s, size_t n);

#endif
