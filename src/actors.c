/* actors.c - stage 4: actor mentions */
#include "actors.h"
#include "wordlist.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "dates.h"
#include "segment.h"
#include "words.h"

typedef struct {
    uint32_t start, end;
    int actor;      /* 1 + actor entry, 0 none */
    int agent;      /* 1 + agent entry, 0 none */
    Sym city;       /* a city only the gazetteer knows: its country's code (actor: the country's entry) */
    uint8_t congo;  /* the one word "Congo" (1) or "Congolese" (2), read by the article (match_code) */
} Match;

/* Longest match in trie from token i; returns length, sets *leaf. */
/* "al-Qaeda", "ad-Dawla": a name whose capital follows a particle */
static int inner_capital(const Token *t)
{
    for (size_t c = 1; c + 1 < t->n; c++)
        if (t->s[c] == '-' && t->s[c + 1] >= 'A' && t->s[c + 1] <= 'Z') return 1;
    return 0;
}

static uint32_t longest(const Dict *d, int trie, const Sentence *s, uint32_t i, uint32_t *leaf)
{
    uint32_t node = 1, best = 0;
    *leaf = 0;
    for (uint32_t j = i; j < s->ntok; j++) {
        const Token *t = &s->tok[j];
        uint32_t nx = dict_step(d, trie, node, t->lower);
        if (!nx) break;
        node = nx;
        uint32_t lf = dict_leaf(d, trie, node);
        if (lf) {
            best = j + 1 - i;
            *leaf = lf;
        }
    }
    return best;
}

Sym actor_country(Sym code)
{
    const char *c = sym_name(code);
    if (strlen(c) < 3) return 0;
    if (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3) || !strncmp(c, "MNC", 3))
        return 0;
    return sym_find(c, 3);
}

/* country + agent: RUS + GOV -> RUSGOV; a code that already carries an
 * agent keeps it. */
static Sym combine(Sym actor, Sym agent, int prefix)
{
    if (!agent) return actor;
    if (!actor) return agent;
    const char *a = sym_name(actor);
    size_t an = strlen(a);
    if (an != 3) return actor;
    const char *g = sym_name(agent);
    size_t gn = strlen(g);
    char buf[64];
    if (an + gn >= sizeof buf) return actor;
    if (prefix) {
        memcpy(buf, g, gn);
        memcpy(buf + gn, a, an);
    } else {
        memcpy(buf, a, an);
        memcpy(buf + an, g, gn);
    }
    return sym_intern(buf, an + gn);   /* bounded: codes x agents */
}

/* Several agents on one actor: "An MSF Arnor diplomat" -> NGO + ARN + GOV,
 * "Danish Islamist media" -> DNK + MUS + MED.  Prefix agents go before the
 * base code in the order found, suffix agents after it; an agent code the
 * running code already holds at a 3-letter boundary is not added again. */
static int holds_aligned(const char *code, size_t len, const char *g, size_t gl)
{
    for (size_t o = 0; o + gl <= len; o += 3)
        if (!memcmp(code + o, g, gl)) return 1;
    return 0;
}

static Sym assemble(Sym base, const Sym *ag, const uint8_t *pre, int n)
{
    char buf[128];
    size_t len = 0;
    const char *b = sym_name(base);
    size_t bl = strlen(b);
    /* prefixes first, in the order found */
    for (int i = 0; i < n; i++) {
        if (!pre[i]) continue;
        const char *g = sym_name(ag[i]);
        size_t gl = strlen(g);
        if (holds_aligned(buf, len, g, gl) || holds_aligned(b, bl, g, gl) || len + gl + bl >= sizeof buf) continue;
        memcpy(buf + len, g, gl);
        len += gl;
    }
    memcpy(buf + len, b, bl);
    len += bl;
    for (int i = 0; i < n; i++) {
        if (pre[i]) continue;
        const char *g = sym_name(ag[i]);
        size_t gl = strlen(g);
        if (holds_aligned(buf, len, g, gl) || len + gl >= sizeof buf) continue;
        memcpy(buf + len, g, gl);
        len += gl;
    }
    return sym_intern(buf, len);
}

/* "the two sides", "both countries": the tokens it spans at i, 0 none */
static uint32_t both_phrase(const Sentence *s, uint32_t i)
{
    static const char *const nouns[] = {"sides", "countries", "nations", "leaders", "governments", "ministers",
                                        "presidents", "neighbours", "neighbors", "parties", "delegations", "states",
                                        NULL};
    unsigned c = (unsigned char)s->tok[i].s[0] | 32u;   /* most words are neither: by length and first letter */
    if (!((s->tok[i].n == 3 && c == 't') || (s->tok[i].n == 4 && c == 'b'))) return 0;
    uint32_t n = 0;
    if (i + 2 < s->ntok && tok_is(&s->tok[i], "the") && tok_is(&s->tok[i + 1], "two")) n = 2;
    else if (i + 1 < s->ntok && tok_is(&s->tok[i], "both")) n = 1;
    if (!n) return 0;
    /* "officials on both sides said", "casualties in both countries": a
     * phrase that says where, not who */
    static const char *const where[] = {"on", "from", "in", NULL};
    /* ... but "called on both sides to return to talks" asks them */
    static const char *const call[] = {"call", "calls", "called", "calling", NULL};
    if (i > 0 && tok_is_any(&s->tok[i - 1], where) &&
        !(i > 1 && tok_is(&s->tok[i - 1], "on") && tok_is_any(&s->tok[i - 2], call)))
        return 0;
    for (const char *const *w = nouns; *w; w++)
        if (tok_is(&s->tok[i + n], *w)) return n + 1;
    return 0;
}

/* Nouns that stand for an organisation named before: "NATO ... the
 * alliance said", "the EU ... the bloc's strategy". */
static const char *const ORG_NOUNS[] = {"alliance", "bloc", "organisation", "organization", "group", "movement",
                                        "militia", NULL};
/* Heads that name someone who holds an office in the body before them */
static const char *const ROLE_HEADS[] = {"leader", "leaders", "chief", "head", "commander", "commanders", "spokesman",
                                         "spokeswoman", "spokesperson", "official", "officials", "member", "members",
                                         "representative", "representatives", "negotiator", "envoy", "founder", NULL};

/* What a body gives, trades or keeps up with others, named with the body
 * as its kind ("military aid", "security cooperation", "police training"):
 * no actor of its own, unlike "a police station" or "an army convoy"
 * (attacked, they are the police's and the army's) */
static const char *const GIVEN_THINGS[] = {"aid", "assistance", "support", "cooperation", "co-operation", "ties",
                                           "relations", "exports", "imports", "sales", "spending", "budget",
                                           "equipment", "hardware", "supplies", "technology", "training", "package",
                                           "program", "programme", "programs", "programmes", "reform", "reforms",
                                           "deal", "pact", "links", NULL};

static const char *const FORMAL_ORG_NOUNS[] = {"alliance", "bloc", "organisation", "organization", NULL};

/* Is the code an armed or insurgent group's ("PSEREBHMS", "SDNREBRSF")? */
static int armed_group(Sym code)
{
    const char *c = sym_name(code);
    return strstr(c, "REB") || strstr(c, "INS") || strstr(c, "UAF") || strstr(c, "SEP");
}

/* Is the place preposition at token p where someone is ("as Prime
 * Minister Ariel Henry was in Kenya seeking support"), not where the
 * sentence's events are? */
int whereabouts(const Sentence *s, uint32_t p)
{
    static const char *const staying[] = {"was", "is", "were", "are", "been", "be", "being", "remained", "remains",
                                          "stayed", "stays", NULL};
    return p >= 1 && tok_is_any(&s->tok[p - 1], staying);
}

/* Verbs of saying whose subject a pronoun after them may be ("Nigeria said
 * it would", "Idowu said he"), by lemma; and the forms that end an
 * attribution ("..., police and media said"), by word. */
static const char *const SAYING[] = {"say", "add", "announce", "state", "claim", "insist", "explain", "note", "write",
                                     NULL};
static const char *const SAID[] = {"said", "says", "say", "told", "tells", "reported", "reports", "announced",
                                   "added", NULL};

/* Past adverbs and a day between a subject and its verb, from token j
 * (not beyond i): "rebels on Friday again rejected", "Iran Tuesday
 * accused", "police late on Sunday arrested" */
static uint32_t over_day(const Sentence *s, uint32_t j, uint32_t i)
{
    for (uint32_t from = j; j < i && j - from < 6;) {
        const Token *t = &s->tok[j];
        if (t->tag == T_RB || weekday_from_name(t->s, t->n) >= 0) j++;
        else if ((tok_is(t, "on") || tok_is(t, "late") || tok_is(t, "early")) && j + 1 < i &&
                 (weekday_from_name(s->tok[j + 1].s, s->tok[j + 1].n) >= 0 || tok_is(&s->tok[j + 1], "on")))
            j++;
        else break;
    }
    return j;
}

/* "..., relief officials in Nairobi said", "..., a spokesman in Kabul on
 * Monday told": the place preposition at token p, in an attribution after
 * what it reports, says where whoever reports is, not where what is
 * reported happened ("rebels in Pakistan said they would" is where the
 * rebels are) */
int speaker_place(const Sentence *s, uint32_t p)
{
    if (p == 0 || !TAG_IS_NOUN(s->tok[p - 1].tag)) return 0;
    uint32_t b = p - 1;   /* the speaker's words, back to the comma after what is reported */
    while (b > 0 && p - b < 6 &&
           (TAG_IS_NOUN(s->tok[b - 1].tag) || s->tok[b - 1].tag == T_JJ || s->tok[b - 1].tag == T_DT))
        b--;
    if (b == 0 || s->tok[b - 1].tag != T_COMMA) return 0;
    uint32_t j = p + 1;
    while (j < s->ntok && j < p + 7 &&
           (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ || s->tok[j].tag == T_NNP || s->tok[j].tag == T_NNPS ||
            tok_is(&s->tok[j], "of") || is_place_noun(&s->tok[j])))
        j++;
    j = over_day(s, j, s->ntok);
    return j < s->ntok && tok_is_any(&s->tok[j], SAID);
}

