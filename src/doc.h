/* doc.h - the data that flows down the pipeline.
 *
 *   read -> segment -> tag -> actors -> verbs -> nouns -> quotes -> [parse] -> events -> places -> render/store
 *
 * (parse runs with --tree, on the sentences that hold an event candidate)
 *
 * A Doc owns everything through its arena; each stage fills in the next
 * layer (sentences and tokens, tags and lemmas, mentions, verb phrases,
 * event nouns, events).  What an earlier stage wrote stays as it wrote it,
 * but for three things, each marked where it happens:
 *   - under the validation suite's conventions, drop_comma_clauses
 *     (segment.c) removes short comma clauses from the tagged tokens before
 *     the actors stage reads them;
 *   - the nouns and events stages append mentions the actors stage could
 *     not see ("Saudi" in "Saudi-led", a possessive's antecedent, the
 *     suite's quoted new actors): appended, never changing the others;
 *   - the events stage recodes a refused verb phrase as its rejection
 *     ("refused to meet": VP_RECODED on the phrase, its code the 12x). */
#ifndef HERODOTUS_DOC_H
#define HERODOTUS_DOC_H
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include "arena.h"
#include "intern.h"

/* Penn Treebank tags */
typedef enum Tag {
    T_NONE, T_CC, T_CD, T_DT, T_EX, T_FW, T_IN, T_JJ, T_JJR, T_JJS, T_LS, T_MD,
    T_NN, T_NNS, T_NNP, T_NNPS, T_PDT, T_POS, T_PRP, T_PRPS, T_RB, T_RBR, T_RBS,
    T_RP, T_SYM, T_TO, T_UH, T_VB, T_VBD, T_VBG, T_VBN, T_VBP, T_VBZ, T_WDT,
    T_WP, T_WPS, T_WRB, T_COMMA, T_PERIOD, T_COLON, T_LQUOTE, T_RQUOTE, T_LRB,
    T_RRB, T_DOLLAR, T_HASH, T_NTAGS
} Tag;

#define TAG_IS_VERB(t) ((t) >= T_VB && (t) <= T_VBZ)
#define TAG_IS_NOUN(t) ((t) >= T_NN && (t) <= T_NNPS)

/* Universal Dependencies relations the coding stages tell apart (the
 * parser's other relations are REL_OTHER) */
typedef enum Rel {
    REL_NONE, REL_ROOT, REL_NSUBJ, REL_NSUBJ_PASS, REL_CSUBJ, REL_OBJ, REL_IOBJ, REL_OBL, REL_OBL_AGENT,
    REL_OBL_UNMARKED, REL_NMOD, REL_NMOD_POSS, REL_APPOS, REL_CONJ, REL_CC, REL_XCOMP, REL_CCOMP, REL_ADVCL,
    REL_ACL, REL_ACL_RELCL, REL_AUX, REL_AUX_PASS, REL_COP, REL_MARK, REL_CASE, REL_DET, REL_AMOD,
    REL_NUMMOD, REL_COMPOUND, REL_COMPOUND_PRT, REL_FLAT, REL_ADVMOD, REL_PARATAXIS, REL_PUNCT, REL_OTHER,
    REL_N
} Rel;

enum { TOK_CAP = 1, TOK_ALLCAP = 2, TOK_NUM = 4, TOK_PUNCT = 8, TOK_INQUOTE = 16,
       TOK_PARA = 32 /* first token of a paragraph */, TOK_CLOSE = 64 /* split off a word's end: a closing '"' */ };

typedef struct Token {
    const char *s;          /* surface form (not NUL-terminated) */
    uint32_t n;             /* its length in bytes (its offset in Doc.body: tok_off) */
    Sym exact;              /* symbol of the surface form, 0 if unknown */
    Sym lower;              /* symbol of its lower-case form, 0 if unknown */
    Sym lemma;              /* lemma symbol (lower-case), 0 if unknown */
    uint8_t tag;            /* Tag */
    uint8_t flags;          /* TOK_* */
    int16_t mention;        /* index of the mention covering it, -1 none */
    int16_t head;           /* parse: the token it depends on, -1 the root (or not parsed) */
    uint8_t rel;            /* parse: Rel to its head, REL_NONE when not parsed */
    uint8_t hmm;            /* the HMM's own Tag, before the tagger's repairs (a feature of the parser's tagger) */
} Token;

