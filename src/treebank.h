/* treebank.h - Universal Dependencies treebanks (CoNLL-U with gold
 * heads and relations): what the tagger and parser learn from and are
 * measured on.  Multi-word token lines and empty nodes are skipped: the
 * syntactic words are kept. */
#ifndef HERODOTUS_TREEBANK_H
#define HERODOTUS_TREEBANK_H
#include <stddef.h>
#include <stdint.h>

typedef struct TbSent {
    uint32_t first, n;      /* words [first, first + n) of the treebank */
} TbSent;

typedef struct Treebank {
    char *text;             /* the file, fields NUL-terminated in place */
    const char **form, **upos, **xpos, **deprel;
    int *head;              /* 1-based within the sentence, 0 root */
    uint32_t nword, capword;
    TbSent *sent;
    uint32_t nsent, capsent;
} Treebank;

/* Read a CoNLL-U file; returns 0, or -1 with err set ("FILE:LINE: ..."). */
int  treebank_read(Treebank *tb, const char *path, char *err, size_t errsz);
void treebank_free(Treebank *tb);

/* How well a model tags and parses the treebank's words (gold words,
 * the model's own tags).  LAS compares the universal relation (the part
 * before ':', as the CoNLL 2018 shared task scored); las_full the whole
 * relation with its subtype. */
typedef struct TbScores {
    uint32_t words;
    uint32_t upos, xpos, uas, las, las_full;
} TbScores;
struct UdModel;
void treebank_eval(const Treebank *tb, const struct UdModel *m, TbScores *sc);

#endif
