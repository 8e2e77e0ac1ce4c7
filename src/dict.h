/* dict.h - dictionaries in the field's plain formats: verb patterns,
 * actors (with dated codes), agents, discards.  Phrases are stored as
 * sequences of lower-case word symbols in tries keyed by (node, word). */
#ifndef HERODOTUS_DICT_H
#define HERODOTUS_DICT_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "arena.h"
#include "intern.h"

typedef struct ActorCode { Sym code; int from, to; } ActorCode;   /* dates yyyymmdd, 0 open */

typedef struct ActorEntry {
    uint32_t first_code, ncodes;   /* into Dict.codes */
    uint32_t ref;                  /* file<<20 | line */
    uint8_t kind;                  /* MentionKind guess */
} ActorEntry;

typedef struct AgentEntry {
    Sym code;                      /* "GOV" of [~GOV] */
    uint8_t prefix;                /* [GOV~] puts it before the country */
    uint32_t ref;
} AgentEntry;

enum { PE_WORD = 1, PE_SYNSET, PE_TARGET, PE_SOURCE, PE_SKIP /* ^: one phrase, whatever it is */,
       PE_COMPOUND /* %: a compound actor; before the verb its members act on each other */ };
typedef struct PatElem {
    uint8_t kind;
    Sym word;
    uint32_t synset;
    uint8_t adj;        /* must stand right after the previous element */
    uint8_t adj_next;   /* (before '*') must stand right before the verb */
} PatElem;

typedef struct Pattern {
    PatElem *pre, *post;           /* words before and after the verb */
    uint8_t npre, npost;
    const char *code;              /* CAMEO code, NULL for [---] */
    const char *code2;             /* [042:043]: what the target does in turn */
    uint8_t negated;               /* the pattern itself holds a negation */
    uint32_t ref;
} Pattern;

/* A set of words as 128 bits, a word's bit chosen by its hash (a filter:
 * two words may share one) */
typedef struct WordBits { uint64_t w[2]; } WordBits;
static inline void word_bits_add(WordBits *b, Sym s)
{
    uint64_t h = hash_u64(s);
    b->w[h >> 6 & 1] |= 1ull << (h & 63);
}
/* every word of need may be in have */
static inline int word_bits_all(WordBits need, WordBits have)
{
    return !((need.w[0] & ~have.w[0]) | (need.w[1] & ~have.w[1]));
}
/* some word of any may be in have (an empty set: no condition) */
static inline int word_bits_some(WordBits any, WordBits have)
{
    return !(any.w[0] | any.w[1]) || ((any.w[0] & have.w[0]) | (any.w[1] & have.w[1]));
}

/* What the matcher reads of a pattern before it tries it, side by side for
 * a block's patterns (a block of hundreds is filtered in a few cache lines) */
typedef struct PatKey {
    /* the words it needs, one bit each (word_bits_add): a pattern whose words are
     * not all around the verb is not tried */
    WordBits need_pre, need_post;
    /* its first synonym set before and after the verb: the bits of the
     * set's phrases' first words, one of which must be around the verb
     * (empty: no set) */
    WordBits syn_pre, syn_post;
    uint32_t len;                  /* npre + npost */
} PatKey;

typedef struct VerbBlock {
    const char *name;
    Sym label;                     /* upper-case name, for transformations */
    const char *code;              /* default code, NULL for [---] */
    const char *code2;
    Pattern *pat;
    PatKey *key;                   /* by pattern */
    uint32_t npat, cappat;
    uint32_t ref;
} VerbBlock;

/* One verb of a block; multi-word verbs ("WIRE_+TAP", "+CORDON_OFF") name
 * the inflected head with '+' and need their other words right before and
 * after it. */
typedef struct VerbEntry {
    uint32_t block;
    uint32_t next;                 /* 1 + next entry with the same head word, 0 none */
    Sym pre[4], post[4];
    uint8_t npre, npost;
    const char *code, *code2;      /* the verb's own code ("DOWNPLAY [014]"), NULL none */
} VerbEntry;

/* "~ a (a b ATTACK) SAY = a b 015": when the subject a of a SAY verb says
 * that it (a) did ATTACK to b, the event is a -> b 015.  Letters are actors,
 * '.' any actor; Q as the inner verb or the code means any code, copied. */