_Static_assert(sizeof(Token) <= 32, "a token in 32 bytes: one document holds millions");

/* Is the token the word w (any case)?  One of the words of a NULL-ended
 * list?  The stages' word tests. */
static inline int tok_is(const Token *t, const char *w)
{
    size_t n = strlen(w);   /* a literal's length, known when compiled */
    if (t->n != n) return 0;
    for (size_t i = 0; i < n; i++) {   /* ASCII case folded, inline: no call for the common mismatch */
        unsigned char a = (unsigned char)t->s[i], b = (unsigned char)w[i];
        if ((unsigned)(a - 'A') < 26u) a = (unsigned char)(a + 32);
        if ((unsigned)(b - 'A') < 26u) b = (unsigned char)(b + 32);
        if (a != b) return 0;
    }
    return 1;
}

/* Is the token the well-known word w (words.h), in any case?  One integer
 * comparison: its lower-case form's symbol. */
static inline int tok_word(const Token *t, Sym w) { return t->lower == w; }

/* ... one of a 0-ended set of them? */
static inline int tok_word_in(const Token *t, const Sym *set)
{
    for (; *set; set++)
        if (t->lower == *set) return 1;
    return 0;
}

/* Is the token's lemma (else, with none, its word) one of a 0-ended set of
 * symbols? */
static inline int tok_lemma_word_in(const Token *t, const Sym *set)
{
    Sym l = t->lemma ? t->lemma : t->lower;
    for (; *set; set++)
        if (l == *set) return 1;
    return 0;
}

static inline int tok_is_any(const Token *t, const char *const *list)
{
    /* the first letter, case folded, turns most words away before a length is taken */
    unsigned c = (unsigned char)t->s[0] | 32u;
    for (; *list; list++)
        if (((unsigned char)(*list)[0] | 32u) == c && tok_is(t, *list)) return 1;
    return 0;
}

/* Is the token's lemma (else, with none, its word) one of a NULL-ended
 * list of lower-case lemmas? */
static inline int tok_lemma_in(const Token *t, const char *const *list)
{
    if (!t->lemma) return tok_is_any(t, list);
    const char *l = sym_name(t->lemma);
    for (; *list; list++)
        if (l[0] == (*list)[0] && !strcmp(l, *list)) return 1;
    return 0;
}

enum MentionKind { MK_COUNTRY = 1, MK_PERSON, MK_ORG, MK_AGENT, MK_PRONOUN, MK_PLACE };

typedef struct Mention {
    uint32_t start, end;    /* token span [start, end) */
    Sym code;               /* resolved actor code (e.g. RUSGOV) */
    uint8_t kind;           /* MentionKind of the head entry */
    uint8_t has_agent;      /* an agent word took part in the code */
    uint8_t agent_pp;       /* the agent came first: "ambassadors of Arnor" */
    uint8_t titled;         /* an office's mention stretched over the unknown name after it: the tokens from here */
    Sym agent;              /* that agent's code (GOV), 0 none */
    uint8_t is_capital;     /* a capital city standing for its country */
    int16_t conj;           /* next mention coordinated with this one, -1 */
    uint32_t actor_ref;     /* dictionary provenance (file<<20|line), 0 none */
    uint32_t agent_ref;
} Mention;

enum VoiceFlags { VP_PASSIVE = 1, VP_NEGATED = 2, VP_FUTURE = 4, VP_INFINITIVE = 8,
                  VP_SPEECH = 16, VP_COORD = 32, VP_MUTUAL = 64 /* '%' before the verb matched */,
                  VP_REFUSED = 128 /* "refused to meet", "declined to resign": a rejection */,
                  VP_RECODED = 256 /* the events stage made the refused action its rejection */,
                  VP_MAYBE = 512 /* "could resume", "is expected to approve": speculation, not a deed */ };

