/* nouns.c - stage 6: events named by nouns */
#include "nouns.h"
#include <string.h>
#include <strings.h>
#include "cameo.h"
#include "segment.h"
#include "utf8.h"
#include "words.h"

static int lemma_is(const Token *t, Sym w) { return w && (t->lower == w || t->lemma == w); }

static int has_hyphen(const Token *t) { return t->n > 2 && memchr(t->s + 1, '-', t->n - 2) != NULL; }

/* Words before the noun that make it a plan, not a deed: "the planned
 * visit", "upcoming talks", "a possible attack". */
static const Sym FUTURE_ADJ[] = {W_PLANNED, W_PROPOSED, W_UPCOMING, W_POSSIBLE, W_EXPECTED, W_FORTHCOMING,
                                 W_SCHEDULED, W_POTENTIAL, W_FUTURE, W_PROSPECTIVE, W_WOULD_BE, W_IMMINENT,
                                 W_THREATENED, 0};

/* Verbs that undo what the noun names: "the visit was postponed",
 * "cancelled the talks". */
static const Sym UNDONE[] = {W_POSTPONE, W_CANCEL, W_DELAY, W_SCRAP, W_SUSPEND, W_ABANDON, W_SHELVE,
                             W_DENY, W_CALL, W_RULE, W_PREVENT, W_THWART, W_AVERT, W_FOIL, 0};

/* the token's lemma, or its word, is one of the set */
static int is_any_lemma(const Token *t, const Sym *set)
{
    for (; *set; set++)
        if (lemma_is(t, *set)) return 1;
    return 0;
}

/* Words after a noun that put it ahead: "talks next week", "a meeting
 * later this year". */
static const Sym TIME_AHEAD[] = {W_NEXT, W_LATER, W_TOMORROW, W_COMING, 0};

/* A year before the publication's: "in February 2022", "the 2014
 * annexation". */
static int past_year(const Doc *d, const Token *t)
{
    if (t->tag != T_CD || t->n != 4 || !d->pubdate) return 0;
    int y = 0;
    for (uint32_t k = 0; k < 4; k++) {
        if (t->s[k] < '0' || t->s[k] > '9') return 0;
        y = y * 10 + (t->s[k] - '0');
    }
    return y >= 1900 && y < d->pubdate / 10000;
}

/* An event of the past the report only recalls: "since Russia's invasion
 * of Ukraine", "the invasion of Ukraine in February 2022", "the 2014
 * annexation". */
static int background(const Doc *d, const Sentence *s, const NounEvent *ne)
{
    if (ne->start > 0 && tok_word(&s->tok[ne->start - 1], W_SINCE)) return 1;
    for (uint32_t j = ne->start; j < ne->head; j++)
        if (past_year(d, &s->tok[j])) return 1;
    for (uint32_t j = ne->end; j < ne->end + 4 && j < s->ntok; j++) {
        if (past_year(d, &s->tok[j])) return 1;
        if (s->tok[j].tag == T_COMMA || TAG_IS_VERB(s->tok[j].tag)) break;
    }
    return 0;
}

/* The place and time phrases from token p to at most limit ("in Lagos
 * on Thursday", "to Beijing"): where the first other token stands. */
static uint32_t skip_adjuncts(const Sentence *s, uint32_t p, uint32_t limit)
{
    uint32_t start = p;
    while (p < limit && p - start < 10) {
        const Token *t = &s->tok[p];
        if (tok_word(t, W_FOR)) break;
        if (t->mention >= 0 && (s->men[t->mention].kind != MK_COUNTRY || s->men[t->mention].has_agent)) break;
        if (!(t->tag == T_IN || t->tag == T_TO || t->tag == T_DT || t->tag == T_JJ || t->tag == T_CD ||
              t->tag == T_RB || t->tag == T_NNP || t->tag == T_NNPS || t->tag == T_NN || t->tag == T_NNS))
            break;
        p++;
    }
    return p;
}

/* Quantities between a support verb and its noun: "staged a series of
 * strikes", "held a day of protests". */
static const Sym MEASURE[] = {W_SERIES, W_WAVE, W_SPATE, W_STRING, W_ROUND, W_NUMBER, W_DOZENS, W_HUNDREDS,
                              W_DAY, W_DAYS, W_WEEK, W_WEEKS, W_NIGHT, W_CAMPAIGN, W_FRESH, W_NEW,
                              W_PACKAGE, W_RAFT, W_TRANCHE, W_BATCH, W_SET, 0};

