/* verbs.c - stage 5: verb groups and pattern matching */
#include "verbs.h"
#include "words.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_GAP 5   /* tokens a pattern may skip between two of its words */

/* Word tests by symbol: the well-known words (words.h) are numbers known
 * when compiled, and a token's lemma or lower-case form is one too */
static int lemma_is(const Token *t, Sym w) { return t->lemma == w; }

/* the token's lemma is one of list (0-ended) */
static int lemma_in(const Token *t, const Sym *list)
{
    for (; *list; list++)
        if (t->lemma == *list) return 1;
    return 0;
}

/* "not", "n't" ("n’t" too: the tokenizer's lower-case form has the
 * plain apostrophe), "never" */
static int is_negation(const Token *t) { return t->lower == W_NOT || t->lower == W_NT || t->lower == W_NEVER; }

static int is_future_modal(const Token *t)
{
    return t->lower == W_WILL || t->lower == W_WOULD || t->lower == W_SHALL || t->lower == W_LL || t->lower == W_WO;
}

/* Verbs whose "to" complement is an intention: "plans to visit". */
static int is_intent_verb(const Token *t)
{
    static const Sym v[] = {W_PLAN, W_INTEND, W_HOPE, W_EXPECT, W_WANT, W_PLEDGE, W_PROMISE, W_VOW, W_AGREE,
                            W_OFFER, W_AIM, W_SEEK, W_PREPARE, W_DECIDE, W_WISH, W_THREATEN, W_SWEAR,
                            W_UNDERTAKE, W_RESOLVE, W_DETERMINE, 0};
    return lemma_in(t, v);
}

static int is_speech_verb(const Token *t)
{
    static const Sym v[] = {W_SAY, W_TELL, W_STATE, W_ADD, W_CLAIM, W_ANNOUNCE, W_NOTE, W_STRESS,
                            W_INSIST, W_DECLARE, W_REPORT, W_CONFIRM, W_BELIEVE, W_THINK, W_EXPLAIN,
                            W_WRITE, W_ARGUE, W_SUGGEST, W_ACKNOWLEDGE, W_REITERATE, W_EMPHASIZE, 0};
    return lemma_in(t, v);
}

static int clause_boundary(const Token *t)
{
    if (t->tag == T_COLON || t->tag == T_WDT || t->tag == T_WP) return 1;
    Sym w = t->lower;
    return (t->n == 1 && t->s[0] == ';') || w == W_AS || w == W_BUT || (w == W_THAT && t->tag == T_IN) ||
           w == W_WHILE || w == W_BECAUSE || w == W_WHEREAS || w == W_ALTHOUGH;
}

/* What matching a sentence against the verb dictionaries reads: the
 * dictionaries, the sentence, and whether pattern words match only the word
 * as written (the validation suite's convention: RESOLUTION does not match
 * "resolutions"; herodotus's own dictionaries are written in lemmas, and
 * TALK matches "talks"). */
typedef struct Match {
    const Dict *dict;
    const Sentence *s;
    int exact;
} Match;

static int tok_matches(const Match *m, const Token *t, Sym w)
{
    return w && (t->lower == w || (t->lemma == w && !m->exact));
}

/* a synonym-set member's last word also matches its regular plural */
static int tok_matches_last(const Match *m, const Token *t, Sym w)
{
    return tok_matches(m, t, w) || (w && t->lemma == w && (t->tag == T_NNS || t->tag == T_NNPS));
}

/* May a phrase of the set begin (which 0) or end (1) with token t?  (Its
 * word or lemma is one of their first or last words; the phrases are tried
 * only then.) */
static int synset_may(const Dict *dict, int which, uint32_t set, const Token *t)
{
    uint64_t k = (uint64_t)(set + 1) << 32;
    return (t->lower && u64map_get(&dict->synset_end[which], k | t->lower)) ||
           (t->lemma && t->lemma != t->lower && u64map_get(&dict->synset_end[which], k | t->lemma));
}

/* Match a synonym-set phrase at i; returns tokens used or 0. */
static uint32_t synset_at(const Match *m, uint32_t set, uint32_t i, uint32_t end)
{
    const Dict *dict = m->dict;
    const Sentence *s = m->s;
    if (i >= end || !synset_may(dict, 0, set, &s->tok[i])) return 0;
    const Synset *ss = &dict->synsets[set];
    for (uint32_t p = 0; p < ss->n; p++) {
        const Phrase *ph = &ss->ph[p];
        if (i + ph->n > end) continue;
        uint32_t k = 0;
        while (k < ph->n && (k + 1 < ph->n ? tok_matches(m, &s->tok[i + k], ph->w[k]) : tok_matches_last(m, &s->tok[i + k], ph->w[k]))) k++;
        if (k == ph->n) return k;
    }
    return 0;
}

/* Match a synonym-set phrase that ends at token `last`; returns its first
 * token + 1, or 0. */
static uint32_t synset_ending(const Match *m, uint32_t set, uint32_t begin, uint32_t last)
{
    const Dict *dict = m->dict;
    const Sentence *s = m->s;
    if (last < begin || !synset_may(dict, 1, set, &s->tok[last])) return 0;
    const Synset *ss = &dict->synsets[set];
    for (uint32_t p = 0; p < ss->n; p++) {
        const Phrase *ph = &ss->ph[p];
        if (last + 1 < ph->n || last + 1 - ph->n < begin) continue;
        uint32_t st = last + 1 - ph->n, k = 0;
        while (k < ph->n && (k + 1 < ph->n ? tok_matches(m, &s->tok[st + k], ph->w[k]) : tok_matches_last(m, &s->tok[st + k], ph->w[k]))) k++;
        if (k == ph->n) return st + 1;
    }
    return 0;
}