int is_place_prep(const Token *t)
{
    static const char *const w[] = {"in", "at", "near", "outside", "across", "through", NULL};
    return tok_is_any(t, w);
}

int is_place_noun(const Token *t)
{
    static const char *const w[] = {"capital", "city", "town", "village", "province", "region", "district",
                                    "state", "port", "county", "area", "sector", "outskirts", "suburb", "suburbs",
                                    NULL};
    return tok_is_any(t, w);
}

/* Verbs of coming to a place ("arrived in Jakarta"), whose subject is no
 * one of that place. */
static const char *const ARRIVE[] = {"arrived", "arrives", "arrive", "arriving", "landed", "lands", "landing",
                                     "travelled", "traveled", "flew", "returned", "stopped", NULL};

/* Is the match at token st where someone arrives ("arrived in Jakarta")? */
static int arrival_place(const Sentence *s, uint32_t st)
{
    return st >= 2 && tok_is_any(&s->tok[st - 2], ARRIVE) &&
           (tok_is(&s->tok[st - 1], "in") || tok_is(&s->tok[st - 1], "at") || tok_is(&s->tok[st - 1], "to"));
}

/* Does a mention cover any token of [a, b)? */
static int covered(const Mention *men, uint32_t nmen, uint32_t a, uint32_t b)
{
    for (uint32_t k = 0; k < nmen; k++)
        if (men[k].start < b && men[k].end > a) return 1;
    return 0;
}

/* Nouns of a person's office that stand for the person named before. */
static const char *const ROLES[] = {"minister", "president", "premier", "chancellor", "envoy", "ambassador",
                                    "diplomat", "secretary", "leader", "king", "queen", "emir", "prince",
                                    "general", "commander", "mayor", "governor", "spokesman", "spokeswoman", NULL};

/* The person named before whom "the minister" (tokens [a, b), agent
 * code agent) stands for: named holds the last person named; his code
 * must carry the same agent (RUSGOV for GOV).  0 none. */
static Sym role_person(const Sentence *s, uint32_t a, uint32_t b, Sym agent, Sym named)
{
    /* (one word, or a role with its modifiers: "the crown prince", "the
     * foreign minister") */
    if (!named || !agent || a == 0 || b < a + 1 || b > a + 3) return 0;
    const Token *t = &s->tok[b - 1];
    for (uint32_t q = a; q + 1 < b; q++)
        if (!(s->tok[q].tag == T_JJ || s->tok[q].tag == T_NN || s->tok[q].tag == T_NNP)) return 0;
    if (!(s->tok[a - 1].n == 3 && !strncasecmp(s->tok[a - 1].s, "the", 3))) return 0;
    int role = 0;
    for (const char *const *r = ROLES; *r && !role; r++)
        role = t->n == strlen(*r) && !strncasecmp(t->s, *r, t->n);
    if (!role) return 0;
    const char *pc = sym_name(named), *ac = sym_name(agent);
    return strlen(pc) > 3 && !strncmp(pc + 3, ac, strlen(ac)) ? named : 0;
}

/* A name the dictionaries do not know (or know for other years) after an
 * office they do: "French National Assembly president Laurent Fabius",
 * "opposition leader Jane Roe" - the name is the office's person, one
 * mention (mentions in token order) */
static void titled_names(const Sentence *s, Mention *men, uint32_t nmen)
{
    static const char *const not_names[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                            "sunday", "january", "february", "march", "april", "may", "june",
                                            "july", "august", "september", "october", "november", "december", NULL};
    for (uint32_t k = 0; k < nmen; k++) {
        Mention *m = &men[k];
        if (!m->has_agent || m->end >= s->ntok) continue;
        const Token *last = &s->tok[m->end - 1];
        int role = 0;
        for (const char *const *r = ROLES; *r && !role; r++) role = tok_is(last, *r);
        if (!role) continue;
        uint32_t e = m->end;
        while (e < s->ntok && e < m->end + 3 && (s->tok[e].tag == T_NNP) && (s->tok[e].flags & TOK_CAP) &&
               !tok_is_any(&s->tok[e], not_names))
            e++;
        if (e == m->end || (e < s->ntok && s->tok[e].tag == T_NNP)) continue;   /* no name, or a longer run */
        if (k + 1 < nmen && men[k + 1].start < e) continue;   /* the next words are an actor of their own */
        m->titled = (uint8_t)(e - m->end);   /* how many words of the name (dict suggest lists them) */
        m->end = e;
    }
}

static int is_pronoun(const Token *t)
{
    return t->tag == T_PRP && (tok_is(t, "he") || tok_is(t, "him") || tok_is(t, "she") || tok_is(t, "her"));
}

/* A count standing for people, the object of a verb: "killing 12 and
 * wounding five others", "arrested at least 45 on Sunday", "detained
 * dozens".  Returns the tokens it takes (the number and "others"), 0 when
 * token i is none: a number before a noun counts that noun ("12
 * soldiers", "5 percent"), a year is no count. */
static uint32_t bare_count(const Sentence *s, uint32_t i)
{
    static const char *const MANY[] = {"dozens", "hundreds", "thousands", "scores", NULL};
    static const char *const ABOUT[] = {"at", "least", "about", "some", "nearly", "almost", "around", "roughly",
                                        "more", "than", "over", "another", "a", "further", NULL};
    static const char *const AFTER[] = {"others", "more", NULL};
    static const char *const NOT_AFTER[] = {"per", "of", "percent", "to", NULL};
    const Token *t = &s->tok[i];
    /* (most tokens are neither: by tag first) */
    if (t->tag != T_CD && (t->tag != T_NNS || !tok_is_any(t, MANY))) return 0;
    if (t->n == 4 && (t->s[0] == '1' || t->s[0] == '2') && isdigit((unsigned char)t->s[1]) &&
        isdigit((unsigned char)t->s[3]))
        return 0;   /* "in 2024" */
    uint32_t v = i;
    while (v > 0 && v + 4 > i && tok_is_any(&s->tok[v - 1], ABOUT)) v--;
    if (v == 0 || !TAG_IS_VERB(s->tok[v - 1].tag)) return 0;
    uint32_t e = i + 1;
    if (e < s->ntok && tok_is_any(&s->tok[e], AFTER)) e++;
    if (e == s->ntok) return e - i;
    const Token *n = &s->tok[e];
    if (tok_is_any(n, NOT_AFTER)) return 0;
    int ends = n->tag == T_COMMA || n->tag == T_PERIOD || n->tag == T_COLON || n->tag == T_CC || n->tag == T_IN ||
               n->tag == T_RB || n->tag == T_TO || n->tag == T_RQUOTE;
    return ends ? e - i : 0;
}

int name_goes_on(const Sentence *s, uint32_t e)
{
    static const char *const joins[] = {"de", "del", "do", "da", "dos", "das", NULL};
    return e + 1 < s->ntok && !(s->tok[e].flags & TOK_CAP) && tok_is_any(&s->tok[e], joins) &&
           (s->tok[e + 1].flags & TOK_CAP) && s->tok[e + 1].tag == T_NNP;
}

/* A city no dictionary lists, named at token i as a place: capitalised
 * names (up to three words, none a common lower-case word, a month or a
 * day) that the gazetteer gives one country, after "in", "at", "near",
 * "outside", ... or "the town of", "the West Bank city of": "fired at
 * targets in Jericho", "near the town of Samarra".  Its country's code and
 * *n its words; 0 none. */
static Sym gazetteer_place(const Sentence *s, uint32_t i, const Gazetteer *gaz, const WordList *words, Sym home,
                           uint32_t *n)
{
    if (i == 0 || s->tok[i].tag != T_NNP || !(s->tok[i].flags & TOK_CAP)) return 0;
    const Token *p = &s->tok[i - 1];
    int after = is_place_prep(p) ||
                (tok_is(p, "of") && i >= 2 && is_place_noun(&s->tok[i - 2]) && !tok_is(&s->tok[i - 2], "state"));
    if (!after) return 0;
    uint32_t e = i;
    while (e < s->ntok && e - i < 4 && s->tok[e].tag == T_NNP && (s->tok[e].flags & TOK_CAP))
        e++;
    if (e - i > 3 || (e < s->ntok && s->tok[e].tag == T_POS)) return 0;
    if (name_goes_on(s, e)) return 0;   /* "Santiago de Cuba": not "Santiago" */
    char name[128];
    size_t len = 0;
    for (uint32_t k = i; k < e; k++) {
        const Token *t = &s->tok[k];
        if (wordlist_case(words, t->s, t->n) & WL_LOWER) return 0;   /* "Reading", "Mobile" */
        if (month_from_name(t->s, t->n) || weekday_from_name(t->s, t->n) >= 0) return 0;
        if (len + t->n + 1 >= sizeof name) return 0;
        if (k > i) name[len++] = ' ';
        memcpy(name + len, t->s, t->n);
        len += t->n;
    }
    /* a city of that name in the article's country is that one; another
     * country's, only when one country has it and it is no saint's name
     * Spanish and Portuguese speakers give to towns the world over ("Santa
     * Cruz", "San Miguel") */
    if (home && gazetteer_city_is_in(gaz, name, len, sym_name(home))) {
        *n = e - i;
        return home;
    }
    static const char *const saint[] = {"san", "santa", "santo", "são", "sao", "st", "st.", "saint", "sainte", NULL};
    if (tok_is_any(&s->tok[i], saint)) return 0;
    const char *iso = gazetteer_city_country(gaz, name, len);
    if (!iso) return 0;
    *n = e - i;
    return sym_intern(iso, strlen(iso));
}

/* Is match k a country, named alone (no agent or thing of it), that a verb
 * or "at", "against", "on", "toward" acts on: "fired rockets at Israel",
 * "threatened to attack the United States"? */