/* A noun of two sides ("clashes", "fighting": a %-frame), not one that
 * one side suffers ("attack"). */
static int noun_mutual(const NounEntry *e)
{
    for (uint32_t f = 0; f < e->nframes; f++)
        if (e->frame[f].role == NR_MUTUAL) return 1;
    return 0;
}

/* "after five days of fighting", "following fierce fighting with rebels":
 * the time adjunct of a clause whose subject fought (grounds 0); "jailed
 * 52 members on allegations of treason": the grounds its subject acted on
 * (grounds 1); "walked out in protest against the remarks": the protest
 * its subject made (protest 1).  Returns the verb phrase of that clause,
 * a clause of force (any clause for talks and protests), -1 none. */
static int fought_by_clause(const Sentence *s, const NounEvent *ne, int grounds, int talks, int protest)
{
    static const char *const on[] = {"on", "upon", NULL};
    uint32_t p = adjunct_phrase_start(s, ne->start, 0);
    if (p == 0 || !(grounds ? tok_is_any(&s->tok[p - 1], on)
                    : protest ? tok_word(&s->tok[p - 1], W_IN)
                              : opens_time_adjunct(&s->tok[p - 1])))
        return -1;
    int best = -1;
    for (uint32_t v = 0; v < s->nvp; v++) {
        const VerbPhrase *vp = &s->vp[v];
        if (vp->end > p - 1) break;
        if (p - 1 - vp->end <= 30) best = (int)v;
    }
    /* talks that open the sentence are the clause's after them: "After
     * talks with Umerov, Pistorius announced ..." */
    if (talks && best < 0 && p == 1) {
        uint32_t c = ne->end;
        while (c < s->ntok && c < ne->end + 12 && s->tok[c].tag != T_COMMA) c++;
        for (uint32_t v = 0; v < s->nvp && c < s->ntok; v++)
            if (s->vp[v].start > c) {
                best = (int)v;
                break;
            }
    }
    if (best < 0 || (s->vp[best].flags & (VP_PASSIVE | VP_INFINITIVE))) return -1;
    /* only a clause of force takes the fighting for its own ("the bank
     * refused to review the accord after weeks of fighting" did not fight);
     * any clause the talks it was held after ("announced the aid after
     * talks with his Ukrainian counterpart") */
    return talks || protest || cameo_is_force(s->vp[best].code) ? best : -1;
}

/* May token t stand inside a noun phrase before its head ("the heavily
 * armed Saudi-led ground offensive")? */
/* Is token i inside one of the sentence's verb groups?  (A sentence has a
 * few: asked only of the tokens the tags leave in question.) */
/* "in" before the noun at token i, over a determiner and adjectives,
 * after token from: "killed in fierce clashes" */
static int in_before(const Sentence *s, uint32_t i, uint32_t from)
{
    while (i > from && (s->tok[i - 1].tag == T_DT || s->tok[i - 1].tag == T_JJ)) i--;
    return i > from && tok_word(&s->tok[i - 1], W_IN);
}

static int in_verb_group(const Sentence *s, uint32_t i)
{
    for (uint32_t k = 0; k < s->nvp; k++)
        if (i >= s->vp[k].start && i < s->vp[k].end) return 1;
    return 0;
}

static int np_inner(const Sentence *s, uint32_t i)
{
    const Token *t = &s->tok[i];
    if (t->mention >= 0) return 1;
    if (in_verb_group(s, i)) return 0;
    switch (t->tag) {
    case T_JJ: case T_JJR: case T_JJS: case T_NN: case T_NNS: case T_NNP: case T_NNPS: case T_CD: return 1;
    case T_VBN: case T_VBG: return has_hyphen(t) || (i > 0 && (s->tok[i - 1].tag == T_DT || s->tok[i - 1].tag == T_PRPS ||
                                                               s->tok[i - 1].tag == T_JJ || s->tok[i - 1].tag == T_POS));
    case T_RB: return i + 1 < s->ntok && (s->tok[i + 1].tag == T_JJ || s->tok[i + 1].tag == T_VBN);   /* "heavily armed" */
    default: return 0;
    }
}

/* The longest noun entry ending at token i: its head by the form as written
 * ("TALKS" is only the plural) or by lemma; words before it must stand
 * right before ("AIR_STRIKE").  Returns 1 + entry index, 0 none. */