/* Try to match the elements after the verb, from token `from` up to `end`.
 * Returns 1 on success with target/source token and the end of the match. */
static int match_post(const Match *mt, const Pattern *p, uint32_t from, uint32_t end, int *target, int *source,
                      uint32_t *mend)
{
    const Sentence *s = mt->s;
    uint32_t pos = from;
    for (uint32_t e = 0; e < p->npost; e++) {
        const PatElem *el = &p->post[e];
        uint32_t found = 0, used = 0;
        uint32_t last = el->adj ? pos : pos + MAX_GAP;
        for (uint32_t i = pos; i < end && i <= last; i++) {
            const Token *t = &s->tok[i];
            if (el->kind == PE_SKIP) {   /* one noun phrase ("the Gondor"), or one word */
                found = i + 1;
                uint32_t j = i;
                if (j + 1 < end && s->tok[j].tag == T_IN) j++;   /* "with Eriador": a prepositional phrase */
                while (j < end && (s->tok[j].tag == T_DT || s->tok[j].tag == T_PRPS || s->tok[j].tag == T_JJ ||
                                   s->tok[j].tag == T_CD))
                    j++;
                if (j < end && s->tok[j].mention >= 0) j = s->men[s->tok[j].mention].end;
                else
                    while (j < end && TAG_IS_NOUN(s->tok[j].tag) && s->tok[j].mention < 0) j++;
                used = j > i ? j - i : 1;
            } else if (el->kind == PE_WORD && tok_matches(mt, t, el->word)) {
                found = i + 1;
                used = 1;
            } else if (el->kind == PE_SYNSET) {
                used = synset_at(mt, el->synset, i, end);
                if (used) found = i + 1;
            } else if ((el->kind == PE_TARGET || el->kind == PE_SOURCE ||
                        (el->kind == PE_COMPOUND && t->mention >= 0 && s->men[t->mention].conj >= 0)) &&
                       t->mention >= 0) {
                if (el->kind != PE_SOURCE) *target = (int)i;
                else *source = (int)i;
                const Mention *m = &s->men[t->mention];
                found = i + 1;
                used = m->end - i;
            }
            if (found) break;
        }
        if (!found) return 0;
        pos = found - 1 + used;
    }
    *mend = pos;
    return 1;
}

/* Is mention m a member of a compound ("Gondor and Osgiliath")? */
static int in_compound(const Sentence *s, int m)
{
    if (s->men[m].conj >= 0) return 1;
    for (uint32_t k = 0; k < s->nmen; k++)
        if (s->men[k].conj == m) return 1;
    return 0;
}

/* The elements before the verb, matched right to left from the verb. */
static int match_pre(const Match *mt, const Pattern *p, uint32_t verb, uint32_t begin, int *source, int *target,
                     int *mutual)
{
    const Sentence *s = mt->s;
    int pos = (int)verb - 1;
    int must_adj = p->npre ? p->pre[p->npre - 1].adj_next : 0;
    for (int e = (int)p->npre - 1; e >= 0; e--) {
        const PatElem *el = &p->pre[e];
        int found = -1;
        int lowest = must_adj ? pos : pos - MAX_GAP;
        for (int i = pos; i >= (int)begin && i >= lowest; i--) {
            const Token *t = &s->tok[i];
            if (el->kind == PE_SKIP) {   /* one actor phrase, or one word */
                found = t->mention >= 0 ? (int)s->men[t->mention].start : i;
                break;
            }
            if (el->kind == PE_SYNSET) {
                uint32_t st = synset_ending(mt, el->synset, begin, (uint32_t)i);
                if (st) {
                    found = (int)st - 1;
                    break;
                }
                continue;
            }
            if (el->kind == PE_COMPOUND) {
                if (t->mention >= 0 && in_compound(s, t->mention)) {
                    *mutual = 1;
                    found = (int)s->men[t->mention].start;
                    break;
                }
                continue;
            }
            if ((el->kind == PE_WORD && tok_matches(mt, t, el->word)) ||
                ((el->kind == PE_SOURCE || el->kind == PE_TARGET) && t->mention >= 0)) {
                if (el->kind == PE_SOURCE) *source = i;
                if (el->kind == PE_TARGET) *target = i;   /* "- NOTED + * [115]" */
                found = el->kind == PE_WORD ? i : (int)s->men[t->mention].start;
                break;
            }
        }
        if (found < 0) return 0;
        must_adj = el->adj;
        pos = found - 1;
    }
    return 1;
}

/* Is the token a form the field's verb files generate from lemma: +S (+ES
 * after S, X, Z), +ED (+D after E), +ING (a final E dropped)? */
