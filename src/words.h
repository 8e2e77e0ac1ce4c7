/* words.h - the well-known words: symbols whose numbers are known when
 * compiled.  The symbol table interns them first, in this order, so that
 * "be" is always W_BE; a stage tests a token with one integer comparison
 * (t->lemma == W_BE, t->lower == W_AND) instead of comparing strings.
 * Add a word at the end of its group; the order is the numbering. */
#ifndef HERODOTUS_WORDS_H
#define HERODOTUS_WORDS_H

#define WELL_KNOWN_WORDS(X)                                                                                  \
    /* function words */                                                                                     \
    X(ABOUT, "about") X(ACROSS, "across") X(ALLEGEDLY, "allegedly") X(ALONG, "along") X(ALTHOUGH, "although") \
    X(AND, "and") X(AS, "as") X(AT, "at") X(BECAUSE, "because") X(BUT, "but") X(BY, "by")                    \
    X(COULD, "could") X(DUE, "due") X(DURING, "during") X(EARLIER, "earlier") X(EARLY, "early")             \
    X(FROM, "from") X(HAD, "had") X(HAS, "has") X(IF, "if") X(IN, "in") X(LATE, "late") X(LATER, "later")    \
    X(LEAST, "least") X(LIKELY, "likely") X(MAY, "may") X(MIGHT, "might") X(MOST, "most") X(NEVER, "never")  \
    X(NO, "no") X(NOT, "not") X(NT, "n't") X(OF, "of") X(ON, "on") X(OR, "or") X(PURPORTEDLY, "purportedly") \
    X(SHALL, "shall") X(THAT, "that") X(THROUGHOUT, "throughout") X(TO, "to") X(TOGETHER, "together")       \
    X(UNLESS, "unless") X(UNLIKELY, "unlikely") X(VE, "'ve") X(WHEREAS, "whereas") X(WHETHER, "whether")    \
    X(WHILE, "while") X(WILL, "will") X(LL, "'ll") X(WITH, "with") X(WO, "wo") X(WOULD, "would")            \
    X(AFTER, "after") X(AGAINST, "against") X(AMID, "amid") X(BEFORE, "before") X(DESPITE, "despite")        \
    X(FIRST, "first") X(FOLLOWING, "following") X(FOR, "for") X(HE, "he") X(HER, "her") X(HIS, "his")        \
    X(INTO, "into") X(IT, "it") X(ITS, "its") X(LAST, "last") X(LATEST, "latest") X(MUST, "must")             \
    X(NEXT, "next") X(ONLY, "only") X(OVER, "over") X(QMARK, "?") X(SHE, "she") X(SHOULD, "should")           \
    X(SINCE, "since") X(THEIR, "their") X(THEY, "they") X(THOUGH, "though") X(TOWARD, "toward")               \
    X(TOWARDS, "towards") X(UNTIL, "until") X(WE, "we") X(WHEN, "when") X(WHICH, "which") X(WHO, "who")       \
    /* verbs, as lemmas */                                                                                   \
    X(ACKNOWLEDGE, "acknowledge") X(ADD, "add") X(AGREE, "agree") X(AIM, "aim") X(ANNOUNCE, "announce")      \
    X(ARGUE, "argue") X(BE, "be") X(BELIEVE, "believe") X(BRAND, "brand") X(CLAIM, "claim")                 \
    X(COMMIT, "commit") X(CONDEMN, "condemn") X(CONFIRM, "confirm") X(CRITICISE, "criticise")               \
    X(CRITICIZE, "criticize") X(DECIDE, "decide") X(DECLARE, "declare") X(DECLINE, "decline")               \
    X(DEDICATE, "dedicate") X(DENOUNCE, "denounce") X(DENY, "deny") X(DESCRIBE, "describe")                 \
    X(DETERMINE, "determine") X(DEVOTE, "devote") X(DISMISS, "dismiss") X(DO, "do") X(EMPHASIZE, "emphasize") \
    X(ENGAGE, "engage") X(EXPECT, "expect") X(EXPLAIN, "explain") X(FAIL, "fail") X(GET, "get")             \
    X(GOING, "going") X(HAIL, "hail") X(HAVE, "have") X(HOPE, "hope") X(INSIST, "insist") X(INTEND, "intend") \
    X(INVITE, "invite") X(INVOLVE, "involve") X(NOTE, "note") X(OFFER, "offer") X(OPPOSE, "oppose")        \
    X(PLAN, "plan") X(PLEDGE, "pledge") X(PREPARE, "prepare") X(PROMISE, "promise") X(REFUSE, "refuse")     \
    X(REITERATE, "reiterate") X(REJECT, "reject") X(REPORT, "report") X(RESOLVE, "resolve") X(SAY, "say")   \
    X(SEEK, "seek") X(SET, "set") X(STATE, "state") X(STRESS, "stress") X(SUGGEST, "suggest")               \
    X(SWEAR, "swear") X(TELL, "tell") X(THINK, "think") X(THREATEN, "threaten") X(UNDERTAKE, "undertake")   \
    X(VOW, "vow") X(WANT, "want") X(WELCOME, "welcome") X(WISH, "wish") X(WRITE, "write")                   \
    /* nouns */                                                                                              \
    X(GAS, "gas") X(POLICE, "police") X(TEAR, "tear") X(AUTONOMY, "autonomy") X(INDEPENDENCE, "independence") \
    X(PROTEST, "protest") X(PROTESTS, "protests") X(SECESSION, "secession")                                 \
    /* the nouns stage: plans, undoing, time ahead, measures, outbreaks */                                  \
    X(PLANNED, "planned") X(PROPOSED, "proposed") X(UPCOMING, "upcoming") X(POSSIBLE, "possible")            \
    X(EXPECTED, "expected") X(FORTHCOMING, "forthcoming") X(SCHEDULED, "scheduled") X(POTENTIAL, "potential") \
    X(FUTURE, "future") X(PROSPECTIVE, "prospective") X(WOULD_BE, "would-be") X(IMMINENT, "imminent")        \
    X(THREATENED, "threatened") X(POSTPONE, "postpone") X(CANCEL, "cancel") X(DELAY, "delay")                \
    X(SCRAP, "scrap") X(SUSPEND, "suspend") X(ABANDON, "abandon") X(SHELVE, "shelve") X(CALL, "call")        \
    X(RULE, "rule") X(PREVENT, "prevent") X(THWART, "thwart") X(AVERT, "avert") X(FOIL, "foil")              \
    X(TOMORROW, "tomorrow") X(COMING, "coming") X(SERIES, "series") X(WAVE, "wave") X(SPATE, "spate")        \
    X(STRING, "string") X(ROUND, "round") X(NUMBER, "number") X(DOZENS, "dozens") X(HUNDREDS, "hundreds")    \
    X(DAY, "day") X(DAYS, "days") X(WEEK, "week") X(WEEKS, "weeks") X(NIGHT, "night")                        \
    X(CAMPAIGN, "campaign") X(FRESH, "fresh") X(NEW, "new") X(BREAK, "break") X(ERUPT, "erupt")              \
    X(FLARE, "flare") X(OCCUR, "occur") X(CONTINUE, "continue") X(RAGE, "rage") X(INTENSIFY, "intensify")    \
    X(RESUME, "resume") X(ESCALATE, "escalate") X(SPREAD, "spread") X(HAPPEN, "happen") X(NEAR, "near")      \
    X(BETWEEN, "between") X(INCLUDING, "including") X(SUCH, "such") X(DISAPPROVAL, "disapproval")          \
    X(ANGER, "anger") X(OPPOSITION, "opposition") X(OUTRAGE, "outrage") X(DISPLEASURE, "displeasure")        \
    X(HELP, "help") X(ASSIST, "assist") X(DEFEND, "defend") X(PROTECT, "protect") X(SUPPORT, "support") \
    X(PACKAGE, "package") X(RAFT, "raft") X(TRANCHE, "tranche") X(BATCH, "batch")

enum {
    W_NONE,
#define W_ENUM(id, word) W_##id,
    WELL_KNOWN_WORDS(W_ENUM)
#undef W_ENUM
    W_N   /* the first symbol of any other word */
};

#endif