static uint32_t entry_at(const Dict *dict, const Sentence *s, uint32_t i)
{
    const Token *t = &s->tok[i];
    uint32_t best = 0;
    int width = -1;
    for (int pass = 0; pass < 2; pass++) {
        Sym key = pass ? t->lemma : t->lower;
        if (!key || (pass && key == t->lower)) continue;
        for (uint32_t k = dict_noun_first(dict, key); k; k = dict->nouns[k - 1].next) {
            const NounEntry *e = &dict->nouns[k - 1];
            if (e->npre > i || (int)e->npre <= width) continue;
            uint32_t j = 0;
            while (j < e->npre && lemma_is(&s->tok[i - e->npre + j], e->pre[j])) j++;
            if (j < e->npre) continue;
            best = k;
            width = e->npre;
        }
    }
    return best;
}

static const NounFrame *frame_of(const NounEntry *e, int kind, Sym prep)
{
    for (uint32_t f = 0; f < e->nframes; f++)
        if (e->frame[f].kind == kind && (kind != NF_PREP || e->frame[f].prep == prep)) return &e->frame[f];
    return NULL;
}

/* A mention of its own for an actor that no token carries: the code of
 * "Saudi" in "Saudi-led", or a possessive pronoun's antecedent. */
static int add_mention(Doc *d, Sentence *s, uint32_t a, uint32_t b, const Mention *like, Sym code, uint32_t ref)
{
    Mention m;
    if (like) m = *like;
    else memset(&m, 0, sizeof m);
    m.start = a;
    m.end = b;
    m.conj = -1;
    if (code) m.code = code;
    if (!like) {
        m.kind = MK_COUNTRY;
        m.actor_ref = ref;
    }
    return doc_add_mention(d, s, &m);
}

/* "Saudi-led", "U.S.-led", "NATO-led": the actor named before "-led". */
static int led_actor(Doc *d, Sentence *s, const Dict *dict, uint32_t i)
{
    const Token *t = &s->tok[i];
    if (t->n < 6 || strncasecmp(t->s + t->n - 4, "-led", 4)) return -1;
    Token tk[8];
    size_t nt = tokenize(t->s, t->n - 4, tk, 8);
    uint32_t node = 1;
    for (size_t k = 0; k < nt && node; k++) {
        char low[128];
        size_t ln = utf8_lower(tk[k].s, tk[k].n, low, sizeof low);
        node = ln ? dict_step(dict, TRIE_ACTOR, node, sym_find(low, ln)) : 0;
    }
    uint32_t leaf = nt && node ? dict_leaf(dict, TRIE_ACTOR, node) : 0;
    if (!leaf) return -1;
    Sym code = dict_actor_code(dict, &dict->actors[leaf - 1], d->pubdate);
    return code ? add_mention(d, s, i, i + 1, NULL, code, dict->actors[leaf - 1].ref) : -1;
}

/* his/her: the last person named before (this sentence, then the two
 * before it); its/their: the last country, organisation or group named
 * before it in the sentence. */
static int possessive_pronoun(Doc *d, uint32_t si, uint32_t i)
{
    Sentence *s = &d->sent[si];
    const Token *t = &s->tok[i];
    int person = tok_word(t, W_HIS) || tok_word(t, W_HER);
    if (!person && !tok_word(t, W_ITS) && !tok_word(t, W_THEIR)) return -1;
    for (uint32_t back = 0; back < 3 && back <= si; back++) {
        const Sentence *ps = &d->sent[si - back];
        for (uint32_t m = ps->nmen; m-- > 0;) {
            const Mention *mm = &ps->men[m];
            if (back == 0 && mm->end > i) continue;
            if (mm->kind == MK_PRONOUN || mm->kind == MK_PLACE) continue;
            int fits = person ? (mm->kind == MK_PERSON || (mm->kind == MK_AGENT && mm->has_agent))
                              : (mm->kind == MK_COUNTRY || mm->kind == MK_ORG || mm->kind == MK_AGENT);
            if (!fits) continue;
            if (back == 0) return (int)m;
            return add_mention(d, s, i, i + 1, mm, 0, 0);
        }
        if (!person) break;
    }
    return -1;
}

/* "Russian", "Kenyan", "Chinese", "British", "Israeli", "French": a
 * demonym by its ending, when the tagger took it for a name */