static int regular_form(const Token *t, Sym lemma)
{
    const char *l = sym_name(lemma);
    size_t ln = strlen(l);
    char w[128];
    if (t->n >= sizeof w || ln + 4 >= sizeof w) return 0;
    for (size_t i = 0; i < t->n; i++) w[i] = (char)tolower((unsigned char)t->s[i]);
    w[t->n] = '\0';
    char f[140];
    char last = ln ? l[ln - 1] : 0;
    snprintf(f, sizeof f, "%s%s", l, (last == 's' || last == 'x' || last == 'z') ? "es" : "s");
    if (!strcmp(w, f) || !strcmp(w, l)) return 1;
    snprintf(f, sizeof f, "%s%s", l, last == 'e' ? "d" : "ed");
    if (!strcmp(w, f)) return 1;
    snprintf(f, sizeof f, "%.*sing", (int)(last == 'e' ? ln - 1 : ln), l);
    return !strcmp(w, f);
}

static int entry_fits(const Match *m, const VerbPhrase *vp, const VerbEntry *e)
{
    const Sentence *s = m->s;
    if (vp->head < e->npre || vp->head + 1 + e->npost > s->ntok) return 0;
    for (uint32_t i = 0; i < e->npre; i++)
        if (!tok_matches(m, &s->tok[vp->head - e->npre + i], e->pre[i])) return 0;
    for (uint32_t i = 0; i < e->npost; i++)
        if (!tok_matches(m, &s->tok[vp->head + 1 + i], e->post[i])) return 0;
    return 1;
}

static void code_phrase(const Match *m, VerbPhrase *vp, uint32_t begin)
{
    const Dict *dict = m->dict;
    const Sentence *s = m->s;
    const Token *h = &s->tok[vp->head];
    vp->code = NULL;
    vp->target_tok = vp->source_tok = -1;
    vp->match_end = vp->end;
    vp->block = -1;
    /* the verb entries: by the form as written ("LEFT" may be a verb of its
     * own), else by lemma; a multi-word verb needs its other words around
     * the head, and the longest wins.  Entries of equal length (a verb in
     * two blocks of one name) pool their patterns. */
    uint32_t first = 0;
    int width = -1;
    for (int pass = 0; pass < 2 && !first; pass++) {
        Sym key = pass ? h->lemma : h->lower;
        if (pass && key == h->lower) break;
        /* the suite's dictionaries know only the regular forms of a verb */
        if (pass && m->exact && !regular_form(h, key)) break;
        for (uint32_t k = dict_verb_first(dict, key); k; k = dict->ventries[k - 1].next) {
            const VerbEntry *e = &dict->ventries[k - 1];
            if (entry_fits(m, vp, e) && (int)(e->npre + e->npost) > width) {
                first = k;
                width = e->npre + e->npost;
            }
        }
    }
    if (!first) return;
    const VerbEntry *ve = &dict->ventries[first - 1];
    vp->block = (int)ve->block;
    if (ve->npost) {
        vp->end = vp->head + 1 + ve->npost;   /* "cordoned off": the particle is part of the verb */
        if (vp->clause_end < vp->end) vp->clause_end = vp->end;
        vp->match_end = vp->end;
    }
    if (ve->npre && vp->start > vp->head - ve->npre) vp->start = vp->head - ve->npre;
    const Pattern *bp = NULL;
    int best_len = -1, bt = -1, bs = -1, bm = 0;
    uint32_t bend = vp->end;
    /* the words around the verb, as a filter for the patterns' words */
    WordBits pre_words = {{0, 0}}, post_words = {{0, 0}};
    for (uint32_t i = begin; i < vp->head; i++) {
        word_bits_add(&pre_words, s->tok[i].lower);
        word_bits_add(&pre_words, s->tok[i].lemma);
    }
    for (uint32_t i = vp->end; i < vp->clause_end && i < s->ntok; i++) {
        word_bits_add(&post_words, s->tok[i].lower);
        word_bits_add(&post_words, s->tok[i].lemma);
    }
    const char *dcode = NULL, *dcode2 = NULL;
    uint32_t dref = 0;
    for (uint32_t k = first; k; k = dict->ventries[k - 1].next) {
        const VerbEntry *e = &dict->ventries[k - 1];
        if ((int)(e->npre + e->npost) != width || !entry_fits(m, vp, e)) continue;
        const VerbBlock *b = &dict->blocks[e->block];
        if (!dcode && !dcode2) {   /* the default: the verb's own code, else its block's */
            dcode = e->code ? e->code : b->code;
            dcode2 = e->code ? e->code2 : b->code2;
            dref = b->ref;
        }
        for (uint32_t q = 0; q < b->npat; q++) {
            const PatKey *pk = &b->key[q];
            /* only a longer pattern than the best so far can win (the
             * block's patterns come longest first: none after this one),
             * and only one whose words are around the verb */
            if ((int)pk->len <= best_len) break;
            if (!word_bits_all(pk->need_post, post_words) || !word_bits_all(pk->need_pre, pre_words) ||
                !word_bits_some(pk->syn_post, post_words) || !word_bits_some(pk->syn_pre, pre_words))
                continue;
            const Pattern *p = &b->pat[q];
            int tt = -1, ts = -1, mutual = 0;
            uint32_t mend = vp->end;
            if (!match_post(m, p, vp->end, vp->clause_end, &tt, &ts, &mend)) continue;
            if (p->npre && !match_pre(m, p, vp->head, begin, &ts, &tt, &mutual)) continue;
            int len = p->npre + p->npost;
            if (len > best_len) {
                bp = p;
                best_len = len;
                bt = tt;
                bs = ts;
                bm = mutual;
                bend = mend;
            }
        }
    }
    if (bp) {
        vp->code = bp->code;
        vp->code2 = bp->code2;
        if (bp->negated) vp->flags &= (uint16_t)~VP_NEGATED;   /* "- WILL NOT * [081]" */
        vp->pattern_ref = bp->ref;
        vp->target_tok = bt;
        vp->source_tok = bs;
        if (bm) vp->flags |= VP_MUTUAL;
        vp->match_end = bend;
    } else {
        vp->code = dcode;
        vp->code2 = dcode2;
        vp->pattern_ref = dref;
    }
}