static int acted_on(const Sentence *s, const Match *m, uint32_t nm, uint32_t k)
{
    static const char *const at[] = {"at", "against", "on", "toward", "towards", "into", NULL};
    if (k + 1 < nm && m[k + 1].agent && m[k + 1].start <= m[k].end + 1) return 0;   /* "US troops": people of it */
    /* "boycott Algeria's elections", "an American flag": a thing of the
     * country, which may be where they are */
    if (m[k].end < s->ntok && (s->tok[m[k].end].tag == T_POS || TAG_IS_NOUN(s->tok[m[k].end].tag))) return 0;
    uint32_t b = m[k].start;
    while (b > 0 && m[k].start - b < 3 && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ)) b--;
    if (b == 0) return 0;
    const Token *p = &s->tok[b - 1];
    return tok_is_any(p, at) || p->tag == T_VBD || p->tag == T_VBZ || p->tag == T_VBP || p->tag == T_VB || p->tag == T_VBG;
}

/* The longest actor and agent names of sentence si, left to right, into m
 * (room for one a token): a longer name starting inside one wins, a name out
 * of its dates is noted and skipped.  Returns how many. */
static uint32_t match_names(Doc *d, uint32_t si, const Dict *dict, const WordList *words, const Gazetteer *gaz,
                            const Options *o, int date, Match *m)
{
    const Sentence *s = &d->sent[si];
    uint32_t nm = 0;
    for (uint32_t i = 0; i < s->ntok;) {
        uint32_t la, lg;
        uint32_t na = longest(dict, TRIE_ACTOR, s, i, &la);
        uint32_t ng = longest(dict, TRIE_AGENT, s, i, &lg);
        /* "official contact", "an official visit": the adjective */
        if (ng == 1 && conventions(o)->agent_context && tok_is(&s->tok[i], "official") && i + 1 < s->ntok &&
            TAG_IS_NOUN(s->tok[i + 1].tag) && s->tok[i].tag == T_JJ)
            ng = 0;
        /* a lone capitalised-only match on a lower-case token ("us",
         * "chad" the verb) is no actor */
        /* "arrived in china" in a lower-case feed; "the rsf", "m23": a
         * short name no word list has as a common word */
        if (na == 1 && !(s->tok[i].flags & (TOK_CAP | TOK_ALLCAP)) && s->tok[i].tag != T_NNP &&
            !inner_capital(&s->tok[i]) &&
            !(d->caseless && (s->tok[i].n >= 4 || !(wordlist_case(words, s->tok[i].s, s->tok[i].n) & WL_LOWER))))
            na = 0;
        if (!na && conventions(o)->led_by) {
            /* "Saudi-led coalition", "Vietnamese-led forces": the leader's */
            const Token *t = &s->tok[i];
            if (t->n > 4 && t->n < 64 && !strncasecmp(t->s + t->n - 4, "-led", 4)) {
                char low[64];
                for (size_t c = 0; c + 4 < t->n; c++) low[c] = (char)tolower((unsigned char)t->s[c]);
                Sym p = sym_find(low, t->n - 4);
                uint32_t node = p ? dict_step(dict, TRIE_ACTOR, 1, p) : 0;
                uint32_t lf = node ? dict_leaf(dict, TRIE_ACTOR, node) : 0;
                if (lf) na = 1, la = lf;
            }
        }
        if (na && dict_actor_code(dict, &dict->actors[la - 1], date) == 0) {   /* restricted out or [---] */
            doc_note(d, si, NOTE_DATE_RESTRICTED, i, i + na, dict->actors[la - 1].ref, NULL);
            na = 0;
        }
        if (!na && !ng && conventions(o)->agent_context && (ng = bare_count(s, i)) > 0) {
            /* people counted, not named: as "people" */
            Sym w = sym_find("people", 6);
            uint32_t node = w ? dict_step(dict, TRIE_AGENT, 1, w) : 0;
            lg = node ? dict_leaf(dict, TRIE_AGENT, node) : 0;
            if (!lg) ng = 0;
        }
        if (!na && !ng) {
            uint32_t nc = 0;
            Sym home = d->place_country ? d->place_country : d->default_country;
            Sym city = gaz && conventions(o)->agent_context && !d->caseless ? gazetteer_place(s, i, gaz, words, home, &nc) : 0;
            /* it stands as its country's own entry */
            uint32_t entry = city ? u64map_get(&dict->country, city) : 0;
            if (entry) m[nm++] = (Match){.start = i, .end = i + nc, .actor = (int)entry, .city = city};
            i += entry ? nc : 1;
            continue;
        }
        /* a longer name starting inside this one wins: "President Xi
         * Jinping" is Xi Jinping, not "President Xi" + "Jinping" */
        if (na > 1 && na >= ng) {
            for (uint32_t j = i + 1; j < i + na; j++) {
                uint32_t lj, nj = longest(dict, TRIE_ACTOR, s, j, &lj);
                if (j + nj > i + na && dict_actor_code(dict, &dict->actors[lj - 1], date)) {
                    na = j + nj - i;
                    la = lj;
                }
            }
        }
        Match *x = &m[nm++];
        x->start = i;
        if (na >= ng) {
            x->end = i + na;
            x->actor = (int)la;
            x->agent = 0;
        } else {
            x->end = i + ng;
            x->agent = (int)lg;
            x->actor = 0;
        }
        x->city = 0;
        x->congo = x->end == i + 1 ? (uint8_t)(tok_is(&s->tok[i], "congo") ? 1 : tok_is(&s->tok[i], "congolese") ? 2 : 0) : 0;
        i = x->end;
    }
    return nm;
}

/* What the sentences before leave for the next one to refer to */
typedef struct Context {
    Sym last_person;        /* the last person (or agent of one) named */
    Sym last_named;         /* the last person named by name, for role nouns */
    Sym last_org;           /* the last organisation named ("NATO ... the alliance") */
    Sym two[2];             /* the last two actors named, for "the two sides" */
    Sym prev_group;         /* the first group the sentence before named, for "it" */
    uint8_t drc;            /* the article names the Democratic Republic of the Congo or its places */
    uint8_t roc;            /* ... the Republic of the Congo by more than "Congo" ("Brazzaville") */
    Sym cod, cog;           /* the two Congos' codes (0 without the news conventions) */
    struct {                /* people named after their office ("President Dina Boluarte"), by surname */
        const Token *surname;   /* in the document's sentences */
        Mention as;
    } named[16];
    uint32_t nnamed;        /* how many were named (the latest 16 kept) */
} Context;

/* The code of match m, an actor: "Congo" alone is the Democratic Republic
 * in an article that names it or its places ("GOMA, Jan 27 - ... Congo cut
 * ties"), the ISO short name's state otherwise; "Congolese" is the Republic
 * in an article that names that by more than "Congo" ("BRAZZAVILLE, ...
 * Congolese troops"), the Democratic Republic otherwise */
static Sym match_code(const Dict *dict, const Match *m, int date, const Context *cx)
{
    Sym c = dict_actor_code(dict, &dict->actors[m->actor - 1], date);
    if (m->congo == 1 && c == cx->cog && cx->drc) return cx->cod;
    if (m->congo == 2 && c == cx->cod && cx->roc && !cx->drc) return cx->cog;
    return c;
}

/* The country a people named by its origin lives in, 0 none or the same:
 * "ethnic" before the mention [start, end) or "minority", "population" or
 * "community" after it ("ethnic Albanians", "the Hungarian minority in
 * Romania"); where the sentence places its events, else the dateline's
 * country, else the sentence's other country ("Kyrgyz police detained
 * ethnic Uzbeks"). */
static Sym residence(const Sentence *s, uint32_t start, uint32_t end, Sym origin, const Match *m, uint32_t nm,
                     const Dict *dict, int date, const Context *cx, Sym place_country, Sym dateline)
{
    static const char *const group[] = {"minority", "minorities", "population", "community", NULL};
    if (!(start > 0 && tok_is(&s->tok[start - 1], "ethnic")) && !(end < s->ntok && tok_is_any(&s->tok[end], group)))
        return 0;
    Sym own = actor_country(origin), home = place_country;
    if (!home || home == own) home = dateline ? actor_country(dateline) : 0;
    for (uint32_t k = 0; k < nm && (!home || home == own); k++)
        if (m[k].actor && dict->actors[m[k].actor - 1].kind == MK_COUNTRY)
            home = actor_country(match_code(dict, &m[k], date, cx));
    return home && home != own ? home : 0;
}

/* The people this sentence names after their office, by the name's last
 * word, for the sentences after it ("Boluarte blamed ...") */
static void remember_surnames(Context *cx, const Sentence *s, const Mention *men, uint32_t nmen)
{
    for (uint32_t k = 0; k < nmen; k++) {
        const Mention *m = &men[k];
        if (!m->titled || !m->code || m->end < 1) continue;
        const Token *last = &s->tok[m->end - 1];
        if (last->n < 3 || !(last->flags & TOK_CAP)) continue;
        uint32_t at = cx->nnamed++ % 16;
        cx->named[at].surname = last;
        cx->named[at].as = *m;
    }
}

/* A surname standing alone (or with "'s") that names a person named
 * before after an office: a mention of that person, in token order
 * ("President Dina Boluarte arrived ... Boluarte accused"); returns the
 * mentions now. */
static uint32_t surnames(const Sentence *s, Mention *men, uint32_t nmen, const Context *cx)
{
    uint32_t known = cx->nnamed < 16 ? cx->nnamed : 16;
    if (!known) return nmen;
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->ntok; i++) {
        while (k < nmen && men[k].end <= i) k++;
        const Token *t = &s->tok[i];
        if ((k < nmen && men[k].start <= i) || t->tag != T_NNP || !(t->flags & TOK_CAP)) continue;
        if ((i > 0 && s->tok[i - 1].tag == T_NNP) || (i + 1 < s->ntok && s->tok[i + 1].tag == T_NNP)) continue;
        int found = -1;
        for (uint32_t q = 0; q < known && found < 0; q++) {   /* the latest first */
            uint32_t at = (cx->nnamed - 1 - q) % 16;
            const Token *sn = cx->named[at].surname;
            if (sn->n == t->n && !strncasecmp(sn->s, t->s, t->n)) found = (int)at;
        }
        if (found < 0) continue;
        memmove(&men[k + 1], &men[k], (nmen - k) * sizeof *men);
        men[k] = cx->named[found].as;
        men[k].start = i;
        men[k].end = i + 1;
        men[k].titled = 0;
        men[k].conj = -1;
        nmen++;
        k++;
    }
    return nmen;
}