static int demonym_like(const Token *t)
{
    static const char *const end[] = {"ian", "ean", "yan", "can", "ese", "ish", "i", "ch", NULL};
    for (int k = 0; end[k]; k++) {
        size_t n = strlen(end[k]);
        if (t->n > n + 2 && !strncasecmp(t->s + t->n - n, end[k], n)) return 1;
    }
    return 0;
}

/* May the actor before a noun be its agent?  Demonyms ("the Russian
 * attack", "Israeli strikes"), agents, groups and people ("police raids",
 * "Hamas attack") and acronyms ("U.S. sanctions", "NATO strikes") act; a
 * country or place by its name is what the noun is about ("Russia
 * sanctions", "Gaza strikes", "Ukraine aid"). */
static int prenominal_actor(const Sentence *s, int m)
{
    const Mention *mm = &s->men[m];
    if (mm->is_capital || mm->kind == MK_PLACE) return 0;
    /* an agent word as an adjective: "military occupation", "military aid" */
    if (mm->kind == MK_AGENT && !mm->actor_ref && s->tok[mm->end - 1].tag == T_JJ) return 0;
    if (mm->kind != MK_COUNTRY || mm->has_agent) return 1;
    for (uint32_t i = mm->start; i < mm->end; i++) {
        const Token *t = &s->tok[i];
        if (t->tag != T_NNP || demonym_like(t)) continue;
        int acronym = 1;
        for (uint32_t c = 0; c < t->n; c++)
            if (!(t->s[c] == '.' || (t->s[c] >= 'A' && t->s[c] <= 'Z'))) acronym = 0;
        if (!acronym) return 0;
    }
    return 1;
}

/* The actor of the noun phrase starting at token j (over a determiner,
 * adjectives and numbers: "on the heavily guarded embassy"); -1 none.
 * *npend gets the end of the phrase. */
/* "South Lebanon", "northern Syria", "East Jerusalem": a part of a country */
static int is_compass(const Token *t)
{
    static const char *const w[] = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                    "northeast", "northwest", "southeast", "southwest", "northeastern",
                                    "northwestern", "southeastern", "southwestern", "central", "upper", "lower",
                                    NULL};
    return tok_is_any(t, w);
}

static int actor_after(const Sentence *s, uint32_t j, uint32_t *npend)
{
    uint32_t k = j;
    while (k < s->ntok && k - j < 4 && s->tok[k].mention < 0 &&
           (s->tok[k].tag == T_DT || s->tok[k].tag == T_PRPS || s->tok[k].tag == T_JJ || s->tok[k].tag == T_JJS ||
            s->tok[k].tag == T_CD || s->tok[k].tag == T_RB || has_hyphen(&s->tok[k]) || is_compass(&s->tok[k])))
        k++;
    if (k < s->ntok && s->tok[k].mention >= 0) {
        int m = s->tok[k].mention;
        *npend = s->men[m].end;
        return m;
    }
    /* an actor heading the phrase past a possessor and words of no one's:
     * "by the country's largest trade union" */
    uint32_t q = k;
    while (q < s->ntok && q - k < 5 && s->tok[q].mention < 0 &&
           (TAG_IS_NOUN(s->tok[q].tag) || s->tok[q].tag == T_POS || s->tok[q].tag == T_JJ || s->tok[q].tag == T_JJS))
        q++;
    if (q > k && q < s->ntok && s->tok[q].mention >= 0) {
        int m = s->tok[q].mention;
        uint32_t e = s->men[m].end;
        if (e >= s->ntok || !(TAG_IS_NOUN(s->tok[e].tag) || s->tok[e].tag == T_POS)) {
            *npend = e;
            return m;
        }
    }
    while (k < s->ntok && s->tok[k].mention < 0 && (TAG_IS_NOUN(s->tok[k].tag) || s->tok[k].tag == T_POS)) k++;
    *npend = k;
    return -1;
}

/* The frames after the noun: "on the embassy", "by the police", "of three
 * journalists by police", "between police and protesters", "with Iran". */