/* Participles used as adjectives before a noun ("shipping containers",
 * "warning shots", "burning tyres", "warring factions") */
static const char *const ADJECTIVE_PARTICIPLES[] = {"shipping", "warning", "burning", "warring", "striking",
                                                    "ruling", "rising", "growing", "leading", "remaining",
                                                    "governing", "neighbouring", "neighboring", "surrounding",
                                                    "existing", "opposing", "retreating", "advancing",
                                                    "protesting", "demonstrating", "looting", NULL};
/* ... and what a crowd is doing, before the crowd itself ("protesting
 * farmers", "striking workers", "retreating troops") */
static const char *const CROWD_PARTICIPLES[] = {"protesting", "demonstrating", "striking", "looting", "rioting",
                                                "marching", "retreating", "advancing", "warring", "fleeing", NULL};

/* A word of a counted noun phrase ("at least 56 civilians", "32
 * officers"): 1 a noun or an actor, 2 another word of the phrase, 0 none */
static int counted_np_word(const Token *t)
{
    if (TAG_IS_NOUN(t->tag) || t->mention >= 0) return 1;
    return t->tag == T_DT || t->tag == T_CD || t->tag == T_JJ || t->tag == T_JJS || t->tag == T_RB ||
                   t->tag == T_RBS || tok_word(t, W_AT) || tok_word(t, W_LEAST) || tok_word(t, W_OF)
               ? 2
               : 0;
}

/* Does "with" and a noun phrase (or one of a coordination) stand right
 * before the participle at token i: "with at least 56 civilians killed and
 * hundreds wounded"?  `from`: where the last verb group ended. */
static int with_absolute(const Sentence *s, uint32_t i, uint32_t from)
{
    uint32_t b = i;
    int noun = 0;
    for (int w; b > from && i - b < 8 && (w = counted_np_word(&s->tok[b - 1])) != 0; b--) noun |= w == 1;
    if (!noun || b == 0) return 0;
    if (tok_word(&s->tok[b - 1], W_WITH)) return 1;
    /* "... killed and hundreds wounded": the coordinated twin of one */
    if (tok_word(&s->tok[b - 1], W_AND) && b >= 2 && (s->tok[b - 2].tag == T_VBN || s->tok[b - 2].tag == T_VBD))
        return with_absolute(s, b - 2, from);
    return 0;
}

/* Is there a finite verb from token i on ("captured", "has taken")? */
static int finite_after(const Sentence *s, uint32_t i)
{
    for (; i < s->ntok; i++) {
        int t = s->tok[i].tag;
        if (t == T_VBD || t == T_VBZ || t == T_VBP || t == T_MD) return 1;
        /* (a past tense the tagger took for a participle: "troops captured most of Goma") */
        if (t == T_VBN && i + 1 < s->ntok && s->tok[i + 1].tag != T_IN && s->tok[i + 1].tag != T_TO &&
            s->tok[i + 1].tag != T_COMMA && s->tok[i + 1].tag != T_PERIOD)
            return 1;
        if (t == T_COMMA || t == T_COLON) return 0;
    }
    return 0;
}

/* Has the sentence a finite verb (a past or present tense, or a modal)? */
static int finite_verb_in(const Sentence *s)
{
    for (uint32_t i = 0; i < s->ntok; i++)
        if (s->tok[i].tag == T_VBD || s->tok[i].tag == T_VBZ || s->tok[i].tag == T_VBP || s->tok[i].tag == T_MD) return 1;
    return 0;
}

/* "and", then a noun phrase and nothing else, from token a to the
 * participle at b ("detained and 32 officers injured")? */
static int elided_passive(const Sentence *s, uint32_t a, uint32_t b)
{
    uint32_t i = a;
    while (i < b && s->tok[i].tag != T_CC) {   /* the passive's own adjuncts: "in Tbilisi" */
        if (s->tok[i].tag == T_COMMA || TAG_IS_VERB(s->tok[i].tag)) return 0;
        i++;
    }
    if (i >= b || !tok_word(&s->tok[i], W_AND)) return 0;
    int noun = 0;
    for (i++; i < b; i++) {
        int w = counted_np_word(&s->tok[i]);
        if (!w) return 0;
        noun |= w == 1;
    }
    return noun;
}

/* Is the participle at token i no verb group of its own but a word of a
 * noun phrase (n verb groups before it in the sentence)? */