/* A mention as one of "the two sides" named last (two[1] the latest): a
 * country, an organisation, a person, a body of a country.  A bare
 * country of a side already there is that side ("Orban met Xi in
 * Beijing": Orban and Xi), and a side of a bare country there takes its
 * place ("China ... Xi Jinping"). */
static void two_push(Sym two[2], const Sentence *s, const Mention *m)
{
    if (m->code == two[0] || m->code == two[1]) return;
    if (!(m->kind == MK_COUNTRY || m->kind == MK_ORG || m->kind == MK_PERSON ||
          (m->kind == MK_AGENT && actor_country(m->code))))
        return;
    /* where something happens is no side ("an offensive in Rafah"), where
     * a visitor arrives is ("Lavrov arrived in China") */
    if (m->kind == MK_COUNTRY && m->start > 0 && s->tok[m->start - 1].tag == T_IN &&
        is_place_prep(&s->tok[m->start - 1]) && !(m->start > 1 && tok_is_any(&s->tok[m->start - 2], ARRIVE)))
        return;
    const char *mc = sym_name(m->code);
    /* civilians and refugees are who a conflict falls on, not its sides */
    size_t ml = strlen(mc);
    /* ... nor are the media that report it ("footage posted on social media") */
    if (m->kind == MK_AGENT && ml >= 6 &&
        (!strcmp(mc + ml - 3, "CVL") || !strcmp(mc + ml - 3, "REF") || !strcmp(mc + ml - 3, "MED")))
        return;
    for (int p = 0; p < 2; p++) {
        const char *tc = two[p] ? sym_name(two[p]) : NULL;
        if (!tc || strncmp(tc, mc, 3) || !actor_country(m->code)) continue;   /* one country */
        if (m->kind == MK_COUNTRY) return;
        if (!tc[3]) {
            two[p] = m->code;
            return;
        }
    }
    two[0] = two[1], two[1] = m->code;
}

/* Does a mention end in a word of an institution ("Al Jazeera television",
 * "the ministry", "the Kremlin", "the White House")? */
static int body_word(const Sentence *s, const Mention *m)
{
    static const char *const body[] = {"television", "tv", "radio", "newspaper", "channel", "agency", "ministry",
                                       "company", "firm", "government", "parliament", "court", "council", "committee",
                                       "police", "army", "military", "media", "broadcaster", "office", "party",
                                       /* seats of power for their governments: "the Kremlin", "the White House" */
                                       "kremlin", "pentagon", "house", "palace", "elysee", "élysée", "administration",
                                       "cabinet", "presidency", "embassy", "department", "regime", "junta",
                                       "authority", "commission", NULL};
    return m->end > 0 && tok_is_any(&s->tok[m->end - 1], body);
}

/* Can a mention be "he" or "she": a person named, not a seat of power; an
 * agent not plural ("protesters") nor an institution */
static int one_person(const Sentence *s, const Mention *m)
{
    if (body_word(s, m)) return 0;
    if (m->kind == MK_PERSON) return 1;
    return m->kind == MK_AGENT && m->has_agent &&
           !(m->end > 0 && (s->tok[m->end - 1].tag == T_NNS || s->tok[m->end - 1].tag == T_NNPS));
}

/* The mentions of a sentence become what the next one may refer to */
static void remember(Context *cx, const Sentence *s, const Mention *men, uint32_t nmen)
{
    for (uint32_t k = 0; k < nmen; k++) {
        /* (one who can be "he" or "she" in the next sentence) */
        if (one_person(s, &men[k])) cx->last_person = men[k].code;
        if (men[k].kind == MK_PERSON && men[k].actor_ref) cx->last_named = men[k].code;
        if (men[k].kind == MK_ORG && men[k].actor_ref) cx->last_org = men[k].code;
        two_push(cx->two, s, &men[k]);
    }
}

/* Is the code an international organisation's ("IGOG20")? */
static int igo(Sym code) { return !strncmp(sym_name(code), "IGO", 3); }

/* The two sides named last before the phrase of span tokens at i ("the two
 * sides", "both countries"): the sentence's, after those of the sentences
 * before.  0 when fewer than two. */
static int two_before(const Context *cx, const Sentence *s, const Mention *men, uint32_t nmen, uint32_t i, uint32_t span,
                      Sym two[2])
{
    two[0] = cx->two[0], two[1] = cx->two[1];
    /* in a relative clause on the actors before ("Egypt and Saudi Arabia,
     * which have hosted talks between the two sides") the two are others,
     * named in the sentences before */
    uint32_t from = 0;
    for (uint32_t j = i; j-- > 1 && i - j < 20;)
        if (s->tok[j - 1].tag == T_COMMA && (s->tok[j].tag == T_WDT || s->tok[j].tag == T_WP)) {
            from = j;
            break;
        }
    /* "Egypt and Saudi Arabia urged both sides": who urges is neither side */
    /* (not "said the two governments had agreed": a subject of its own) */
    uint32_t subj_from = UINT32_MAX, subj_to = 0, v = i, after = i + span;
    while (after < s->ntok && (s->tok[after].tag == T_RB || s->tok[after].tag == T_MD)) after++;
    int own_verb = after < s->ntok && TAG_IS_VERB(s->tok[after].tag);
    while (v > 0 && i - v < 3 && (s->tok[v - 1].tag == T_IN || s->tok[v - 1].tag == T_RB)) v--;
    if (v > 0 && TAG_IS_VERB(s->tok[v - 1].tag) && !own_verb) {
        uint32_t b = v - 1;
        while (b > 0 && (TAG_IS_VERB(s->tok[b - 1].tag) || s->tok[b - 1].tag == T_MD || s->tok[b - 1].tag == T_RB)) b--;
        subj_to = b;
        for (;;) {   /* (the tokens' mentions are not set yet: over the list) */
            uint32_t nb = b;
            for (uint32_t k = 0; k < nmen; k++)
                if (men[k].end == b && men[k].start < b) nb = men[k].start;
            if (nb == b && b > 0 && (s->tok[b - 1].tag == T_CC || s->tok[b - 1].tag == T_COMMA || s->tok[b - 1].tag == T_DT))
                nb = b - 1;
            if (nb == b) break;
            b = nb;
        }
        subj_from = b;
    }
    /* "the two countries", "both governments": states, not the summit
     * of the Group of 20 named between them */
    static const char *const of_states[] = {"countries", "nations", "governments", "states", NULL};
    int states = tok_is_any(&s->tok[i + span - 1], of_states);
    if (states)
        for (int p = 1; p >= 0; p--)
            if (two[p] && igo(two[p])) {
                if (p == 1) two[1] = two[0];
                two[0] = 0;
            }
    for (uint32_t k = 0; k < nmen; k++)
        if (men[k].end <= i && men[k].start >= from && men[k].kind != MK_PRONOUN &&
            !(men[k].start >= subj_from && men[k].end <= subj_to) && !(states && igo(men[k].code)))
            two_push(two, s, &men[k]);
    return two[0] && two[1];
}

/* Words that open a clause hanging on another: "after they stormed" */
static const char *const SUBORDINATORS[] = {"after", "before", "as", "when", "while", "because", "since", "until",
                                            "once", NULL};

int is_subordinator(const Token *t) { return tok_is_any(t, SUBORDINATORS); }

/* The group that opens the sentence as its subject, before token i: the
 * first country, organisation or body named, a verb right after it
 * ("Armed gangs attacked", "Demonstrators, ..., chanted" is not one).
 * 0 none. */
static Sym sentence_subject(const Sentence *s, const Mention *men, uint32_t nmen, uint32_t i, uint32_t *verb_at)
{
    for (uint32_t k = 0; k < nmen && men[k].end <= i; k++) {
        if (!(men[k].kind == MK_COUNTRY || men[k].kind == MK_ORG || men[k].kind == MK_AGENT)) continue;
        uint32_t j = men[k].end;
        if (j < i && s->tok[j].tag == T_COMMA) {   /* over an aside: "Demonstrators, many of them ..., chanted" */
            uint32_t c = j + 1;
            while (c < i && c - j < 14 && s->tok[c].tag != T_COMMA) c++;
            if (c < i && s->tok[c].tag == T_COMMA) j = c + 1;
        }
        j = over_day(s, j, i);
        if (j < i && (TAG_IS_VERB(s->tok[j].tag) || s->tok[j].tag == T_MD)) {
            if (verb_at) *verb_at = j;
            return men[k].code;
        }
        return 0;   /* only the first */
    }
    return 0;
}

/* May mention m be what object pronoun "it" or "them" stands for: a
 * body named with an agent noun (plural for "them"), or an organisation? */
static int pronoun_fits(const Sentence *s, const Mention *m, int them)
{
    if (m->end == 0) return 0;
    if (them) return m->kind == MK_AGENT && m->has_agent && s->tok[m->end - 1].tag == T_NNS;
    return (m->kind == MK_AGENT && m->has_agent) || m->kind == MK_ORG;
}

/* "detained 60 agitators and later released them": the last group of
 * people named before, not the verb's own subject; in a participle clause
 * ("expelled 56 diplomats, accusing them", "sanctioned officials it holds
 * responsible for the crackdown on protesters, banning them") the object
 * of the clause it hangs on.  0 none. */