static void frames_after(const Sentence *s, const NounEntry *e, NounEvent *ne, const NounFrame **sf, const NounFrame **tf)
{
    uint32_t i = ne->head + 1;
    /* "a general strike called by the unions", "the rally, organised by
     * the opposition": the participle's agent is the noun's */
    if (i + 2 < s->ntok && s->tok[i].tag == T_COMMA) i++;
    if (i + 2 < s->ntok && s->tok[i].tag == T_VBN && tok_word(&s->tok[i + 1], W_BY)) i++;
    else if (i != ne->head + 1) i = ne->head + 1;
    for (int hops = 0; hops < 4 && i + 1 < s->ntok; hops++) {
        const Token *t = &s->tok[i];
        if (t->tag != T_IN && t->tag != T_TO) break;
        const NounFrame *f = frame_of(e, NF_PREP, t->lower);
        uint32_t npend;
        int m = actor_after(s, i + 1, &npend);
        /* "an attack on a village in Herat": the place names the target */
        if (m < 0 && f && f->role != NR_SOURCE && npend + 1 < s->ntok &&
            (tok_word(&s->tok[npend], W_IN) || tok_word(&s->tok[npend], W_NEAR)) && s->tok[npend + 1].mention >= 0) {
            m = s->tok[npend + 1].mention;
            npend = s->men[m].end;
        }
        if (npend <= i + 1) break;
        /* past a phrase of its own ("in protest against the violations by
         * the security forces") what follows belongs to that phrase */
        int own_np = 0;
        if (m < 0)
            for (uint32_t k = i + 1; k < npend; k++) own_np |= s->tok[k].tag == T_NN || s->tok[k].tag == T_NNS;
        /* a visit or talks go to a country, a body or a person, not to
         * someone no one names: "a visit to the doctor" */
        int bare = m >= 0 && s->men[m].kind == MK_AGENT && !s->men[m].actor_ref;
        if (bare && f && f->role != NR_SOURCE && e->code[0] == '0' && e->code[1] == '4') m = -1;
        if (f && m >= 0 && s->men[m].kind != MK_PRONOUN) {
            if (f->role == NR_SOURCE && ne->src_m < 0) {
                ne->src_m = m;
                ne->src_frame = NS_PREP;
                ne->src_prep = f->prep;
                *sf = f;
            } else if (f->role != NR_SOURCE && ne->tgt_m < 0) {
                ne->tgt_m = m;
                *tf = f;
                ne->tgt_prep = f->prep;
                ne->mutual = f->role == NR_MUTUAL;
                if (f->role == NR_MUTUAL && tok_word(t, W_BETWEEN)) {
                    /* "between police and protesters": the two sides */
                    int y = s->men[m].conj;
                    if (y < 0 && npend + 1 < s->ntok && tok_word(&s->tok[npend], W_AND)) {
                        uint32_t e2;
                        y = actor_after(s, npend + 1, &e2);
                    }
                    if (y < 0) {
                        ne->tgt_m = -1;
                        ne->mutual = 0;
                        *tf = NULL;
                        break;
                    }
                    ne->between = 1;
                    npend = s->men[y].end;
                }
            }
            ne->end = npend;
        }
        if (own_np) break;
        i = npend;
    }
}

/* Verbs of an event breaking out: "clashes broke out in Kisumu late on
 * Tuesday between youths and police". */
static const Sym BREAK_OUT[] = {W_BREAK, W_ERUPT, W_FLARE, W_OCCUR, W_CONTINUE, W_RAGE, W_INTENSIFY,
                                W_RESUME, W_ESCALATE, W_SPREAD, W_HAPPEN, 0};

/* The sides of a noun that is the subject of such a verb, named after
 * the verb: its "between" frame read from there. */
static void between_after_verb(const Sentence *s, const NounEntry *e, NounEvent *ne, const NounFrame **sf,
                               const NounFrame **tf)
{
    const NounFrame *f = NULL;
    for (uint32_t k = 0; k < s->nvp && !f; k++) {
        const VerbPhrase *v = &s->vp[k];
        if (v->start < ne->end || v->start > ne->end + 1 || !is_any_lemma(&s->tok[v->head], BREAK_OUT)) continue;
        for (uint32_t i = v->end; i + 1 < s->ntok && i < v->end + 12; i++) {
            if (s->tok[i].tag == T_COMMA || TAG_IS_VERB(s->tok[i].tag)) break;
            if (!tok_word(&s->tok[i], W_BETWEEN)) continue;
            f = frame_of(e, NF_PREP, s->tok[i].lower);
            if (!f || f->role != NR_MUTUAL) return;
            /* read the frame as if it followed the noun */
            NounEvent at = *ne;
            at.head = i - 1;
            frames_after(s, e, &at, sf, tf);
            if (!at.between) return;
            ne->tgt_m = at.tgt_m;
            ne->tgt_prep = at.tgt_prep;
            ne->mutual = at.mutual;
            ne->between = 1;
            return;
        }
    }
}