typedef struct VerbPhrase {
    uint32_t start, end;    /* token span of the verb group [start, end) */
    uint32_t head;          /* token index of the main verb */
    uint32_t clause_end;    /* tokens after the verb considered its object zone */
    uint16_t flags;         /* VP_* */
    const char *code;       /* CAMEO code chosen by the dictionary ("042"), NULL none */
    const char *code2;      /* the reciprocal code of a paired entry [042:043], NULL none */
    int target_tok;         /* token where the pattern's '+' matched, -1 */
    int source_tok;         /* token where the pattern's '$' matched, -1 */
    uint32_t pattern_ref;   /* dictionary provenance of the verb pattern */
    uint32_t match_end;     /* last token matched by the pattern (exclusive) */
    int block;              /* verb block of the dictionary, -1 none */
} VerbPhrase;

/* A second kind of candidate: an event named by a noun ("Tuesday's attack
 * on the embassy", "talks with Iran", "carried out an attack").  The nouns
 * stage finds the noun and reads its frames (dict/herodotus.nouns.txt):
 * who acts and who is acted upon; the events stage makes Events of it like
 * of a verb phrase (negation and intent from a support verb, sources of a
 * support verb from its subject, stand-alone codes). */
enum NounSrcFrame { NS_NONE, NS_SUPPORT /* the support verb's subject */, NS_POSS, NS_ADJ, NS_LED, NS_PREP,
                    NS_CLAUSE /* the subject of the clause whose time adjunct it is ("after fierce fighting") */ };

typedef struct NounEvent {
    uint32_t head;          /* token of the noun ("attack") */
    uint32_t start, end;    /* its noun phrase up to the last frame's actor [start, end) */
    uint32_t entry;         /* index of its NounEntry in Dict.nouns */
    const char *code;       /* the entry's CAMEO code */
    uint16_t flags;         /* VP_NEGATED ("no talks", "did not carry out"), VP_FUTURE ("planned visit") */
    int support;            /* verb phrase of the support verb ("held", "carried out"), -1 none */
    uint32_t support_ref;   /* the support verb's dictionary line, 0 none */
    int src_m;              /* mention of the actor, -1 none (or: the support verb's subject) */
    uint8_t src_frame;      /* NounSrcFrame that chose it */
    Sym src_prep;           /* NS_PREP: the preposition ("by") */
    int tgt_m;              /* mention acted upon (first of a coordination), -1 none */
    Sym tgt_prep;           /* the preposition that chose it ("on"), 0 the support verb's object */
    uint8_t mutual;         /* '%' frame: source and target act on each other ("talks with Y") */
    uint8_t between;        /* "between X and Y": src_m and tgt_m are X and Y */
    uint8_t verb_too;       /* the support verb is an event of its own ("arrived in Beijing for talks") */
} NounEvent;

typedef struct Sentence {
    /* pointers first, then counts, then flags: no padding (one document
     * may hold hundreds of thousands of sentences) */
    Token *tok;
    Mention *men;
    VerbPhrase *vp;
    NounEvent *nn;          /* event nouns (the nouns stage) */
    uint32_t *dates;        /* the events stage's date expressions (when_find): the tokens where they start */
    uint32_t *quote;        /* the quotes stage: per token, 1 + the Quote it lies in (0 none);
                               NULL when no quote touches the sentence */
    uint32_t ntok;
    uint32_t off, len;      /* byte span in Doc.body */
    uint32_t nmen, nvp, nnn, ndates;
    int date;               /* yyyymmdd of a date expression in it, 0 none */
    uint8_t discarded;      /* a discard phrase matched */
    uint8_t parsed;         /* tokens have head and rel */
    uint8_t wants_tree;     /* the events stage fell back to the tree (or would have, unparsed) */
    uint8_t dates_found;    /* the events stage looked for date expressions (when_find) */
} Sentence;