static Sym object_pronoun(const Sentence *s, const Mention *men, uint32_t nmen, uint32_t i)
{
    int them = tok_is(&s->tok[i], "them");
    for (uint32_t c = i; c-- > 0 && i - c < 12;) {
        if (s->tok[c].tag != T_COMMA) continue;
        /* (", freezing their assets": a participle, however tagged) */
        const Token *p = c + 1 < s->ntok ? &s->tok[c + 1] : NULL;
        if (!p || !(p->tag == T_VBG || (p->n > 4 && !memcmp(p->s + p->n - 3, "ing", 3) &&
                                        (p->tag == T_NN || p->tag == T_JJ))))
            break;
        /* the first verb of the clause before the comma: its main verb,
         * not a relative clause's ("officials it holds responsible") */
        uint32_t st = c;
        while (st > 0 && c - st < 30 && s->tok[st - 1].tag != T_COMMA) st--;
        uint32_t v = st;
        while (v < c && !TAG_IS_VERB(s->tok[v].tag)) v++;
        if (v >= c) break;
        for (uint32_t k = 0; k < nmen; k++)
            if (men[k].start >= v && men[k].end <= c && pronoun_fits(s, &men[k], them)) return men[k].code;
        break;
    }
    int own_seen = 0;
    for (uint32_t k = nmen; k-- > 0;) {
        if (men[k].end > i) continue;
        uint32_t j = men[k].end;
        while (j < s->ntok && (s->tok[j].tag == T_RB || s->tok[j].tag == T_MD)) j++;
        if (j < s->ntok && TAG_IS_VERB(s->tok[j].tag) && !own_seen) {
            /* a subject: the pronoun's own clause's is not what it stands
             * for ("Police arrested them"); when that clause is joined to
             * one before by ", and", the one before may be ("people took
             * to the streets ..., and police fired tear gas to disperse
             * them") */
            uint32_t b = men[k].start;
            while (b > 0 && men[k].start - b < 3 && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ)) b--;
            if (!(b >= 2 && tok_word(&s->tok[b - 1], W_AND) && s->tok[b - 2].tag == T_COMMA)) return 0;
            own_seen = 1;
            continue;
        }
        if (!pronoun_fits(s, &men[k], them)) continue;
        /* ("60 agitators, including two former legislators": the group) */
        uint32_t b = men[k].start;
        while (b > 0 && men[k].start - b < 4 &&
               (s->tok[b - 1].tag == T_CD || s->tok[b - 1].tag == T_JJ || s->tok[b - 1].tag == T_DT))
            b--;
        if (b > 0 && tok_is(&s->tok[b - 1], "including")) continue;
        return men[k].code;
    }
    return 0;
}

/* Pronouns and their kin as mentions of what they stand for: he/him/she/her
 * the last person named (one named before it in its sentence first); it/they
 * as a verb's subject the group named before it, else the first of the
 * sentence before ("Russia fired missiles. It also ..."); "the alliance"
 * the organisation named before; "the two sides" the last two actors.
 * Appended after men[nmen - 1]; returns the new count. */
static uint32_t resolve_pronouns(Sentence *s, Mention *men, uint32_t nmen, const Context *cx, const Conventions *cv)
{
    uint32_t total = nmen;
    for (uint32_t i = 0; i < s->ntok; i++) {
        Sym code = 0;
        if (is_pronoun(&s->tok[i])) {
            /* a person named before it in the same sentence: "Pakistan's
             * foreign minister said he would hold talks"; the object of a
             * verb is not its own subject, the person named last ("Biden
             * congratulated her": not Biden; that would be "herself") */
            static const char *const object[] = {"him", "her", NULL};
            Sym last = 0, before = 0;
            uint32_t last_at = 0;
            uint32_t ro = 0, rc = 0;
            for (uint32_t k = 0; k < nmen && cv->references; k++)
                if (men[k].end <= i && one_person(s, &men[k]) &&
                    /* not one in a relative clause on someone before it, the
                     * pronoun after that clause: "Orban, who has close ties
                     * with Putin, said he" */
                    !(relative_aside(s, men[k].start, &ro, &rc) && rc < i && ro > 1 && men[k].start > ro)) {
                    if (men[k].code != last) before = last, last = men[k].code;
                    last_at = k;
                }
            code = last ? last : cx->last_person;
            /* ... unless that person is itself an object, of a verb after
             * the sentence's actor before it: "Police arrested the
             * opposition leader and charged him" */
            /* (verbs that take no object person: auxiliaries, and reporting
             * verbs, whose clause has a subject of its own: "Biden said
             * Putin had invited him") */
            static const Sym no_object[] = {W_SAY, W_CLAIM, W_ANNOUNCE, W_STATE, W_ADD, W_INSIST, W_BELIEVE, W_THINK,
                                            W_REPORT, W_CONFIRM, W_DENY, W_SUGGEST, W_NOTE, W_ARGUE, W_EXPLAIN, W_BE,
                                            W_HAVE, 0};
            int object_before = 0;
            for (uint32_t t = last_at > 0 ? men[last_at - 1].end : 0; last && t < men[last_at].start; t++) {
                if (TAG_IS_VERB(s->tok[t].tag)) object_before = !tok_lemma_word_in(&s->tok[t], no_object);
                if (tok_word(&s->tok[t], W_THAT)) object_before = 0;
            }
            if (last && !object_before && i > 0 && TAG_IS_VERB(s->tok[i - 1].tag) && tok_is_any(&s->tok[i], object))
                code = before ? before : cx->last_person != last ? cx->last_person : 0;
            /* "Idowu said he had asked": with no one named before it in the
             * sentence, the name right before a speech verb is who "he" or
             * "she" is; one no dictionary knows is someone unknown, not the
             * last person of the sentences before */
            uint32_t sv = i > 1 && tok_is(&s->tok[i - 1], "that") ? i - 2 : i - 1;
            if (!last && i > 1 && !tok_is_any(&s->tok[i], object) && TAG_IS_VERB(s->tok[sv].tag) &&
                tok_lemma_in(&s->tok[sv], SAYING)) {
                uint32_t b = sv;
                while (b > 0 && s->tok[b - 1].tag == T_RB) b--;
                if (b > 0 && s->tok[b - 1].tag == T_NNP && (s->tok[b - 1].flags & TOK_CAP) &&
                    !covered(men, nmen, b - 1, b))
                    code = 0;
            }
        }
        else if (cv->references && s->tok[i].tag == T_PRP && (tok_is(&s->tok[i], "it") || tok_is(&s->tok[i], "they"))) {
            uint32_t j = i + 1;
            while (j < s->ntok && s->tok[j].tag == T_RB) j++;
            if (j < s->ntok && (TAG_IS_VERB(s->tok[j].tag) || s->tok[j].tag == T_MD)) {
                /* "Nigeria said it would ...": a group named before it in
                 * its sentence, else the sentence before's */
                code = cx->prev_group;
                for (uint32_t k = 0; k < nmen && men[k].end <= i; k++)
                    if ((men[k].kind == MK_COUNTRY || men[k].kind == MK_ORG || men[k].kind == MK_AGENT) &&
                        /* "it" is no plural: "officials it holds responsible" */
                        !(tok_is(&s->tok[i], "it") && men[k].kind == MK_AGENT && men[k].end > 0 &&
                          s->tok[men[k].end - 1].tag == T_NNS && !tok_is(&s->tok[men[k].end - 1], "police")))
                        code = men[k].code;
                /* the subject that opens the sentence: in a clause that
                 * hangs on the sentence's own ("a week after they stormed two
                 * prisons", "as they marched"), or in a relative clause of
                 * speech ("criticised the declaration, which it said had been
                 * shaped by Western pressure"); after the opener's own speech
                 * verb ("Egypt, which has mediated between Israel and Hamas,
                 * said it was working"; not "Police arrested members, who
                 * said it") */
                uint32_t sv = i > 1 && tok_is(&s->tok[i - 1], "that") ? i - 2 : i - 1;
                int hangs = i > 0 && (tok_is_any(&s->tok[i - 1], SUBORDINATORS) ||
                                      ((tok_is(&s->tok[i - 1], "which") || tok_is(&s->tok[i - 1], "that")) &&
                                       j < s->ntok && TAG_IS_VERB(s->tok[j].tag) && tok_lemma_in(&s->tok[j], SAYING)));
                int reported = i > 0 && TAG_IS_VERB(s->tok[sv].tag) && tok_lemma_in(&s->tok[sv], SAYING);
                /* "rebels rejected the plan, and said they": a speech verb
                 * coordinated with the opener's, its subject the opener's */
                int joined = reported && sv > 0 && tok_is(&s->tok[sv - 1], "and");
                if (hangs || reported) {
                    uint32_t vat = 0;
                    Sym opener = sentence_subject(s, men, nmen, i, &vat);
                    for (uint32_t q = vat; opener && !hangs && !joined && q < sv; q++)   /* (its own verb group) */
                        if (!(TAG_IS_VERB(s->tok[q].tag) || s->tok[q].tag == T_MD || s->tok[q].tag == T_RB)) opener = 0;
                    if (opener) code = opener;
                }
            }
        }
        /* "detained 60 agitators and later released them": the last
         * group of people named before, not the verb's own subject;
         * "sanctioned the morality police, holding it responsible": the
         * last body named before */
        if (!code && cv->references && s->tok[i].tag == T_PRP && i > 0 && TAG_IS_VERB(s->tok[i - 1].tag) &&
            (tok_is(&s->tok[i], "them") || tok_is(&s->tok[i], "it")) &&
            !(i + 1 < s->ntok && (TAG_IS_VERB(s->tok[i + 1].tag) || s->tok[i + 1].tag == T_MD)))
            code = object_pronoun(s, men, nmen, i);
        /* "the alliance", "the bloc": the organisation named before */
        if (!code && cv->references && i > 0 && tok_is(&s->tok[i - 1], "the") &&
            tok_is_any(&s->tok[i], ORG_NOUNS) && !covered(men, nmen, i, i + 1) &&
            !(i + 1 < s->ntok && (TAG_IS_NOUN(s->tok[i + 1].tag) || tok_is(&s->tok[i + 1], "of")))) {
            /* "the group", "the movement", "the militia": an armed group,
             * or a group of the sentence ("the rebels ... said the group") */
            int armed = !tok_is_any(&s->tok[i], FORMAL_ORG_NOUNS);
            code = cx->last_org && (!armed || armed_group(cx->last_org)) ? cx->last_org : 0;
            for (uint32_t k = 0; k < nmen; k++)   /* one named earlier in the sentence */
                if (men[k].end <= i && ((men[k].kind == MK_ORG && men[k].actor_ref) ||
                                        (armed && men[k].kind == MK_AGENT && armed_group(men[k].code))))
                    code = men[k].code;
        }
        uint32_t span = 0;
        Sym two[2];
        if (!code && cv->references && (span = both_phrase(s, i)) && !covered(men, nmen, i, i + span) &&
            two_before(cx, s, men, nmen, i, span, two)) {
            /* "the two sides", "both countries": the last two actors named;
             * two mentions of one span are one compound */
            for (int p = 0; p < 2; p++) {
                Mention *mm = &men[total++];
                memset(mm, 0, sizeof *mm);
                mm->start = i;
                mm->end = i + span;
                mm->code = two[p];
                mm->kind = MK_PRONOUN;
                mm->conj = -1;
            }
            i += span - 1;
            continue;
        }
        if (!code) continue;
        Mention *mm = &men[total++];
        memset(mm, 0, sizeof *mm);
        mm->start = i;
        mm->end = i + 1;
        mm->code = code;
        mm->kind = MK_PRONOUN;
        mm->conj = -1;
    }
    return total;
}