static int participle_describes(const Sentence *s, uint32_t i, uint32_t n)
{
    const Token *t = &s->tok[i];
    const Token *prev = i > 0 ? &s->tok[i - 1] : NULL, *next = i + 1 < s->ntok ? &s->tok[i + 1] : NULL;
    int before_noun = next && (next->tag == T_NNS || next->tag == T_NN);
    if (t->tag == T_VBN || t->tag == T_VBD) {
        /* "clashed with masked youths", "attacked by armed men": between a
         * preposition and the noun it describes */
        if (prev && before_noun &&
            (tok_word(prev, W_WITH) || tok_word(prev, W_BY) || tok_word(prev, W_AGAINST) || tok_word(prev, W_OF) ||
             tok_word(prev, W_AMID) || tok_word(prev, W_FROM)))
            return 1;
        /* "M23 rebels backed by Rwandan troops captured Goma": with its
         * agent after the subject, before the verb */
        return prev && prev->mention >= 0 && next && tok_word(next, W_BY) && n == 0 && i + 2 < s->ntok &&
               finite_after(s, i + 2);
    }
    if (t->tag != T_VBG) return 0;
    /* "blocked roads with burning tyres" (not "charged with killing
     * protesters": a gerund whose object is someone) */
    if (prev && before_noun && tok_word(prev, W_WITH) && next->mention < 0) return 1;
    /* "broke through shipping containers", "fired warning shots": an
     * adjective before a noun, wherever it stands (not after a noun:
     * "demonstrators protesting election results") */
    if (before_noun && next->mention < 0 && !(prev && (TAG_IS_NOUN(prev->tag) || prev->mention >= 0)) &&
        tok_is_any(t, ADJECTIVE_PARTICIPLES))
        return 1;
    /* "fired tear gas at protesting farmers", "thousands of striking
     * workers": what a crowd is doing, before the crowd itself */
    if (before_noun && next->mention >= 0 && (!prev || prev->tag == T_IN || prev->tag == T_CD) &&
        tok_is_any(t, CROWD_PARTICIPLES))
        return 1;
    /* "the outbreak of fighting", "days of shelling": without an object
     * after a noun and "of", a noun */
    return i > 1 && tok_word(prev, W_OF) && TAG_IS_NOUN(s->tok[i - 2].tag) &&
           (!next || next->tag == T_CC || next->tag == T_COMMA || next->tag == T_IN || next->tag == T_PERIOD);
}

