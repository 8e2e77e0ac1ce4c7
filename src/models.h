/* models.h - what coding reads besides the dictionaries: the tagger's
 * model, the lemmatiser's tables, the spelling word list and, for --tree
 * and `parse`, the dependency parser.  Loaded once (pipeline_load_models),
 * then only read: any number of threads code with one Models at once. */
#ifndef HERODOTUS_MODELS_H
#define HERODOTUS_MODELS_H

typedef struct Tagger Tagger;
typedef struct Lemmas Lemmas;
typedef struct WordList WordList;
typedef struct UdModel UdModel;
typedef struct UdMemo UdMemo;     /* a thread's memo of the parser's tagger (depparse.h) */
typedef struct LangId LangId;
typedef struct Gazetteer Gazetteer;

typedef struct Models {
    Tagger *tagger;             /* part-of-speech model (tag.c) */
    Lemmas *lemmas;             /* WordNet's verbs and exceptions, the lemma tables (lemma.c) */
    WordList *words;            /* the spelling word list (wordlist.c) */
    UdModel *parser;            /* the dependency parser (depparse.c), NULL until loaded */
    LangId *lang;               /* the language profiles (lang.c) */
    Gazetteer *gaz;             /* cities and countries (places.c) */
} Models;

#endif