/* "supporters of the ruling Awami League", "members of Hamas": a body's
 * people are that body's, the mention reaching back over them (a group
 * of no one's, between a mention and its "of", with nothing else there). */
static void supporters_of(const Sentence *s, Mention *men, uint32_t nmen)
{
    static const char *const people[] = {"supporters", "members", "loyalists", "followers", "activists", "partisans",
                                         NULL};
    for (uint32_t k = 0; k < nmen; k++) {
        uint32_t st = men[k].start;
        if (men[k].kind == MK_PRONOUN || men[k].kind == MK_COUNTRY) continue;
        /* over "the ruling", "Hasina's ruling" kept inside the phrase */
        uint32_t of = st;
        while (of > 0 && st - of < 3 && s->tok[of - 1].mention < 0 &&
               (s->tok[of - 1].tag == T_DT || s->tok[of - 1].tag == T_JJ || s->tok[of - 1].tag == T_VBG))
            of--;
        if (of < 2 || !tok_is(&s->tok[of - 1], "of") || !tok_is_any(&s->tok[of - 2], people) ||
            covered(men, nmen, of - 2, of - 1))
            continue;
        men[k].start = of - 2;
    }
}

/* Coordination of the sentence's mentions (men, in token order): "Russia
 * and China", "Mordor, the Shire, Fornost and Bree", "neither X nor Y"
 * linked by Mention.conj; agents spread over a list ("ambassadors of Arnor,
 * Osgiliath and Gondor"), to a country-less partner ("Danish media and
 * government") and back from a shared noun ("Indian and Pakistani
 * troops"). */
static void coordinate(Sentence *s, Mention *men, uint32_t nmen, Arena *a, const Conventions *cv)
{
    uint8_t *link_and = arena_alloc(a, nmen + 1);
    for (uint32_t k = 0; k + 1 < nmen; k++) {
        uint32_t g = men[k].end, h = men[k + 1].start;
        if (men[k + 1].start == men[k].start) {   /* parts of one compound code */
            men[k].conj = (int16_t)(k + 1);
            link_and[k] = 1;
            continue;
        }
        if (h <= g) continue;
        /* "Sudan and, with strings attached, Cuba", "Iran, Syria and, to a
         * lesser extent, Iraq": "and" before an aside between commas */
        uint32_t aside = g + (s->tok[g].tag == T_COMMA);
        if (h - g > 3 && aside + 1 < h && tok_is(&s->tok[aside], "and") && s->tok[h - 1].tag == T_COMMA &&
            (s->tok[aside + 1].tag == T_COMMA || s->tok[aside + 1].tag == T_IN || s->tok[aside + 1].tag == T_TO) &&
            h - g <= 9) {
            int plain = 1;
            for (uint32_t i = aside + 1; i + 1 < h && plain; i++)
                plain = !TAG_IS_VERB(s->tok[i].tag) || s->tok[i].tag == T_VBN || s->tok[i].tag == T_VBG;
            if (plain) {
                men[k].conj = (int16_t)(k + 1);
                link_and[k] = 2;
                continue;
            }
        }
        if (h - g > 5) continue;
        int ok = 1, joins = 0, ands = 0;
        for (uint32_t i = g; i < h && ok; i++) {
            const Token *t = &s->tok[i];
            if (tok_is(t, "and") || tok_is(t, "nor")) joins++, ands++;
            else if (t->tag == T_COMMA) joins++;
            else if (!(t->tag == T_DT || t->tag == T_JJ || t->tag == T_JJS || t->tag == T_RB)) ok = 0;
        }
        if (!ok || !joins) continue;
        /* "killed 30 worshippers, and the president ordered": the second
         * is the subject of a clause of its own */
        /* (a participle tag on a verb with its object: "and protesters
         * set fire to", not "and two soldiers wounded in") */
        const Token *nv = men[k + 1].end < s->ntok ? &s->tok[men[k + 1].end] : NULL;
        int finite = nv && TAG_IS_VERB(nv->tag) && nv->tag != T_VBG &&
                     (nv->tag != T_VBN || (men[k + 1].end + 1 < s->ntok &&
                                           (s->tok[men[k + 1].end + 1].tag == T_DT || s->tok[men[k + 1].end + 1].tag == T_NN ||
                                            s->tok[men[k + 1].end + 1].tag == T_PRPS)));
        if (cv->own_clauses && finite) {
            int comma = 0;
            for (uint32_t i = g; i < h; i++) comma |= s->tok[i].tag == T_COMMA;
            if (comma) continue;
        }
        /* "between A and B, and C and D": two pairs, not one list */
        if (ands && joins > ands && k > 0 && men[k - 1].conj == (int16_t)k && link_and[k - 1] == 2) continue;
        men[k].conj = (int16_t)(k + 1);
        link_and[k] = (uint8_t)(ands ? (joins > ands ? 1 : 2) : 0);   /* 2: a bare "and" */
    }
    /* a comma-only link belongs to a list only when the list ends with "and" */
    for (uint32_t k = 0; k < nmen; k++) {
        if (men[k].conj < 0 || link_and[k]) continue;
        uint32_t c = (uint32_t)men[k].conj;
        while (men[c].conj >= 0 && !link_and[c]) c = (uint32_t)men[c].conj;
        if (men[c].conj < 0) men[k].conj = -1;
    }
    /* "demanding the resignation of Prime Minister Hasina, police and
     * media said": who speaks after a comma is a list of its own, not one
     * with the object before it (a list that opens its clause stays one:
     * "Russia, China and Iran said") */
    for (uint32_t k = 0; k + 1 < nmen; k++) {
        if (men[k].conj != (int16_t)(k + 1) || men[k + 1].start <= men[k].end) continue;
        int comma = 0;
        for (uint32_t i = men[k].end; i < men[k + 1].start; i++) comma |= s->tok[i].tag == T_COMMA;
        if (!comma) continue;
        uint32_t c = k + 1;
        while (men[c].conj > (int16_t)c) c = (uint32_t)men[c].conj;
        uint32_t after = men[c].end;
        while (after < s->ntok && s->tok[after].tag == T_RB) after++;
        if (after >= s->ntok || !tok_is_any(&s->tok[after], SAID)) continue;
        uint32_t b = men[k].start;
        while (b > 0 && s->tok[b - 1].tag == T_DT) b--;
        if (b > 0 && s->tok[b - 1].tag != T_COMMA && s->tok[b - 1].tag != T_CC) men[k].conj = -1;
    }
    /* "ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost
     * and Gondor": the agent reaches every country of the list */
    for (uint32_t k = 0; k < nmen; k++) {
        if (!men[k].agent_pp) continue;
        for (int c = men[k].conj; c >= 0; c = men[c].conj) {
            if (men[c].has_agent || men[c].kind != MK_COUNTRY) break;
            men[c].code = combine(men[c].code, men[k].agent, 0);
            men[c].has_agent = 1;
            men[c].agent = men[k].agent;
            men[c].kind = MK_AGENT;
        }
    }
    /* "Danish media and government": an agent with no country of its
     * own takes the country of the agent it is coordinated with */
    for (uint32_t k = 0; k < nmen; k++) {
        int c = men[k].conj;
        if (c < 0 || !men[k].has_agent || !men[c].has_agent) continue;
        Sym ck = actor_country(men[k].code), cc = actor_country(men[c].code);
        int k_anon = men[k].kind == MK_AGENT && (!ck || !strncmp(sym_name(men[k].code), "---", 3));
        int c_anon = men[c].kind == MK_AGENT && (!cc || !strncmp(sym_name(men[c].code), "---", 3));
        if (c_anon && !k_anon && ck) men[c].code = combine(ck, men[c].agent, 0);
        else if (k_anon && !c_anon && cc) men[k].code = combine(cc, men[k].agent, 0);
    }
    /* "Indian and Pakistani troops": the agent is shared */
    for (uint32_t k = nmen; k-- > 0;) {
        int c = men[k].conj;
        if (c < 0 || men[k].has_agent || !men[c].has_agent || men[k].kind != MK_COUNTRY) continue;
        if (men[c].start != men[k].end + 1 || !tok_is(&s->tok[men[k].end], "and")) continue;
        const char *cc = sym_name(men[c].code);
        if (strlen(cc) <= 3 || strlen(sym_name(men[k].code)) != 3) continue;
        char buf[64];
        snprintf(buf, sizeof buf, "%s%s", sym_name(men[k].code), cc + 3);
        men[k].code = sym_intern(buf, strlen(buf));
        men[k].has_agent = 1;
        men[k].kind = MK_AGENT;
    }
}

/* Does a bare country from token `start` to `end` act as a subject: a
 * clause opens with it, and a verb follows over its conjuncts ("The United
 * States and Britain urged"; not "Nepal's ambassador to Congo was")? */
static int country_acts(const Sentence *s, uint32_t start, uint32_t end)
{
    uint32_t b = start;
    while (b > 0 && s->tok[b - 1].tag == T_DT) b--;
    if (b > 0 && s->tok[b - 1].tag != T_COMMA && s->tok[b - 1].tag != T_CC) return 0;
    for (uint32_t j = end; j < s->ntok && j < end + 8; j++) {
        const Token *t = &s->tok[j];
        if (TAG_IS_VERB(t->tag) || t->tag == T_MD) return 1;
        if (!(t->tag == T_CC || t->tag == T_COMMA || t->tag == T_NNP || t->tag == T_NNPS || t->tag == T_DT ||
              t->tag == T_RB))
            return 0;
    }
    return 0;
}