/* The relative clause between commas that token i stands in (", who
 * visited the villages on Monday,", ", which has turned to Russia,"):
 * *open its "who" or "which", *close the comma that ends it (ntok when the
 * sentence ends first).  0 when i stands in none. */
static inline int relative_aside(const Sentence *s, uint32_t i, uint32_t *open, uint32_t *close)
{
    uint32_t c = i;
    while (c > 0 && s->tok[c - 1].tag != T_COMMA) c--;
    if (c == 0 || c >= s->ntok || !(tok_is(&s->tok[c], "who") || tok_is(&s->tok[c], "which"))) return 0;
    uint32_t e = i;
    while (e < s->ntok && s->tok[e].tag != T_COMMA) e++;
    *open = c;
    *close = e;
    return 1;
}

typedef struct Event {
    /* pointers, then 32-bit fields, then small ones: 64 bytes, no padding */
    const char *code;       /* CAMEO code */
    const char *rule;       /* how source and target were chosen */
    uint32_t sent;          /* sentence index */
    Sym source, target;     /* actor codes (target 0 when none) */
    int date;               /* yyyymmdd */
    int src_m, tgt_m;       /* mention indexes in the sentence, -1 none */
    uint32_t vp;            /* verb phrase index in the sentence (a noun event: its support verb's, or 0) */
    uint32_t noun;          /* 1 + index in Sentence.nn for an event named by a noun, 0 a verb's */
    uint32_t quote;         /* 1 + the Quote its verb (or noun) lies in, 0 none */
    int32_t place;          /* where it happened (places.h): 1 + a gazetteer city, -(1 + a country), 0 none */
    /* the words that give its date, tokens [date_start, date_end) of the
     * sentence (when.h); none (equal) when the date is the publication's */
    uint16_t date_start, date_end;
    uint8_t place_how;      /* 1 a place phrase of its sentence, 2 the dateline */
} Event;

/* What the quotes stage finds: words in quotation marks, who said them
 * and through which media they came (quotes.h). */
enum QuoteKind { QK_WHOLE = 1 /* a sentence or more of direct speech */, QK_PARTIAL /* words inside reported speech */ };
enum SpeakerHow { SH_NONE, SH_NAMED /* "Lavrov said" */, SH_PRONOUN /* "he added" */,
                  SH_ROLE /* "the spokeswoman said" */, SH_PREVIOUS /* no attribution: the last quote's speaker */ };
enum ViaKind { VIA_OUTLET = 1 /* news agency, paper, broadcaster */, VIA_PLATFORM /* X, Telegram */,
               VIA_ACCOUNT /* who shared the post: "the embassy" */ };

typedef struct Via {
    const char *name;
    uint8_t kind;           /* ViaKind */
} Via;

typedef struct QuotePart {
    uint32_t sent, start, end;   /* tokens [start, end) of one sentence, inside the marks */
} QuotePart;

enum { QUOTE_MAX_VIA = 6 };

typedef struct Quote {
    QuotePart *part;
    uint32_t npart, cappart;
    const char *text;       /* the quoted words, parts joined by a space (arena) */
    uint8_t kind;           /* QuoteKind */
    uint8_t how;            /* SpeakerHow */
    const char *speaker;    /* the speaker as named ("Sergei Lavrov", "the ministry"), NULL none */
    const char *role;       /* the speaker's office where the text gives it ("spokeswoman"), NULL */
    Sym code;               /* the speaker's actor code, 0 none */
    uint32_t attr_sent;     /* the sentence of the attribution */
    int attr_tok;           /* its speech verb (or "according to"), -1 none */
    Via via[QUOTE_MAX_VIA];
    uint32_t nvia;
} Quote;