typedef struct Transform {
    char osrc, isrc, itgt, rsrc, rtgt;
    Sym iverb, overb;              /* block labels; iverb 0 for Q */
    const char *rcode;             /* NULL: the inner event's code */
    uint32_t ref;
} Transform;

/* Event nouns ("the attack on the embassy", "Lavrov's visit to Beijing",
 * "talks with Iran"): a noun, its CAMEO code, and the frames that name who
 * acts and who is acted upon (dict/herodotus.nouns.txt documents them). */
enum NounFrameKind { NF_POSS = 1 /* $'S: "Russia's attack" */, NF_ADJ /* $ADJ: "the Russian attack" */,
                     NF_LED /* $LED: "a Saudi-led offensive" */, NF_PREP /* $BY, +ON, %WITH, ...: a preposition */ };
enum NounFrameRole { NR_SOURCE = 1 /* '$' */, NR_TARGET /* '+' */, NR_MUTUAL /* '%': act on each other */ };
typedef struct NounFrame {
    uint8_t kind, role;            /* NounFrameKind, NounFrameRole */
    Sym prep;                      /* NF_PREP: the preposition ("on"; "between" takes two actors) */
    const char *code;              /* "+ON=190": the code when this frame named the actor, NULL the entry's */
} NounFrame;

#define NOUN_MAX_FRAMES 12
typedef struct NounEntry {
    Sym head;                      /* the noun's last word, lemma ("strike" of AIR_STRIKE) */
    Sym pre[3];                    /* words right before it ("air") */
    uint8_t npre;
    uint8_t nframes;
    const char *code;              /* CAMEO code */
    NounFrame frame[NOUN_MAX_FRAMES];
    uint32_t ref;                  /* file<<20 | line */
    uint32_t next;                 /* 1 + next entry with the same head, 0 none */
} NounEntry;

/* A support verb, whose object noun names the event: "held talks",
 * "carried out an attack", "took part in the protest". */
typedef struct SupportVerb {
    Sym verb;                      /* lemma ("carry") */
    Sym post[3];                   /* words right after the verb group ("out") */
    uint8_t npost;
    uint8_t gathering;             /* its words start with FOR ("+GATHER FOR"): the noun comes past the
                                      gathering's place and time, and the verb keeps its own event */
    uint32_t ref;
    uint32_t next;                 /* 1 + next support verb of the same lemma, 0 none */
} SupportVerb;

typedef struct Phrase { Sym *w; uint32_t n; } Phrase;
typedef struct Synset { const char *name; Phrase *ph; uint32_t n, cap; } Synset;

enum { TRIE_ACTOR = 0, TRIE_AGENT, TRIE_DISCARD, TRIE_N };

/* What a trie node holds beside its edges: the entry that ends there, and
 * its children's words as bits (kid_bit: a filter, so that a step to no
 * child seldom probes the edges' hash) */
/* A set of symbols as one bit each, by symbol number (exact, unlike
 * WordBits): which words start a trie's entry, which head a noun entry */
typedef struct SymSet {
    uint64_t *bits;
    size_t nwords;                 /* words of 64 bits */
} SymSet;
static inline int symset_has(const SymSet *set, Sym w)
{
    return (w >> 6) < set->nwords && (set->bits[w >> 6] >> (w & 63) & 1);
}

typedef struct TrieNode {
    uint64_t kids;
    uint32_t leaf;                 /* 1 + entry index, 0 none */
} TrieNode;