void find_actors(Doc *d, const Dict *dict, const WordList *words, const Gazetteer *gaz, const Options *o)
{
    Arena *a = d->arena;
    int date = d->pubdate;
    /* default country: the dateline's place, else the first country named */
    d->default_country = 0;
    if (d->place) {
        Token tok[16];
        size_t nt = tokenize(d->place, strlen(d->place), tok, 16);
        Sentence ps = {0};
        ps.tok = tok;
        ps.ntok = (uint32_t)nt;
        for (size_t i = 0; i < nt; i++) tok[i].lemma = tok[i].lower;
        uint32_t leaf;
        if (nt && longest(dict, TRIE_ACTOR, &ps, 0, &leaf) == nt) {
            Sym c = dict_actor_code(dict, &dict->actors[leaf - 1], date);
            d->place_code = c;
            d->default_country = actor_country(c);
        } else if (d->place_gaz && conventions(o)->agent_context) {
            /* "CHANDIGARH, Feb 14 - Police fired": a city the dictionaries
             * lack, of the country the gazetteer puts it in */
            d->place_code = d->place_gaz;
            d->default_country = actor_country(d->place_gaz);
        }
    }
    Context cx = {0};
    if (conventions(o)->agent_context) {
        cx.cod = sym_intern("COD", 3);
        cx.cog = sym_intern("COG", 3);
        cx.drc = d->default_country == cx.cod;
        cx.roc = d->default_country == cx.cog;
    }
    Sym anon = conventions(o)->suite_agents ? sym_intern("---", 3) : 0;   /* "---GOV": an agent of no known country */
    int story_discard = 0;
    for (uint32_t si = 0; si < d->nsent; si++) {
        Sentence *s = &d->sent[si];
        /* discards */
        for (uint32_t i = 0; i < s->ntok; i++) {
            uint32_t leaf;
            if (longest(dict, TRIE_DISCARD, s, i, &leaf)) {
                s->discarded = 1;
                if (dict->discard_story[leaf - 1]) story_discard = 1;
                break;
            }
        }
        /* raw matches */
        Match *m = arena_alloc(a, (s->ntok + 1) * sizeof *m);
        uint32_t nm = match_names(d, si, dict, words, gaz, o, date, m);
        arena_shrink(a, m, (s->ntok + 1) * sizeof *m, (nm + 1) * sizeof *m);
        if (!d->default_country && conventions(o)->agent_context)
            for (uint32_t k = 0; k < nm; k++)
                if (m[k].actor && dict->actors[m[k].actor - 1].kind == MK_COUNTRY && !arrival_place(s, m[k].start) &&
                    !acted_on(s, m, nm, k)) {
                    d->default_country = actor_country(dict_actor_code(dict, &dict->actors[m[k].actor - 1], date));
                    if (d->default_country) break;
                }
        /* combine matches into mentions */
        /* the country of agents that name none: see agent_country below */
        Sym sent_country = 0;
        int ncountries = 0;
        for (uint32_t k = 0; k < nm; k++) {
            /* the suite's conventions count country names only; news text
             * any actor of a country ("M23 rebels", a minister by name) */
            if (!m[k].actor || (conventions(o)->suite_agents && dict->actors[m[k].actor - 1].kind != MK_COUNTRY)) continue;
            /* where someone arrives is not where its unnamed agents are from */
            if (conventions(o)->agent_context && arrival_place(s, m[k].start)) continue;
            /* nor is a country acted on ("Militants fired rockets at Israel"),
             * its people or forces unnamed */
            if (conventions(o)->agent_context && acted_on(s, m, nm, k)) continue;
            Sym c = actor_country(match_code(dict, &m[k], date, &cx));
            if (c && c != sent_country) sent_country = c, ncountries++;
        }
        /* a country or capital the sentence places its event in ("a suicide
         * bomber blew himself up at a checkpoint in Mogadishu") says more
         * of its unnamed agents than the dateline's city does */
        Sym place_country = 0;
        uint32_t place_at = 0;
        for (uint32_t k = 0; k < nm && conventions(o)->agent_context; k++) {
            if (!m[k].actor || dict->actors[m[k].actor - 1].kind != MK_COUNTRY || m[k].start == 0) continue;
            /* "in Mogadishu", "in the Georgian capital", "near the southern
             * city of Kherson" */
            uint32_t b = m[k].start;
            while (b > 0 && m[k].start - b < 4 && (k == 0 || b > m[k - 1].end) &&
                   (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ || tok_is(&s->tok[b - 1], "of") ||
                    is_place_noun(&s->tok[b - 1])))
                b--;
            if (b == 0) continue;
            const Token *p = &s->tok[b - 1];
            if (!is_place_prep(p))
                continue;
            if (k + 1 < nm && m[k + 1].agent && m[k + 1].start == m[k].end) continue;   /* "in Kenyan custody" */
            /* "the hostages held in Gaza": a participle's place, not the sentence's */
            if (b >= 2 && (s->tok[b - 2].tag == T_VBN || s->tok[b - 2].tag == T_VBG)) continue;
            /* "the minister arrived in Jakarta": a visitor is not of where he goes */
            if (b >= 2 && TAG_IS_VERB(s->tok[b - 2].tag) && tok_is_any(&s->tok[b - 2], ARRIVE)) continue;
            if (whereabouts(s, b - 1) || speaker_place(s, b - 1)) continue;
            if (acted_on(s, m, nm, k)) continue;   /* "fired rockets at Israel" */
            place_country = actor_country(match_code(dict, &m[k], date, &cx));
            place_at = m[k].start;
            if (place_country) break;
        }
        /* The country of agents that name none: the place the sentence puts
         * its events in; once the article has placed events somewhere, the
         * only country the sentence names, else that last place; before, the
         * dateline's, else the only country the sentence names, else the
         * article's first. */
        Sym agent_country;
        if (place_country) agent_country = place_country;
        else if (d->place_country && conventions(o)->agent_context) agent_country = ncountries == 1 ? sent_country : d->place_country;
        else if (d->place_code) agent_country = actor_country(d->place_code);
        else agent_country = conventions(o)->suite_agents ? 0 : ncountries == 1 ? sent_country : d->default_country;
        if (place_country) d->place_country = place_country;
        /* room for every match split into up to 8 compound parts, and pronouns */
        Mention *men = arena_alloc(a, (nm * 8 + s->ntok + 1) * sizeof *men);
        uint32_t nmen = 0;
        for (uint32_t k = 0; k < nm;) {
            Mention *mm = &men[nmen];
            memset(mm, 0, sizeof *mm);
            mm->conj = -1;
            mm->start = m[k].start;
            Sym country = 0, agent = 0, person = 0;
            int prefix = 0;
            Sym ags[4];          /* every agent of the phrase, the first being `agent` */
            uint8_t agpre[4];
            int nag = 0;
            uint32_t j = k;
            for (; j < nm; j++) {
                /* matches join when adjacent, or separated by 's or "of"/"in"
                 * (+ "the") when an agent comes first */
                if (j > k) {
                    uint32_t gap_s = m[j - 1].end, gap_e = m[j].start;
                    int ok = gap_s == gap_e;
                    if (!ok && gap_e - gap_s == 1 && s->tok[gap_s].tag == T_POS) ok = 1;
                    if (!ok && agent && !country && !person && gap_e - gap_s <= 2 &&
                        (tok_is(&s->tok[gap_s], "of") || tok_is(&s->tok[gap_s], "in") || tok_is(&s->tok[gap_s], "from")) &&
                        (gap_e - gap_s == 1 || tok_is(&s->tok[gap_s + 1], "the")))
                        ok = 2;
                    /* "withdrew its troops from Kherson": whose they are is said */
                    if (ok == 2 && conventions(o)->agent_context && m[k].start > 0 && s->tok[m[k].start - 1].tag == T_PRPS) ok = 0;
                    /* "Western troops in Ukraine", "foreign forces in Syria": not
                     * the country's own */
                    if (ok == 2 && conventions(o)->agent_context && tok_is(&s->tok[gap_s], "in") && m[k].start > 0 &&
                        (tok_is(&s->tok[m[k].start - 1], "western") || tok_is(&s->tok[m[k].start - 1], "foreign") ||
                         tok_is(&s->tok[m[k].start - 1], "international") || tok_is(&s->tok[m[k].start - 1], "allied")))
                        ok = 0;
                    /* the suite's conventions: a phrase whose country has a second
                     * prepositional phrase stays apart ("the parliament | Gondor in Eriador") */
                    if (ok == 2 && conventions(o)->suite_agents && m[j].end + 1 < s->ntok && s->tok[m[j].end].tag == T_IN &&
                        !tok_is(&s->tok[m[j].end], "that"))
                        ok = 0;
                    /* adjectives between a country and an agent: "Russia's top diplomat" */
                    if (!ok && m[j].agent && (country || person) && gap_e - gap_s <= 4) {
                        /* "Russia's top diplomat", "Ithilen's awful and evil minister" */
                        ok = 1;
                        for (uint32_t g = gap_s; g < gap_e; g++)
                            if (s->tok[g].tag != T_JJ && s->tok[g].tag != T_POS && s->tok[g].tag != T_NN &&
                                s->tok[g].tag != T_NNP &&   /* "Dagolath's first Deputy Prime Minister" */
                                !(s->tok[g].tag == T_CC && g > gap_s && s->tok[g - 1].tag == T_JJ))
                                ok = 0;
                    }
                    if (!ok) break;
                    /* a second country or person starts a new mention,
                     * except a name right after a title: "Prime Minister X" */
                    if (m[j].actor) {
                        const ActorEntry *e = &dict->actors[m[j].actor - 1];
                        int titled = ok == 1 && m[j - 1].agent && !person;
                        if (!titled && ((e->kind == MK_COUNTRY && country) || (e->kind != MK_COUNTRY && person))) break;
                        if (ok == 2 && e->kind != MK_COUNTRY) break;
                    } else if (agent && !country && !person && conventions(o)->agent_context &&
                               m[j].start == m[j - 1].end + 1 && s->tok[m[j - 1].end].tag == T_POS &&
                               m[j].end > 0 && tok_is_any(&s->tok[m[j].end - 1], ROLE_HEADS)) {
                        /* "the rebels' leader", "the union's spokesman": the
                         * possessor's office holder, of the possessor's code */
                        continue;
                    } else if (agent && (ok != 1 || m[j - 1].end != m[j].start || nag >= 4)) {
                        break;   /* a second agent joins only right after another word of the phrase */
                    }
                }
                if (m[j].actor) {
                    const ActorEntry *e = &dict->actors[m[j].actor - 1];
                    Sym c = match_code(dict, &m[j], date, &cx);
                    if (cx.cod && actor_country(c) == cx.cod && m[j].congo != 2) cx.drc = 1;
                    if (cx.cog && actor_country(c) == cx.cog && m[j].congo != 1) cx.roc = 1;
                    int titled = j > k && m[j - 1].agent && m[j - 1].end == m[j].start &&
                                 !dict->agents[m[j - 1].agent - 1].prefix;
                    if (e->kind == MK_COUNTRY && !titled) {
                        country = c;
                        if (!mm->actor_ref) mm->actor_ref = m[j].city ? DICT_REF_GAZETTEER : e->ref;
                    } else {
                        person = c;
                        mm->kind = e->kind;
                        mm->actor_ref = e->ref;
                    }
                } else {
                    const AgentEntry *g = &dict->agents[m[j].agent - 1];
                    if (!agent) {
                        agent = g->code;
                        prefix = g->prefix;
                        mm->agent_ref = g->ref;
                    }
                    /* "gang leader", "rebel commander": an office holder of
                     * the body before, of its code alone */
                    int office = nag > 0 && j > k && !m[j - 1].actor && m[j - 1].end == m[j].start &&
                                 m[j].start + 1 == m[j].end && tok_is_any(&s->tok[m[j].start], ROLE_HEADS);
                    if (nag < 4 && !office) {
                        ags[nag] = g->code;
                        agpre[nag++] = g->prefix;
                    }
                }
            }
            mm->end = m[j - 1].end;
            if (person) {
                /* a titled name coded only by its country gives way to a
                 * country named with the title: "Ithilen's minister X" */
                if (agent && strlen(sym_name(person)) == 3)
                    person = nag > 1 ? assemble(country ? country : person, ags, agpre, nag)
                                     : combine(country ? country : person, agent, prefix);
                mm->code = person;
            } else if (country) {
                /* "ethnic Albanians in southern Serbia", "the Turkish
                 * minority": a people of the country they live in, where the
                 * sentence (or else the dateline) places them elsewhere */
                Sym home = conventions(o)->agent_context ? residence(s, mm->start, mm->end, country, m, nm, dict, date,
                                                                     &cx, place_country, d->place_code)
                                                         : 0;
                if (home) {
                    /* its leaders are not the state's government: "leaders
                     * of the Hungarian minority in Romania" */
                    country = home;
                    if (!agent || (nag == 1 && !strcmp(sym_name(agent), "GOV"))) agent = sym_intern("CVL", 3), prefix = 0;
                }
                mm->code = nag > 1 ? assemble(country, ags, agpre, nag) : combine(country, agent, prefix);
                mm->kind = agent ? MK_PERSON : MK_COUNTRY;
                /* a bare country kind stays country; with an agent it is a body */
                if (agent) mm->kind = MK_AGENT;
            } else {
                Sym base = agent_country ? agent_country : anon;
                /* "WASHINGTON - The Treasury Department imposed sanctions on
                 * ... for use in Ukraine": a government body is the
                 * dateline's, not of a place the sentence names far after it
                 * ("Authorities imposed a curfew in Tripoli" are Tripoli's) */
                if (conventions(o)->agent_context && place_country && d->place_code && actor_country(d->place_code) &&
                    agent && !strcmp(sym_name(agent), "GOV") && place_at > m[j - 1].end + 8)
                    base = actor_country(d->place_code);
                /* "foreign troops", "Western diplomats": of no country in context */
                if (conventions(o)->agent_context && mm->start > 0 &&
                    (tok_is(&s->tok[mm->start - 1], "foreign") || tok_is(&s->tok[mm->start - 1], "western") ||
                     tok_is(&s->tok[mm->start - 1], "international")))
                    base = anon;
                /* several countries in the sentence and no dateline: the one
                 * named last before the agent ("Kenyan police arrested
                 * protesters near the Ugandan embassy": Kenyan protesters) */
                if (conventions(o)->agent_context && !place_country && (!d->place_code || d->place_country) && ncountries > 1)
                    for (uint32_t q = nmen; q-- > 0;)
                        if (men[q].end <= mm->start && men[q].actor_ref && actor_country(men[q].code) &&
                            (men[q].kind == MK_COUNTRY || men[q].kind == MK_AGENT || men[q].kind == MK_PERSON) &&
                            /* "The United States and Britain urged restraint by the
                             * security forces": a state that acts is not whose the
                             * agents it acts upon are */
                            !(men[q].kind == MK_COUNTRY && d->place_country && country_acts(s, men[q].start, men[q].end))) {
                            base = actor_country(men[q].code);
                            break;
                        }
                /* "Nigeria said it would withdraw its troops": its is Nigeria's */
                uint32_t open, close;
                int owner = -1;
                if (conventions(o)->references && mm->start > 0 &&
                    (tok_is(&s->tok[mm->start - 1], "its") || tok_is(&s->tok[mm->start - 1], "their")))
                    for (uint32_t q = 0; q < nmen; q++)
                        if (men[q].end <= mm->start && actor_country(men[q].code) &&
                            /* "The junta, which has turned to Russia, denied that its
                             * troops ...": not a country inside a closed aside */
                            !(relative_aside(s, men[q].start, &open, &close) && close < mm->start) &&
                            (men[q].kind == MK_COUNTRY || men[q].kind == MK_ORG || men[q].kind == MK_AGENT))
                            base = actor_country(men[q].code), owner = (int)q;
                mm->code = nag > 1 && base ? assemble(base, ags, agpre, nag) : combine(base, agent, prefix);
                /* "Hamas said its fighters had attacked", "the RSF said its
                 * forces": an organisation's own people are the organisation */
                if (owner >= 0 && men[owner].kind == MK_ORG && !men[owner].has_agent) mm->code = men[owner].code;
                mm->kind = MK_AGENT;
                /* "expanded military cooperation with Iran": a kind of thing */
                if (conventions(o)->agent_context && nag == 1 && m[j - 1].end < s->ntok &&
                    tok_is_any(&s->tok[m[j - 1].end], GIVEN_THINGS))
                    mm->code = 0;
                /* "the two leaders", "both sides": the two named before
                 * (resolve_pronouns), not a body of its own */
                Sym pair[2];
                uint32_t span = mm->start >= 2 && both_phrase(s, mm->start - 2) == 3   ? 3
                                : mm->start >= 1 && both_phrase(s, mm->start - 1) == 2 ? 2
                                                                                       : 0;
                if (conventions(o)->references && nag == 1 && mm->end == mm->start + 1 && span &&
                    two_before(&cx, s, men, nmen, mm->start + 1 - span, span, pair))
                    mm->code = 0;
                /* "the minister", "the envoy": the person of that office named
                 * before ("Sergei Lavrov arrived ... The minister praised") */
                Sym named = conventions(o)->references && nag == 1 ? role_person(s, mm->start, mm->end, agent, cx.last_named) : 0;
                if (named) {
                    mm->code = named;
                    mm->kind = MK_PERSON;
                }
            }
            mm->has_agent = agent != 0;
            mm->agent = agent;
            mm->agent_pp = agent && (country || person) && m[k].agent;
            k = j;
            if (!mm->code) continue;
            nmen++;
            /* compound codes written with '/' ("[ELR/GAL]"): one mention per code */
            const char *slash = strchr(sym_name(mm->code), '/');
            if (slash) {
                char buf[128];
                snprintf(buf, sizeof buf, "%s", sym_name(mm->code));
                Mention base = *mm;
                int first = 1, parts = 0;
                char *sv;
                for (char *part = strtok_r(buf, "/", &sv); part && parts < 8; part = strtok_r(NULL, "/", &sv), parts++) {
                    Mention *x = first ? mm : &men[nmen++];
                    *x = base;
                    x->code = sym_intern(part, strlen(part));
                    if (agent) x->code = combine(x->code, agent, prefix);
                    first = 0;
                }
            }
        }
        if (conventions(o)->references) nmen = surnames(s, men, nmen, &cx);
        uint32_t total = resolve_pronouns(s, men, nmen, &cx, conventions(o));
        /* keep mentions in token order */
        for (uint32_t x = 1; x < total; x++) {
            Mention t = men[x];
            uint32_t y = x;
            while (y > 0 && men[y - 1].start > t.start) men[y] = men[y - 1], y--;
            men[y] = t;
        }
        nmen = total;
        if (conventions(o)->references) {
            titled_names(s, men, nmen);
            remember_surnames(&cx, s, men, nmen);
        }
        if (conventions(o)->references) supporters_of(s, men, nmen);
        for (uint32_t k = nmen; k-- > 0;) {   /* tokens point at the first of mentions sharing a span */
            for (uint32_t i = men[k].start; i < men[k].end; i++) s->tok[i].mention = (int16_t)k;
        }
        remember(&cx, s, men, nmen);
        /* coordination: "Russia and China", "Mordor, the Shire, Fornost and
         * Bree", "Fornost and the evil awful Gondor", "neither X nor Y" */
        arena_shrink(a, men, (nm * 8 + s->ntok + 1) * sizeof *men, (nmen + 1) * sizeof *men);
        coordinate(s, men, nmen, a, conventions(o));
        s->men = men;
        s->nmen = nmen;
        cx.prev_group = 0;
        for (uint32_t k = 0; k < nmen && !cx.prev_group; k++)
            if (men[k].kind == MK_COUNTRY || men[k].kind == MK_ORG || men[k].kind == MK_AGENT) cx.prev_group = men[k].code;
        if (story_discard) s->discarded = 1;
    }
    d->story_discarded = (uint8_t)story_discard;
    if (story_discard)
        for (uint32_t si = 0; si < d->nsent; si++) d->sent[si].discarded = 1;
}