/* Why a candidate gave no event (kept for --explain). */
enum NoteKind { NOTE_NEGATED = 1, NOTE_DISCARDED, NOTE_DATE_RESTRICTED, NOTE_NO_SOURCE, NOTE_NO_TARGET,
                NOTE_PASSIVE_NO_AGENT, NOTE_NOT_DONE };

typedef struct Note {
    uint32_t sent;
    uint8_t kind;           /* NoteKind */
    uint32_t start, end;    /* tokens concerned */
    uint32_t ref;           /* dictionary entry concerned (file<<20|line), 0 none */
    const char *code;       /* the event code that was not given, NULL none */
} Note;

/* The stages of pipeline_run, for --stats's time per stage */
enum { STAGE_READ, STAGE_SEGMENT, STAGE_TAG, STAGE_ACTORS, STAGE_VERBS, STAGE_NOUNS, STAGE_QUOTES, STAGE_EVENTS,
       STAGE_PLACES, STAGE_N };

typedef struct Doc {
    Arena *arena;
    const char *file;       /* input file name, for messages */
    long line;              /* line in it (JSON Lines), 0 for whole files */
    const char *id, *title, *url, *source, *author;
    int pubdate;            /* yyyymmdd, 0 unknown */
    uint8_t keep_notes;     /* Options.notes: doc_note keeps what it is told */
    uint64_t stage_ns[STAGE_N];   /* Options.timing: nanoseconds each stage took */
    const char *bad_date;   /* a metadata date that is none ("not-a-date"): reported; the document is coded undated */
    const char *place;      /* dateline place, NULL none */
    Sym place_code;         /* its actor code, 0 none */
    Sym place_gaz;          /* its country by the gazetteer (a city the dictionaries lack), 0 none */
    Sym default_country;    /* country for agents with no country of their own */
    Sym place_country;      /* the country the last sentence that placed its events put them in */
    uint8_t story_discarded;/* a story-level discard phrase matched */
    uint8_t caseless;       /* written all in lower case or in capitals: re-cased by the reader */
    char lang[16];          /* its language (lang.h): "en", "und" (coded as English), or another, not coded */
    char *body;             /* article body after cleaning (NUL-terminated) */
    uint32_t body_len;
    Sentence *sent;
    uint32_t nsent;
    Event *ev;
    uint32_t nev, capev;
    Note *notes;
    uint32_t nnotes, capnotes;
    Quote *quotes;          /* the quotes stage, in the order they open */
    uint32_t nquotes;
    const struct Gazetteer *gaz;    /* the places stage's gazetteer, for the events' places */
} Doc;

/* Is the document coded: English, or too short to tell? */
static inline int doc_english(const Doc *d) { return !d->lang[0] || !strcmp(d->lang, "en") || !strcmp(d->lang, "und"); }

/* Where token t starts in the document's body */
static inline uint32_t tok_off(const Doc *d, const Token *t) { return (uint32_t)(t->s - d->body); }

/* Note why a candidate gave no event (doc.c; kept only with Options.notes) */
void doc_note(Doc *d, uint32_t sent, int kind, uint32_t start, uint32_t end, uint32_t ref, const char *code);

/* Append m to sentence s's mentions (the stages after actors that find an
 * actor no token carried); returns its index. */
/* Where the noun phrase ending before token at starts, over determiners,
 * adjectives, numbers, "of" and spans of time ("five days of", "fierce"),
 * at most six tokens back and not before floor; and whether the word
 * before it opens a time adjunct ("after", "following", "during"). */
uint32_t adjunct_phrase_start(const Sentence *s, uint32_t at, uint32_t floor);
int      opens_time_adjunct(const Token *t);
int doc_add_mention(Doc *d, Sentence *s, const Mention *m);