void find_verbs(Doc *d, const Dict *dict, const Options *o)
{
    const Conventions *cv = conventions(o);   /* read once, not a token at a time */
    for (uint32_t si = 0; si < d->nsent; si++) {
        Sentence *s = &d->sent[si];
        uint32_t cap = s->ntok / 2 + 2;
        VerbPhrase *vp = arena_alloc(d->arena, cap * sizeof *vp);
        uint32_t n = 0;
        for (uint32_t i = 0; i < s->ntok;) {
            const Token *t = &s->tok[i];
            int starts = TAG_IS_VERB(t->tag) || t->tag == T_MD ||
                         (t->tag == T_TO && i + 1 < s->ntok && s->tok[i + 1].tag == T_VB);
            /* participles and gerunds after a determiner or as modifiers are no verb groups */
            if (starts && (t->tag == T_VBG || t->tag == T_VBN) && i > 0 &&
                (s->tok[i - 1].tag == T_DT || s->tok[i - 1].tag == T_JJ || s->tok[i - 1].tag == T_PRPS))
                starts = 0;
            /* "from neighboring Lebanon", "in ongoing talks": a participle
             * between a preposition and a name or noun describes it */
            if (starts && cv->participles && t->tag == T_VBG && i > 0 && i + 1 < s->ntok && s->tok[i - 1].tag == T_IN &&
                !tok_word(&s->tok[i - 1], W_BY) && (s->tok[i + 1].tag == T_NNP || s->tok[i + 1].tag == T_NNPS))
                starts = 0;
            if (starts && cv->participles && participle_describes(s, i, n)) starts = 0;
            /* "memos sent by Bree": a participle right after a noun, before a
             * preposition, modifies the noun */
            /* ... or an actor that is the object of an earlier verb: "abused
             * detainees held in custody" */
            if (starts && t->tag == T_VBN && i > 0 && i + 1 < s->ntok && TAG_IS_NOUN(s->tok[i - 1].tag) &&
                (s->tok[i - 1].mention < 0 || (cv->participles && n > 0)) &&
                (s->tok[i + 1].tag == T_IN || s->tok[i + 1].tag == T_TO) &&
                /* "arrested at least 40 people": a quantity, no phrase */
                !(i + 2 < s->ntok && tok_word(&s->tok[i + 1], W_AT) &&
                  (tok_word(&s->tok[i + 2], W_LEAST) || tok_word(&s->tok[i + 2], W_MOST))))
                starts = 0;
            /* "rejected proposed Israeli changes", "extradited suspected
             * militant X": a participle between a full verb and the noun it
             * describes is no verb group of its own */
            if (starts && cv->participles && (t->tag == T_VBN || t->tag == T_VBD) && i > 0 && i + 1 < s->ntok &&
                TAG_IS_VERB(s->tok[i - 1].tag) && !lemma_is(&s->tok[i - 1], W_BE) &&
                !lemma_is(&s->tok[i - 1], W_HAVE) && !lemma_is(&s->tok[i - 1], W_GET) &&
                !is_speech_verb(&s->tok[i - 1]) &&
                (s->tok[i + 1].tag == T_JJ || TAG_IS_NOUN(s->tok[i + 1].tag)))
                starts = 0;
            if (!starts) {
                i++;
                continue;
            }
            if (n + 2 > cap) {
                /* more groups than one in two words: full verbs in a row,
                 * each a group of its own ("attacked attacked attacked") */
                uint32_t nc = cap * 2;
                vp = arena_grow(d->arena, vp, cap * sizeof *vp, nc * sizeof *vp);
                cap = nc;
            }
            VerbPhrase *v = &vp[n];
            memset(v, 0, sizeof *v);
            v->start = i;
            /* adverbs before the group: "never attacked", "did not" handled below */
            for (uint32_t b = i; b > 0 && (s->tok[b - 1].tag == T_RB || is_negation(&s->tok[b - 1])); b--) {
                if (is_negation(&s->tok[b - 1])) v->flags |= VP_NEGATED;
                /* "who had allegedly torched a bus": said, not shown */
                if (cv->modality && (tok_word(&s->tok[b - 1], W_ALLEGEDLY) || tok_word(&s->tok[b - 1], W_PURPORTEDLY)))
                    v->flags |= VP_MAYBE;
            }
            uint32_t j = i, head = i;
            int saw_be = 0, saw_have = 0;
            for (; j < s->ntok; j++) {
                const Token *u = &s->tok[j];
                if (TAG_IS_VERB(u->tag)) {
                    /* a new finite verb after a full verb ends the group */
                    if (j > i && TAG_IS_VERB(s->tok[head].tag) && !lemma_is(&s->tok[head], W_BE) &&
                        !lemma_is(&s->tok[head], W_HAVE) && !lemma_is(&s->tok[head], W_DO) &&
                        !lemma_is(&s->tok[head], W_GET))
                        break;
                    if (j > head && TAG_IS_VERB(s->tok[head].tag)) {
                        if (lemma_is(&s->tok[head], W_BE)) saw_be = 1;
                        if (lemma_is(&s->tok[head], W_HAVE)) saw_have = 1;
                    }
                    head = j;
                } else if (u->tag == T_MD) {
                    if (j > i) break;
                    if (is_future_modal(u)) v->flags |= VP_FUTURE;
                    else if (cv->modality && (tok_word(u, W_COULD) || tok_word(u, W_MIGHT) || tok_word(u, W_MAY)))
                        v->flags |= VP_MAYBE;
                } else if (u->tag == T_RB || is_negation(u)) {
                    if (is_negation(u)) v->flags |= VP_NEGATED;
                    if (cv->modality && (tok_word(u, W_ALLEGEDLY) || tok_word(u, W_PURPORTEDLY))) v->flags |= VP_MAYBE;
                } else if (u->tag == T_TO && j == i) {
                    v->flags |= VP_INFINITIVE;
                } else if ((u->tag == T_LQUOTE || u->tag == T_RQUOTE) && j > i && j + 1 < s->ntok &&
                           TAG_IS_VERB(s->tok[j + 1].tag) &&
                           (lemma_is(&s->tok[head], W_BE) || lemma_is(&s->tok[head], W_HAVE) || s->tok[head].tag == T_MD)) {
                    /* "would be "punished"": a quoted verb stays in its group */
                } else {
                    break;
                }
            }
            /* trailing adverbs belong after the group */
            while (j > head + 1) j--;
            v->end = head + 1;
            v->head = head;
            const Token *h = &s->tok[head];
            if (saw_be && (h->tag == T_VBN || h->tag == T_VBD)) v->flags |= VP_PASSIVE;
            /* "with at least 56 civilians killed and hundreds wounded": a
             * participle after "with" and its noun phrase is passive */
            if (cv->participles && head == i && (h->tag == T_VBN || h->tag == T_VBD) && with_absolute(s, i, n ? vp[n - 1].end : 0))
                v->flags |= VP_PASSIVE;
            /* "Troops killed in ambush near Goma", "Five killed in Kabul
             * blast": a headline's participle right after its subject, in a
             * sentence with no finite verb, of a verb that must have an
             * object and has none after it, is a passive without its
             * auxiliary ("Police and protesters clashed in Nairobi" is not) */
            static const char *const TRANSITIVE[] = {"kill", "arrest", "wound", "injure", "detain", "jail", "abduct",
                                                     "kidnap", "shoot", "execute", "sentence", "deport", "expel",
                                                     "behead", "hang", "imprison", "convict", "charge", "indict",
                                                     "free", "release", "evacuate", "rescue", "capture", NULL};
            if (cv->participles && head == i && h->tag == T_VBN && i > 0 && n == 0 && tok_lemma_in(h, TRANSITIVE) &&
                (TAG_IS_NOUN(s->tok[i - 1].tag) || s->tok[i - 1].tag == T_CD) &&
                (head + 1 >= s->ntok || s->tok[head + 1].tag == T_IN || s->tok[head + 1].tag == T_COMMA ||
                 s->tok[head + 1].tag == T_PERIOD) &&
                !finite_verb_in(s))
                v->flags |= VP_PASSIVE;
            /* "107 people had been detained and 32 officers injured": the
             * passive's auxiliary left out after "and" and a noun phrase */
            if (cv->participles && head == i && h->tag == T_VBN && n > 0 && (vp[n - 1].flags & VP_PASSIVE) &&
                elided_passive(s, vp[n - 1].end, i))
                v->flags |= VP_PASSIVE;
            /* "is opposed to", "is committed to", "were engaged in": a state
             * of the subject, who acts; no passive */
            if ((v->flags & VP_PASSIVE) && cv->participles && head + 1 < s->ntok &&
                ((tok_word(&s->tok[head + 1], W_TO) && (lemma_is(h, W_OPPOSE) || lemma_is(h, W_COMMIT) ||
                                                       lemma_is(h, W_DEDICATE) || lemma_is(h, W_DEVOTE))) ||
                 (tok_word(&s->tok[head + 1], W_IN) && (lemma_is(h, W_ENGAGE) || lemma_is(h, W_INVOLVE)))))
                v->flags &= (uint16_t)~VP_PASSIVE;
            (void)saw_have;
            /* "is about to" / "is going to" / "is set to" + verb: future */
            if (lemma_is(h, W_BE) && head + 2 < s->ntok && s->tok[head + 2].tag == T_TO &&
                (tok_word(&s->tok[head + 1], W_ABOUT) || tok_word(&s->tok[head + 1], W_SET) ||
                 tok_word(&s->tok[head + 1], W_DUE)))
                v->flags |= VP_FUTURE;
            if (lemma_is(h, W_BE) && head + 2 < s->ntok && tok_word(&s->tok[head + 1], W_GOING) &&
                s->tok[head + 2].tag == T_TO)
                v->flags |= VP_FUTURE;
            if (is_speech_verb(h)) v->flags |= VP_SPEECH;
            /* "prepared to resume shelling": a gerund right after an
             * infinitive is what is to come, as the infinitive is */
            /* ... and one after a verb group to come ("would continue
             * fighting", "will keep attacking") */
            if (cv->participles && n > 0 && h->tag == T_VBG && v->start == vp[n - 1].end &&
                (vp[n - 1].flags & (VP_INFINITIVE | VP_FUTURE)))
                v->flags |= (uint16_t)(vp[n - 1].flags & (VP_FUTURE | VP_MAYBE | VP_NEGATED));
            /* infinitive after an intention verb or "about to": future */
            if ((v->flags & VP_INFINITIVE) && n > 0) {
                const VerbPhrase *pv = &vp[n - 1];
                if (cv->modality) {
                    /* "is expected to approve", "is likely to meet": a forecast */
                    uint32_t to = v->start;
                    if ((lemma_is(&s->tok[pv->head], W_EXPECT) && (pv->flags & VP_PASSIVE)) ||
                        (to > 0 && (tok_word(&s->tok[to - 1], W_LIKELY) || tok_word(&s->tok[to - 1], W_UNLIKELY))))
                        v->flags |= VP_MAYBE;
                    /* "plans to send a delegation to discuss": the purpose of
                     * what is to come is to come */
                    if ((pv->flags & VP_INFINITIVE) && (pv->flags & (VP_FUTURE | VP_MAYBE)))
                        v->flags |= (uint16_t)(pv->flags & (VP_FUTURE | VP_MAYBE));
                    /* "would continue to attack", "may try to meet": the
                     * infinitive right after a verb group to come is to come */
                    if (v->start == pv->end) v->flags |= (uint16_t)(pv->flags & (VP_FUTURE | VP_MAYBE));
                }
                if (is_intent_verb(&s->tok[pv->head]) || (pv->flags & VP_FUTURE && lemma_is(&s->tok[pv->head], W_BE)))
                    v->flags |= VP_FUTURE;
                if (pv->flags & VP_NEGATED && is_intent_verb(&s->tok[pv->head])) v->flags |= VP_NEGATED;
                /* "was not authorised to talk", "did not ask Iran to release": the
                 * action of a negated governing verb did not happen either */
                if (cv->modality && (pv->flags & VP_NEGATED) && i <= pv->end + 4) v->flags |= VP_NEGATED;
                /* "invited the minister to visit Dar es Salaam": the
                 * invitation is the event (INVITE's patterns), the visit
                 * has not happened */
                if (cv->modality && lemma_is(&s->tok[pv->head], W_INVITE)) v->flags |= VP_NEGATED;
                /* "refused to attack", "failed to meet": did not happen */
                if (lemma_is(&s->tok[pv->head], W_REFUSE) || lemma_is(&s->tok[pv->head], W_FAIL) ||
                    lemma_is(&s->tok[pv->head], W_DECLINE))
                    v->flags |= VP_NEGATED;
                if ((lemma_is(&s->tok[pv->head], W_REFUSE) || lemma_is(&s->tok[pv->head], W_DECLINE)) &&
                    !(pv->flags & VP_NEGATED))
                    v->flags |= VP_REFUSED;
            }
            /* ("and later released them": over adverbs) */
            uint32_t ci = i;
            while (ci > 0 && i - ci < 3 && (s->tok[ci - 1].tag == T_RB || s->tok[ci - 1].tag == T_RBR)) ci--;
            if (ci > 0 && (tok_word(&s->tok[ci - 1], W_AND) || tok_word(&s->tok[ci - 1], W_OR) || tok_word(&s->tok[ci - 1], W_BUT)))
                v->flags |= VP_COORD;
            n++;
            i = v->end;
        }
        /* "if Chinese companies provided support", "unless the president
         * agrees": what a condition names has not happened */
        for (uint32_t k = 0; k < n && cv->modality; k++) {
            uint32_t from = k ? vp[k - 1].end : 0;
            for (uint32_t j = vp[k].start; j-- > from;) {
                if (s->tok[j].tag == T_COMMA) break;
                const Token *c = &s->tok[j];
                if (c->lower == W_IF || c->lower == W_UNLESS || c->lower == W_WHETHER) {
                    vp[k].flags |= VP_MAYBE;
                    break;
                }
            }
        }
        /* "Kenya denied that it had ordered the arrest", "denied carrying
         * out the attack": what is denied did not happen */
        for (uint32_t k = 1; k < n && cv->modality; k++) {
            if (!lemma_is(&s->tok[vp[k - 1].head], W_DENY)) continue;
            int that = vp[k].start == vp[k - 1].end && s->tok[vp[k].head].tag == T_VBG;
            /* (a complementizer, not a relative pronoun: "denied any role in
             * an attack that killed three soldiers" tells the attack) */
            for (uint32_t j = vp[k - 1].end; j < vp[k].start && !that; j++)
                that = tok_word(&s->tok[j], W_THAT) && (j == vp[k - 1].end || !TAG_IS_NOUN(s->tok[j - 1].tag));
            /* "denied she had been arrested", "denied the army had fired":
             * a clause without "that", its subject right after the denial */
            if (!that && cv->modality && vp[k].start > vp[k - 1].end && vp[k].start - vp[k - 1].end <= 4) {
                int subject = 1;
                for (uint32_t j = vp[k - 1].end; j < vp[k].start && subject; j++)
                    subject = s->tok[j].tag == T_PRP || s->tok[j].tag == T_PRPS || s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ ||
                              s->tok[j].tag == T_NNP || TAG_IS_NOUN(s->tok[j].tag);
                const Token *pr = &s->tok[vp[k].start];
                that = subject && (TAG_IS_VERB(pr->tag) || pr->tag == T_MD) && pr->tag != T_VBG;
            }
            if (that) vp[k].flags |= VP_NEGATED;
        }
        /* object zones: up to the next verb or clause boundary; with the
         * validation suite's conventions the whole verb phrase, embedded
         * clauses included, up to a closing ", X said" */
        for (uint32_t k = 0; k < n; k++) {
            uint32_t end = k + 1 < n ? vp[k + 1].start : s->ntok;
            if (cv->upper_sequence) {
                end = s->ntok;
                /* a verb coordinated with this one ("condemned ... and promised") ends it */
                for (uint32_t j = k + 1; j < n; j++)
                    if (vp[j].flags & VP_COORD) {
                        end = vp[j].start - 1;
                        break;
                    }
                for (uint32_t j = k + 1; j < n && vp[j].start < end; j++) {
                    if (!(vp[j].flags & VP_SPEECH)) continue;
                    uint32_t c = vp[j].start;
                    while (c > vp[k].end && s->tok[c - 1].tag != T_COMMA) c--;
                    if (c > vp[k].end && vp[j].start - c <= 8) {
                        end = c - 1;
                        break;
                    }
                }
            } else {
                for (uint32_t j = vp[k].end; j < end; j++) {
                    /* "denounced as an ugly crime Serbia's suppression": "as"
                     * right after a verb of judging names what it is judged */
                    if (j == vp[k].end && tok_word(&s->tok[j], W_AS) &&
                        (lemma_is(&s->tok[vp[k].head], W_DENOUNCE) || lemma_is(&s->tok[vp[k].head], W_CONDEMN) ||
                         lemma_is(&s->tok[vp[k].head], W_DESCRIBE) || lemma_is(&s->tok[vp[k].head], W_BRAND) ||
                         lemma_is(&s->tok[vp[k].head], W_CRITICISE) || lemma_is(&s->tok[vp[k].head], W_CRITICIZE) ||
                         lemma_is(&s->tok[vp[k].head], W_DISMISS) || lemma_is(&s->tok[vp[k].head], W_REJECT) ||
                         lemma_is(&s->tok[vp[k].head], W_HAIL) || lemma_is(&s->tok[vp[k].head], W_WELCOME)))
                        continue;
                    if (clause_boundary(&s->tok[j])) {
                        end = j;
                        break;
                    }
                    /* "looted her residence in Dhaka, and protesters set
                     * fire": ", and" then the next clause's subject */
                    if (cv->participles && s->tok[j].tag == T_COMMA && k + 1 < n && j + 1 < end &&
                        (tok_word(&s->tok[j + 1], W_AND) || tok_word(&s->tok[j + 1], W_BUT)) && end - j <= 6 &&
                        !(vp[k + 1].flags & VP_INFINITIVE) && s->tok[vp[k + 1].head].tag != T_VBG) {
                        end = j;
                        break;
                    }
                }
            }
            vp[k].clause_end = end;
        }
        /* pattern words before the verb may reach back over an earlier verb
         * ("- INDICATED WOULD *") */
        for (uint32_t k = 0; k < n; k++) {
            uint32_t begin = k ? vp[k - 1].start : 0;
            if (cv->upper_sequence) {   /* the suite's upper sequence: back to the sentence start or a comma */
                begin = vp[k].start;
                while (begin > 0 && s->tok[begin - 1].tag != T_COMMA) begin--;
            }
            Match m = {dict, s, cv->exact_words};
            code_phrase(&m, &vp[k], begin);
        }
        arena_shrink(d->arena, vp, cap * sizeof *vp, (n + 1) * sizeof *vp);
        s->vp = vp;
        s->nvp = n;
    }
}