void find_nouns(Doc *d, const Dict *dict, const Options *o)
{
    if (!conventions(o)->event_nouns || !dict->nnouns) return;
    for (uint32_t si = 0; si < d->nsent; si++) {
        Sentence *s = &d->sent[si];
        if (s->discarded || !s->ntok) continue;
        NounEvent *out = NULL;
        uint32_t n = 0, cap = 0;
        /* the tokens that can head a noun event, 64 at a time as the bits
         * of a word (no branch a token), then those alone: a noun by its
         * tag (gerunds count: "fierce fighting", "the killing of"; a proper
         * noun only first in the sentence or in capitals: "Clashes broke
         * out"), no actor's, outside every verb group, and not modifying a
         * noun after it ("protest leaders", "attack helicopters") */
        const uint64_t noun_tags = 1ull << T_NN | 1ull << T_NNS | 1ull << T_NNP | 1ull << T_NNPS | 1ull << T_VBG;
        const uint64_t proper = 1ull << T_NNP | 1ull << T_NNPS, common = 1ull << T_NN | 1ull << T_NNS;
        for (uint32_t base = 0; base < s->ntok; base += 64) {
            uint32_t lim = s->ntok - base < 64 ? s->ntok - base : 64;
            uint64_t cand = 0, modifier = 0;
            for (uint32_t j = 0; j < lim; j++) {
                const Token *t = &s->tok[base + j];
                uint64_t tb = 1ull << (t->tag & 63), unowned = t->mention < 0;
                uint64_t ok = !(tb & proper) | (base + j == 0) | ((t->flags & TOK_ALLCAP) != 0);
                cand |= ((uint64_t)((tb & noun_tags) != 0) & unowned & ok) << j;
                modifier |= ((uint64_t)((tb & common) != 0) & unowned) << j;
            }
            cand &= ~(modifier >> 1);
            if (lim == 64 && base + 64 < s->ntok) {
                const Token *t = &s->tok[base + 64];
                if ((t->tag == T_NN || t->tag == T_NNS) && t->mention < 0) cand &= ~(1ull << 63);
            }
            for (uint32_t v = 0; v < s->nvp && cand; v++) {
                uint32_t a = s->vp[v].start, b = s->vp[v].end;
                if (a < base) a = base;
                if (b > base + lim) b = base + lim;
                for (uint32_t i = a; i < b; i++) cand &= ~(1ull << (i - base));
            }
            for (; cand; cand &= cand - 1) {
                uint32_t i = base + (uint32_t)__builtin_ctzll(cand);
                uint32_t k = entry_at(dict, s, i);
                if (!k) continue;
                const NounEntry *e = &dict->nouns[k - 1];
                /* a verb pattern that already codes the phrase wins: "held
                 * talks", "imposed sanctions", "paid a visit" */
                int coded = 0;
                for (uint32_t v = 0; v < s->nvp && !coded; v++) {
                    const VerbPhrase *vp = &s->vp[v];
                    coded = vp->code && vp->match_end > vp->end && i >= vp->end && i < vp->match_end;
                    /* ... but not an event that names its own sides, in which
                     * a passive's deed happened: "were killed in clashes
                     * between protesters and police" (the clash stands;
                     * who killed stays unknown) */
                    if (coded && (vp->flags & VP_PASSIVE) && i + 1 < s->ntok &&
                        (tok_word(&s->tok[i + 1], W_BETWEEN) || tok_word(&s->tok[i + 1], W_BY)) &&
                        in_before(s, i, vp->end))
                        coded = 0;
                }
                if (coded) continue;
                NounEvent ne;
                memset(&ne, 0, sizeof ne);
                ne.head = i;
                ne.end = i + 1;
                ne.entry = k - 1;
                ne.code = e->code;
                ne.support = -1;
                ne.src_m = ne.tgt_m = -1;
                /* the noun phrase before the head: determiner or possessor,
                 * adjectives and actors ("Tuesday's deadly Russian missile attack") */
                uint32_t left = i - e->npre, a = left, zone = left;
                int poss = -1, pron = -1;
                while (a > 0 && left - a < 8) {
                    const Token *t = &s->tok[a - 1];
                    if (t->tag == T_POS) {
                        zone = a;
                        if (a >= 2 && s->tok[a - 2].mention >= 0) {
                            poss = s->tok[a - 2].mention;
                            a = s->men[poss].start;
                        } else {
                            a--;
                        }
                        break;
                    }
                    if (t->tag == T_PRPS) {
                        pron = (int)(a - 1);
                        zone = a--;
                        break;
                    }
                    if (t->tag == T_DT) {
                        if (tok_word(t, W_NO)) ne.flags |= VP_NEGATED;   /* "there were no clashes" */
                        zone = a--;
                        break;
                    }
                    if (!np_inner(s, a - 1)) break;
                    a--;
                    zone = a;
                }
                ne.start = a;
                int adj = -1, led = -1;
                for (uint32_t j = zone; j < left; j++) {
                    const Token *t = &s->tok[j];
                    if (tok_word_in(t, FUTURE_ADJ)) ne.flags |= VP_FUTURE;
                    if (t->mention >= 0 && t->n > 4 && !strncasecmp(t->s + t->n - 4, "-led", 4) && frame_of(e, NF_LED, 0) &&
                        led < 0)
                        led = t->mention;   /* the actors stage read "Saudi-led" as Saudi Arabia */
                    else if (t->mention >= 0 && s->men[t->mention].kind != MK_PRONOUN && s->men[t->mention].end <= left)
                        adj = t->mention;
                    else if (t->mention < 0 && frame_of(e, NF_LED, 0) && led < 0)
                        led = led_actor(d, s, dict, j);
                }
                if (poss >= 0 && frame_of(e, NF_POSS, 0) && s->men[poss].kind != MK_PRONOUN) {
                    ne.src_m = poss;
                    ne.src_frame = NS_POSS;
                } else if (pron >= 0 && frame_of(e, NF_POSS, 0)) {
                    int m = possessive_pronoun(d, si, (uint32_t)pron);
                    if (m >= 0) {
                        ne.src_m = m;
                        ne.src_frame = NS_POSS;
                    }
                }
                if (ne.src_m < 0 && led >= 0) {
                    ne.src_m = led;
                    ne.src_frame = NS_LED;
                }
                const NounFrame *sf = NULL, *tf = NULL;
                if (ne.src_m >= 0) sf = frame_of(e, ne.src_frame == NS_LED ? NF_LED : NF_POSS, 0);
                if (ne.src_m < 0 && adj >= 0 && frame_of(e, NF_ADJ, 0) && prenominal_actor(s, adj)) {
                    ne.src_m = adj;
                    ne.src_frame = NS_ADJ;
                    sf = frame_of(e, NF_ADJ, 0);
                }
                int own = ne.src_m, own_frame = ne.src_frame;
                const NounFrame *own_sf = sf;
                ne.src_m = -1;
                sf = NULL;
                frames_after(s, e, &ne, &sf, &tf);
                if (ne.tgt_m < 0 && ne.src_m < 0) between_after_verb(s, e, &ne, &sf, &tf);
                /* "by" names the actor over one before the noun ("the Russian
                 * journalist's arrest by police"), but not over a possessor
                 * ("Russia's strikes by its air force") */
                if (own >= 0 && (own_frame == NS_POSS || ne.src_m < 0)) {
                    ne.src_m = own;
                    ne.src_frame = (uint8_t)own_frame;
                    ne.src_prep = 0;
                    sf = own_sf;
                }
                /* a frame of a code of its own: "strikes on Gaza" (+ON=190) are no walkout */
                if (tf && tf->code) ne.code = tf->code;
                else if (sf && sf->code) ne.code = sf->code;
                /* the support verb whose object the noun is: "carried out an
                 * attack", "took part in the protest", "gave Iran a warning" */
                for (uint32_t v = 0; v < s->nvp; v++) {
                    const VerbPhrase *vp = &s->vp[v];
                    if (vp->end > ne.start) break;
                    for (uint32_t sk = dict_support_first(dict, s->tok[vp->head].lemma); sk; sk = dict->supports[sk - 1].next) {
                        const SupportVerb *sv = &dict->supports[sk - 1];
                        uint32_t p = vp->end, w = 0;
                        /* "gathered in Lagos on Thursday for a rally": a
                         * gathering's place and time come before its "for" */
                        if (sv->gathering) p = skip_adjuncts(s, p, ne.start);
                        while (w < sv->npost && p < ne.start && lemma_is(&s->tok[p], sv->post[w])) p++, w++;
                        if (w < sv->npost) continue;
                        /* what may stand between: the verb's object, a measure */
                        int obj = -1;
                        /* ("handed the British ambassador a note of protest") */
                        if (p + 1 < ne.start && s->tok[p].tag == T_DT && s->tok[p].mention < 0 && s->tok[p + 1].mention >= 0)
                            p++;
                        if (p < ne.start && s->tok[p].mention >= 0 && s->men[s->tok[p].mention].end <= ne.start) {
                            obj = s->tok[p].mention;
                            p = s->men[obj].end;
                        }
                        while (p < ne.start && (s->tok[p].tag == T_DT || s->tok[p].tag == T_JJ || s->tok[p].tag == T_CD ||
                                                tok_word_in(&s->tok[p], MEASURE) || tok_word(&s->tok[p], W_OF)))
                            p++;
                        if (p != ne.start) continue;
                        /* (a gathering's own verb pattern codes the arrival, not the talks) */
                        if (vp->code && vp->block >= 0 && vp->pattern_ref != dict->blocks[vp->block].ref && !sv->gathering) {
                            coded = 1;   /* a pattern of the verb matched: the verb codes it */
                            break;
                        }
                        ne.support = (int)v;
                        ne.support_ref = sv->ref;
                        ne.verb_too = sv->gathering;
                        ne.flags |= vp->flags & (VP_NEGATED | VP_FUTURE);
                        /* "denied carrying out the attack", "denied that it had
                         * ordered the arrest" */
                        for (uint32_t pv = 0; pv < v; pv++)
                            if (lemma_is(&s->tok[s->vp[pv].head], W_DENY)) ne.flags |= VP_NEGATED;
                        if (ne.tgt_m < 0 && obj >= 0) ne.tgt_m = obj;
                        break;
                    }
                    if (coded || ne.support >= 0) break;
                }
                /* fighting (a noun of two sides: clashes, a battle; not an
                 * attack, which the subject may have suffered) in an adjunct
                 * of a clause is its subject's: "retook the village after
                 * fierce fighting with guerrillas"; and so
                 * are the allegations it acts on: "jailed them on allegations
                 * of treason" (the verb keeps its own event) */
                int fight = !strncmp(ne.code, "19", 2) && noun_mutual(e), grounds = !strncmp(ne.code, "11", 2);
                /* and so are talks with someone: "announced the aid after
                 * talks with his Ukrainian counterpart" */
                int talks = !strncmp(ne.code, "04", 2) && noun_mutual(e) && ne.tgt_m >= 0;
                /* and a protest it is done in: "blocked motorways with
                 * tractors in protest at falling prices" */
                int protest = !strncmp(ne.code, "14", 2);
                if (!coded && ne.support < 0 && ne.src_m < 0 && !ne.between && (fight || grounds || talks || protest)) {
                    int v = fought_by_clause(s, &ne, grounds, talks, protest);
                    if (v >= 0) {
                        ne.support = v;
                        ne.verb_too = 1;
                        ne.src_frame = NS_CLAUSE;
                    }
                }
                if (coded || background(d, s, &ne)) continue;
                /* "Macron's visit to Algeria was postponed", "called off the strike" */
                for (uint32_t v = 0; v < s->nvp; v++) {
                    const VerbPhrase *vp = &s->vp[v];
                    if (((vp->start >= ne.end && vp->start <= ne.end + 2) || (vp->end <= ne.start && ne.start - vp->end <= 2)) &&
                        is_any_lemma(&s->tok[vp->head], UNDONE))
                        ne.flags |= VP_NEGATED;
                }
                /* "a meeting between Xi and Putin later this year", "talks next week" */
                for (uint32_t j = ne.end; j < ne.end + 3 && j < s->ntok; j++)
                    if (tok_word_in(&s->tok[j], TIME_AHEAD)) ne.flags |= VP_FUTURE;
                if (n == cap) {
                    uint32_t nc = cap ? cap * 2 : 4;
                    out = arena_grow(d->arena, out, cap * sizeof *out, nc * sizeof *out);
                    cap = nc;
                }
                out[n++] = ne;
            }
        }
        s->nn = out;
        s->nnn = n;
    }
}