/* How the stages code (set by the command line). */
typedef struct Options {
    const char *dict_dir;       /* NULL: built-in dictionaries */
    int keep_untargeted;        /* keep events with no target */
    int petrarch;               /* the conventions of the PETRARCH validation
                                   suite (Conventions below) */
    /* comma-delimited clauses dropped before coding when their length in
     * words lies in [min, max] (max 0: never): initial, internal, terminal */
    int comma_bmin, comma_bmax, comma_min, comma_max, comma_emin, comma_emax;
    /* the suite's new actors: an uncoded source or target phrase of at most
     * this many words is coded by its text in quotes (0: never) */
    int new_actor_length;
    /* the publication date (yyyymmdd) of a document that gives none of its
     * own (--date 2024-05-14), 0 none */
    int pubdate;
    /* parse every sentence into a dependency tree (the events stage reads
     * it where it can) */
    int tree;
    /* the parser's beam with tree (0: 1, greedy; herodotus parse uses the
     * model's own) */
    int beam;
    /* only events with both actors (else protests, riots, force postures
     * and violence stand alone) */
    int dyadic;
    /* keep a note of every candidate that gave no event, and why (--explain) */
    int notes;
    /* time each stage into Doc.stage_ns (--stats) */
    int timing;
} Options;

/* The two ways a sentence is read: herodotus's own, and the conventions of
 * the PETRARCH validation suite (Options.petrarch), whose expected events
 * assume a plainer reader.  Every way they differ is one field here; the
 * stages read these, never the option itself.  Two constant tables
 * (doc.c), chosen by conventions(). */
typedef struct Conventions {
    /* herodotus's own reading, off under the suite's */
    uint8_t references;         /* actors: pronouns, "the alliance", "both sides", "its troops",
                                   a role noun ("the minister") to the person named before */
    uint8_t agent_context;      /* actors: an unnamed agent's country from its context (the
                                   dateline, the sentence's only country, "foreign troops",
                                   "Kenyan protesters near the embassy"); "official" as an
                                   adjective; where someone arrives is not where agents are from */
    uint8_t led_by;             /* actors: "Saudi-led coalition" names its leader */
    uint8_t own_clauses;        /* actors: a name before a verb of its own is not coordinated
                                   into the subject before it */
    uint8_t participles;        /* verbs: a participle describing a noun is no verb group;
                                   "is opposed to" is no passive; a gerund after an infinitive
                                   is to come */
    uint8_t modality;           /* verbs and events: what is alleged, possible, forecast,
                                   conditional, denied, refused, invited or negated above did
                                   not happen; a future action is an intent (03x), a threat
                                   (13x) when conditioned */
    uint8_t agent_phrases;      /* events: "by the police", "by suspected militants" */
    uint8_t speech;             /* events: the speaker of a quote, "it"/"we" after a speech
                                   verb, what a trailing attribution says, reported statements */
    uint8_t target_reading;     /* events: adjuncts, sites, places, one's own forces, subjects
                                   of the next clause are no targets; late and protest targets */
    uint8_t agentless;          /* events: passives and weapons with no one named as acting */
    uint8_t one_actor;          /* events: protests, strikes, riots, violence, force postures
                                   stand alone */
    uint8_t event_nouns;        /* nouns: events named by nouns ("the clashes between") */
    /* the suite's conventions, off in herodotus's own reading */
    uint8_t exact_words;        /* verbs: pattern words match the word as written, not its lemma */
    uint8_t upper_sequence;     /* verbs and events: a verb's source is read back to the
                                   sentence start or a comma, its phrase runs to a closing
                                   ", X said", and what one verb consumed no later verb codes */
    uint8_t suite_agents;       /* actors: an agent of no known country is "---GOV"; only
                                   countries give agents a country; a prepositional phrase
                                   stays apart from the agent before it */
    uint8_t second_codes;       /* events: a pattern's second code (a mutual event's other
                                   direction) as the suite writes it, and events with no
                                   target only where the pattern has a null phrase */
} Conventions;

extern const Conventions CONVENTIONS_OWN, CONVENTIONS_SUITE;
static inline const Conventions *conventions(const Options *o)
{
    return o->petrarch ? &CONVENTIONS_SUITE : &CONVENTIONS_OWN;
}

#endif
