/* herodotus.h - the coder as a library.
 *
 * A coder holds what coding needs (dictionaries, the tagger's model, the
 * lemmatiser's tables, the word list, the parser, the options); it is made
 * once and then only read, so any number of threads may code documents
 * with it at once, each document in its own hd_doc.  One coder a process:
 * the CAMEO table and the symbol table it fills are the process's.
 *
 *     char err[512];
 *     hd_coder *c = hd_coder_new(NULL, err, sizeof err);   // built-in dictionaries
 *     hd_doc *d = hd_code(c, text, strlen(text), "2024-04-09", err, sizeof err);
 *     for (size_t i = 0; i < hd_doc_nevents(d); i++) {
 *         hd_event e;
 *         hd_doc_event(d, i, &e);
 *         printf("%s %s %s %s\n", e.date, e.source, e.target, e.code);
 *     }
 *     hd_doc_free(d);
 *     hd_coder_free(c);
 *
 * Link with `pkg-config --libs --static herodotus` (make install writes
 * herodotus.pc: libherodotus.a, SQLite, jansson, utf8proc, libexttextcat,
 * zstd, -lm -pthread -ldl; libxml2, libgeonames and libpq are opened when
 * first needed, src/dyn.h). */
#ifndef HERODOTUS_H
#define HERODOTUS_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hd_coder hd_coder;
typedef struct hd_doc hd_doc;

/* One event.  Every string lives as long as its hd_doc; texts are not
 * NUL-terminated: use their lengths. */
typedef struct hd_event {
    const char *date;           /* "2024-04-08", "" when undated */
    const char *source, *target;   /* actor codes ("RUSGOV"), "" when none */
    const char *code;           /* CAMEO code ("042") */
    const char *name;           /* the code's name ("Make a visit") */
    const char *plover;         /* its PLOVER category, "" none */
    double goldstein;
    int quad;                   /* quad class 1..4 */
    unsigned sentence;          /* index of its sentence in the document */
    const char *source_text, *target_text, *verb_text, *sentence_text;
    size_t source_len, target_len, verb_len, sentence_len;
} hd_event;

/* Options of hd_coder_new (0 each for the defaults) */
enum {
    HD_ALL = 1,     /* also events with no target (--all) */
    HD_DYADIC = 2,  /* only events with both actors (--dyadic) */
    HD_TREE = 4     /* read what the rules miss off a dependency tree (--tree) */
};

/* A coder with the dictionaries in dict_dir (NULL: the built-in ones) and
 * HD_* flags; NULL with a message in err when something cannot be loaded. */
hd_coder *hd_coder_new(const char *dict_dir, int flags, char *err, size_t errsz);
void      hd_coder_free(hd_coder *c);

/* Code one article (UTF-8 text, as a .txt file would hold it); date is its
 * publication date "YYYY-MM-DD" or NULL.  NULL with a message in err when
 * the text cannot be coded (invalid UTF-8, no text). */
hd_doc   *hd_code(const hd_coder *c, const char *text, size_t len, const char *date, char *err, size_t errsz);
size_t    hd_doc_nevents(const hd_doc *d);
/* Event i (0 <= i < hd_doc_nevents) into *e; -1 when i is out of range. */
int       hd_doc_event(const hd_doc *d, size_t i, hd_event *e);
void      hd_doc_free(hd_doc *d);

const char *hd_version(void);

#ifdef __cplusplus
}
#endif
#endif