typedef struct Dict {
    Arena arena;                   /* strings and patterns */
    U64Map edge[TRIE_N];           /* (node<<32 | word) -> child node */
    uint32_t nodes[TRIE_N];        /* nodes allocated per trie (root = 1) */
    TrieNode *node[TRIE_N];        /* by node */
    uint32_t capnode[TRIE_N];
    SymSet first[TRIE_N];          /* the words that start an entry */
    ActorEntry *actors; uint32_t nactors, capactors;
    ActorCode *codes; uint32_t ncodes, capcodes;
    AgentEntry *agents; uint32_t nagents, capagents;
    uint8_t *discard_story; uint32_t ndiscards, capdiscards;
    VerbBlock *blocks; uint32_t nblocks, capblocks;
    U64Map verb;                   /* head word sym -> 1 + first VerbEntry */
    VerbEntry *ventries; uint32_t nventries, capventries;
    Synset *synsets; uint32_t nsynsets, capsynsets;
    Transform *transforms; uint32_t ntransforms, captransforms;
    NounEntry *nouns; uint32_t nnouns, capnouns;
    U64Map noun;                   /* head word sym -> 1 + first NounEntry */
    SymSet noun_head;              /* the words that head a noun entry */
    SupportVerb *supports; uint32_t nsupports, capsupports;
    U64Map support;                /* verb lemma sym -> 1 + first SupportVerb */
    U64Map synset_by_name;         /* name sym -> 1 + synset index */
    U64Map country;                /* country code sym -> 1 + the first actor entry of a country
                                      coded by it alone, undated (a city the gazetteer gives stands as it) */
    U64Map synset_end[2];          /* (1 + synset index)<<32 | word -> 1: a phrase of the set
                                      begins [0] or ends [1] with the word */
    const char **files; uint32_t nfiles, capfiles;
    uint32_t problems;             /* malformed entries seen */
    uint32_t nissues;              /* issue-coding entries (read, not yet used) */
    FILE *errs;                    /* where problems are reported (stderr) */
} Dict;

void dict_init(Dict *d);
void dict_free(Dict *d);
/* Load every dictionary file in dir, by kind told by its name.  Returns
 * the number of files loaded, -1 when dir cannot be read. */
int  dict_load_dir(Dict *d, const char *dir);
int  dict_load_file(Dict *d, const char *path, int kind);   /* DK_* */
enum { DK_NONE, DK_VERBS, DK_ACTORS, DK_AGENTS, DK_DISCARDS, DK_ISSUES, DK_NOUNS };
int  dict_kind_of(const char *filename);

/* A word's bit among a node's children's (kids) */
static inline uint64_t kid_bit(Sym w) { return 1ull << (hash_u64(w) & 63); }
/* Trie walk: child of node by word, 0 none. */
static inline uint32_t dict_step(const Dict *d, int trie, uint32_t node, Sym w)
{
    /* most words start no entry: a bit says so before the hash is probed */
    if (node == 1 && !symset_has(&d->first[trie], w)) return 0;
    /* deeper, the node's bits of its children's words */
    if (node != 1 && (node >= d->capnode[trie] || !(d->node[trie][node].kids & kid_bit(w)))) return 0;
    return w ? u64map_get(&d->edge[trie], (uint64_t)node << 32 | w) : 0;
}
/* The entry (1 + index) that ends at node, 0 none */
static inline uint32_t dict_leaf(const Dict *d, int trie, uint32_t node)
{
    return node < d->capnode[trie] ? d->node[trie][node].leaf : 0;
}
/* Code of actor entry e on date ymd (0 = any date); 0 when restricted out. */
Sym dict_actor_code(const Dict *d, const ActorEntry *e, int ymd);
/* The verb entries whose head word is w (1 + index, 0 none); follow .next. */
static inline uint32_t dict_verb_first(const Dict *d, Sym w)
{
    return w ? u64map_get(&d->verb, w) : 0;
}
/* The noun entries whose head word is w (1 + index, 0 none); follow .next. */
static inline uint32_t dict_noun_first(const Dict *d, Sym w)
{
    /* most nouns head no entry: a bit says so before the map is probed */
    if (!symset_has(&d->noun_head, w)) return 0;
    return u64map_get(&d->noun, w);
}
static inline uint32_t dict_support_first(const Dict *d, Sym w)
{
    return w ? u64map_get(&d->support, w) : 0;
}
const char *dict_ref_file(const Dict *d, uint32_t ref);
/* The reference of an actor the gazetteer gave (a city no dictionary
 * lists): dict_ref_file names the gazetteer, its line is 0 */
#define DICT_REF_GAZETTEER (0xFFFu << 20)
static inline uint32_t dict_ref_line(uint32_t ref) { return ref & 0xFFFFF; }

#endif
