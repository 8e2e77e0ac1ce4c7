/*
 * gencorpus.c - benchmark corpus generator for herodotus (`make bench`).
 *
 * Writes about N megabytes (N * 2^20 bytes, rounded up to the end of an
 * article) of synthetic, news-like English as JSON Lines, one article a line:
 *
 *   {"id":"bench-000001","title":"...","date":"2024-03-17","source":"...","text":"..."}
 *
 * Paragraphs inside "text" are separated by \n.  Sentences are assembled from
 * many templates (simple past, reported speech, quotations, passives,
 * negation, compound subjects, relative clauses, numbers, dates, economy,
 * weather and sports filler) over lists of countries, officials, agents and
 * verbs, so the coder is timed on varied text rather than one sentence
 * repeated.  The content is invented; it is input for throughput tests only.
 *
 * Output is deterministic: a fixed-seed xorshift64* generator, seeded from
 * the optional second argument.
 *
 * Usage: gencorpus MEGABYTES [SEED] > corpus.jsonl
 * Build: cc -std=c11 -O2 -Wall -Wextra -Wpedantic -Werror -o gencorpus gencorpus.c
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* PRNG: xorshift64*, seeded through splitmix64                        */
/* ------------------------------------------------------------------ */

#include "rng.h"
static int chance(unsigned pct) { return rn(100) < pct; }
#define PICK(a) ((a)[rn((unsigned)N_OF(a))])

/* ------------------------------------------------------------------ */
/* Text buffer                                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
    int openq; /* an opening quotation mark was just written */
} Buf;

static void put(Buf *b, const char *s)
{
    size_t l = strlen(s);
    if (b->n + l >= b->cap)
        l = b->cap - 1 - b->n;
    memcpy(b->p + b->n, s, l);
    b->n += l;
    b->p[b->n] = '\0';
    b->openq = 0;
}

static void putc_(Buf *b, char c)
{
    if (b->n + 1 < b->cap) {
        b->p[b->n++] = c;
        b->p[b->n] = '\0';
    }
    b->openq = 0;
}

/* append a word (or several), separated from what precedes by a space */
static void W(Buf *b, const char *s)
{
    if (b->n > 0 && b->p[b->n - 1] != ' ' && b->p[b->n - 1] != '\n' && !b->openq)
        putc_(b, ' ');
    put(b, s);
}

static void qopen(Buf *b)
{
    W(b, "\"");
    b->openq = 1;
}

static void reset(Buf *b)
{
    b->n = 0;
    b->p[0] = '\0';
    b->openq = 0;
}

static void Wnum(Buf *b, unsigned long v)
{
    char tmp[32], out[48];
    int len = 0, i, j = 0;
    do {
        tmp[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && len < 30);
    for (i = len - 1; i >= 0; i--) {
        out[j++] = tmp[i];
        if (i > 0 && i % 3 == 0)
            out[j++] = ',';
    }
    out[j] = '\0';
    W(b, out);
}

/* append a decimal like 2.4 (tenths) directly after the previous text */
static void Wdec(Buf *b, unsigned tenths)
{
    char out[24];
    int j = 0;
    unsigned ip = tenths / 10;
    char tmp[12];
    int len = 0;
    do {
        tmp[len++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip && len < 10);
    while (len > 0)
        out[j++] = tmp[--len];
    out[j++] = '.';
    out[j++] = (char)('0' + tenths % 10);
    out[j] = '\0';
    W(b, out);
}

static int count_words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n') {
            in = 0;
        } else if (!in) {
            in = 1;
            n++;
        }
    }
    return n;
}

static void capitalize(char *s)
{
    for (; *s; s++) {
        if (isalpha((unsigned char)*s)) {
            *s = (char)toupper((unsigned char)*s);
            return;
        }
        if (*s != '"')
            return;
    }
}

/* ------------------------------------------------------------------ */
/* Word lists                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name, *demonym, *capital;
} Country;

static const Country countries[] = {
    {"Afghanistan", "Afghan", "Kabul"},
    {"Albania", "Albanian", "Tirana"},
    {"Algeria", "Algerian", "Algiers"},
    {"Angola", "Angolan", "Luanda"},
    {"Argentina", "Argentine", "Buenos Aires"},
    {"Armenia", "Armenian", "Yerevan"},
    {"Australia", "Australian", "Canberra"},
    {"Austria", "Austrian", "Vienna"},
    {"Azerbaijan", "Azerbaijani", "Baku"},
    {"Bahrain", "Bahraini", "Manama"},
    {"Bangladesh", "Bangladeshi", "Dhaka"},
    {"Belarus", "Belarusian", "Minsk"},
    {"Belgium", "Belgian", "Brussels"},
    {"Benin", "Beninese", "Porto-Novo"},
    {"Bolivia", "Bolivian", "La Paz"},
    {"Bosnia", "Bosnian", "Sarajevo"},
    {"Botswana", "Botswanan", "Gaborone"},
    {"Brazil", "Brazilian", "Brasilia"},
    {"Bulgaria", "Bulgarian", "Sofia"},
    {"Burkina Faso", "Burkinabe", "Ouagadougou"},
    {"Burundi", "Burundian", "Gitega"},
    {"Cambodia", "Cambodian", "Phnom Penh"},
    {"Cameroon", "Cameroonian", "Yaounde"},
    {"Canada", "Canadian", "Ottawa"},
    {"Chad", "Chadian", "N'Djamena"},
    {"Chile", "Chilean", "Santiago"},
    {"China", "Chinese", "Beijing"},
    {"Colombia", "Colombian", "Bogota"},
    {"Congo", "Congolese", "Kinshasa"},
    {"Costa Rica", "Costa Rican", "San Jose"},
    {"Croatia", "Croatian", "Zagreb"},
    {"Cuba", "Cuban", "Havana"},
    {"Cyprus", "Cypriot", "Nicosia"},
    {"the Czech Republic", "Czech", "Prague"},
    {"Denmark", "Danish", "Copenhagen"},
    {"Djibouti", "Djiboutian", "Djibouti"},
    {"the Dominican Republic", "Dominican", "Santo Domingo"},
    {"Ecuador", "Ecuadorean", "Quito"},
    {"Egypt", "Egyptian", "Cairo"},
    {"El Salvador", "Salvadoran", "San Salvador"},
    {"Eritrea", "Eritrean", "Asmara"},
    {"Estonia", "Estonian", "Tallinn"},
    {"Ethiopia", "Ethiopian", "Addis Ababa"},
    {"Fiji", "Fijian", "Suva"},
    {"Finland", "Finnish", "Helsinki"},
    {"France", "French", "Paris"},
    {"Gabon", "Gabonese", "Libreville"},
    {"Gambia", "Gambian", "Banjul"},
    {"Georgia", "Georgian", "Tbilisi"},
    {"Germany", "German", "Berlin"},
    {"Ghana", "Ghanaian", "Accra"},
    {"Greece", "Greek", "Athens"},
    {"Guatemala", "Guatemalan", "Guatemala City"},
    {"Guinea", "Guinean", "Conakry"},
    {"Haiti", "Haitian", "Port-au-Prince"},
    {"Honduras", "Honduran", "Tegucigalpa"},
    {"Hungary", "Hungarian", "Budapest"},
    {"Iceland", "Icelandic", "Reykjavik"},
    {"India", "Indian", "New Delhi"},
    {"Indonesia", "Indonesian", "Jakarta"},
    {"Iran", "Iranian", "Tehran"},
    {"Iraq", "Iraqi", "Baghdad"},
    {"Ireland", "Irish", "Dublin"},
    {"Israel", "Israeli", "Jerusalem"},
    {"Italy", "Italian", "Rome"},
    {"Ivory Coast", "Ivorian", "Abidjan"},
    {"Jamaica", "Jamaican", "Kingston"},
    {"Japan", "Japanese", "Tokyo"},
    {"Jordan", "Jordanian", "Amman"},
    {"Kazakhstan", "Kazakh", "Astana"},
    {"Kenya", "Kenyan", "Nairobi"},
    {"Kosovo", "Kosovar", "Pristina"},
    {"Kuwait", "Kuwaiti", "Kuwait City"},
    {"Kyrgyzstan", "Kyrgyz", "Bishkek"},
    {"Laos", "Lao", "Vientiane"},
    {"Latvia", "Latvian", "Riga"},
    {"Lebanon", "Lebanese", "Beirut"},
    {"Liberia", "Liberian", "Monrovia"},
    {"Libya", "Libyan", "Tripoli"},
    {"Lithuania", "Lithuanian", "Vilnius"},
    {"Luxembourg", "Luxembourgish", "Luxembourg"},
    {"Madagascar", "Malagasy", "Antananarivo"},
    {"Malawi", "Malawian", "Lilongwe"},
    {"Malaysia", "Malaysian", "Kuala Lumpur"},
    {"Mali", "Malian", "Bamako"},
    {"Malta", "Maltese", "Valletta"},
    {"Mauritania", "Mauritanian", "Nouakchott"},
    {"Mexico", "Mexican", "Mexico City"},
    {"Moldova", "Moldovan", "Chisinau"},
    {"Mongolia", "Mongolian", "Ulaanbaatar"},
    {"Montenegro", "Montenegrin", "Podgorica"},
    {"Morocco", "Moroccan", "Rabat"},
    {"Mozambique", "Mozambican", "Maputo"},
    {"Myanmar", "Myanmar", "Naypyitaw"},
    {"Namibia", "Namibian", "Windhoek"},
    {"Nepal", "Nepali", "Kathmandu"},
    {"the Netherlands", "Dutch", "The Hague"},
    {"New Zealand", "New Zealand", "Wellington"},
    {"Nicaragua", "Nicaraguan", "Managua"},
    {"Niger", "Nigerien", "Niamey"},
    {"Nigeria", "Nigerian", "Abuja"},
    {"North Korea", "North Korean", "Pyongyang"},
    {"North Macedonia", "Macedonian", "Skopje"},
    {"Norway", "Norwegian", "Oslo"},
    {"Oman", "Omani", "Muscat"},
    {"Pakistan", "Pakistani", "Islamabad"},
    {"Panama", "Panamanian", "Panama City"},
    {"Papua New Guinea", "Papua New Guinean", "Port Moresby"},
    {"Paraguay", "Paraguayan", "Asuncion"},
    {"Peru", "Peruvian", "Lima"},
    {"the Philippines", "Philippine", "Manila"},
    {"Poland", "Polish", "Warsaw"},
    {"Portugal", "Portuguese", "Lisbon"},
    {"Qatar", "Qatari", "Doha"},
    {"Romania", "Romanian", "Bucharest"},
    {"Russia", "Russian", "Moscow"},
    {"Rwanda", "Rwandan", "Kigali"},
    {"Saudi Arabia", "Saudi", "Riyadh"},
    {"Senegal", "Senegalese", "Dakar"},
    {"Serbia", "Serbian", "Belgrade"},
    {"Sierra Leone", "Sierra Leonean", "Freetown"},
    {"Singapore", "Singaporean", "Singapore"},
    {"Slovakia", "Slovak", "Bratislava"},
    {"Slovenia", "Slovenian", "Ljubljana"},
    {"Somalia", "Somali", "Mogadishu"},
    {"South Africa", "South African", "Pretoria"},
    {"South Korea", "South Korean", "Seoul"},
    {"South Sudan", "South Sudanese", "Juba"},
    {"Spain", "Spanish", "Madrid"},
    {"Sri Lanka", "Sri Lankan", "Colombo"},
    {"Sudan", "Sudanese", "Khartoum"},
    {"Sweden", "Swedish", "Stockholm"},
    {"Switzerland", "Swiss", "Bern"},
    {"Syria", "Syrian", "Damascus"},
    {"Taiwan", "Taiwanese", "Taipei"},
    {"Tajikistan", "Tajik", "Dushanbe"},
    {"Tanzania", "Tanzanian", "Dodoma"},
    {"Thailand", "Thai", "Bangkok"},
    {"Togo", "Togolese", "Lome"},
    {"Tunisia", "Tunisian", "Tunis"},
    {"Turkey", "Turkish", "Ankara"},
    {"Turkmenistan", "Turkmen", "Ashgabat"},
    {"Uganda", "Ugandan", "Kampala"},
    {"Ukraine", "Ukrainian", "Kyiv"},
    {"the United Arab Emirates", "Emirati", "Abu Dhabi"},
    {"Britain", "British", "London"},
    {"the United States", "U.S.", "Washington"},
    {"Uruguay", "Uruguayan", "Montevideo"},
    {"Uzbekistan", "Uzbek", "Tashkent"},
    {"Venezuela", "Venezuelan", "Caracas"},
    {"Vietnam", "Vietnamese", "Hanoi"},
    {"Yemen", "Yemeni", "Sanaa"},
    {"Zambia", "Zambian", "Lusaka"},
    {"Zimbabwe", "Zimbabwean", "Harare"},
    {"C\xC3\xB4" "te d'Ivoire", "Ivorian", "Yamoussoukro"},
    {"T\xC3\xBC" "rkiye", "Turkish", "Ankara"},
};

typedef struct {
    const char *title, *name, *shortname, *country; /* country NULL: international */
} Leader;

static const Leader leaders[] = {
    {"President", "Vladimir Putin", "Putin", "Russia"},
    {"Foreign Minister", "Sergei Lavrov", "Lavrov", "Russia"},
    {"Defence Minister", "Sergei Shoigu", "Shoigu", "Russia"},
    {"President", "Xi Jinping", "Xi", "China"},
    {"Foreign Minister", "Wang Yi", "Wang", "China"},
    {"Premier", "Li Qiang", "Li", "China"},
    {"President", "Joe Biden", "Biden", "the United States"},
    {"Secretary of State", "Antony Blinken", "Blinken", "the United States"},
    {"Defense Secretary", "Lloyd Austin", "Austin", "the United States"},
    {"President", "Emmanuel Macron", "Macron", "France"},
    {"Chancellor", "Olaf Scholz", "Scholz", "Germany"},
    {"Foreign Minister", "Annalena Baerbock", "Baerbock", "Germany"},
    {"Prime Minister", "Rishi Sunak", "Sunak", "Britain"},
    {"Prime Minister", "Keir Starmer", "Starmer", "Britain"},
    {"Foreign Secretary", "David Cameron", "Cameron", "Britain"},
    {"Prime Minister", "Narendra Modi", "Modi", "India"},
    {"External Affairs Minister", "Subrahmanyam Jaishankar", "Jaishankar", "India"},
    {"Prime Minister", "Shehbaz Sharif", "Sharif", "Pakistan"},
    {"President", "Tayyip Erdogan", "Erdogan", "Turkey"},
    {"Foreign Minister", "Hakan Fidan", "Fidan", "Turkey"},
    {"President", "Volodymyr Zelenskiy", "Zelenskiy", "Ukraine"},
    {"Foreign Minister", "Dmytro Kuleba", "Kuleba", "Ukraine"},
    {"Prime Minister", "Benjamin Netanyahu", "Netanyahu", "Israel"},
    {"Defence Minister", "Yoav Gallant", "Gallant", "Israel"},
    {"President", "Abdel Fattah al-Sisi", "Sisi", "Egypt"},
    {"President", "Ebrahim Raisi", "Raisi", "Iran"},
    {"Foreign Minister", "Hossein Amir-Abdollahian", "Amir-Abdollahian", "Iran"},
    {"Supreme Leader", "Ayatollah Ali Khamenei", "Khamenei", "Iran"},
    {"Crown Prince", "Mohammed bin Salman", "Prince Mohammed", "Saudi Arabia"},
    {"Prime Minister", "Fumio Kishida", "Kishida", "Japan"},
    {"President", "Yoon Suk Yeol", "Yoon", "South Korea"},
    {"leader", "Kim Jong Un", "Kim", "North Korea"},
    {"President", "Luiz Inacio Lula da Silva", "Lula", "Brazil"},
    {"President", "Javier Milei", "Milei", "Argentina"},
    {"President", "Andres Manuel Lopez Obrador", "Lopez Obrador", "Mexico"},
    {"President", "Gustavo Petro", "Petro", "Colombia"},
    {"President", "Nicolas Maduro", "Maduro", "Venezuela"},
    {"Prime Minister", "Justin Trudeau", "Trudeau", "Canada"},
    {"Prime Minister", "Anthony Albanese", "Albanese", "Australia"},
    {"President", "Cyril Ramaphosa", "Ramaphosa", "South Africa"},
    {"President", "Bola Tinubu", "Tinubu", "Nigeria"},
    {"President", "William Ruto", "Ruto", "Kenya"},
    {"Prime Minister", "Abiy Ahmed", "Abiy", "Ethiopia"},
    {"President", "Paul Kagame", "Kagame", "Rwanda"},
    {"President", "Felix Tshisekedi", "Tshisekedi", "Congo"},
    {"President", "Yoweri Museveni", "Museveni", "Uganda"},
    {"President", "Samia Suluhu Hassan", "Hassan", "Tanzania"},
    {"Prime Minister", "Giorgia Meloni", "Meloni", "Italy"},
    {"Prime Minister", "Pedro Sanchez", "Sanchez", "Spain"},
    {"Prime Minister", "Viktor Orban", "Orban", "Hungary"},
    {"President", "Andrzej Duda", "Duda", "Poland"},
    {"Prime Minister", "Donald Tusk", "Tusk", "Poland"},
    {"Prime Minister", "Mark Rutte", "Rutte", "the Netherlands"},
    {"President", "Joko Widodo", "Widodo", "Indonesia"},
    {"President", "Ferdinand Marcos Jr.", "Marcos", "the Philippines"},
    {"Prime Minister", "Anwar Ibrahim", "Anwar", "Malaysia"},
    {"Prime Minister", "Lee Hsien Loong", "Lee", "Singapore"},
    {"Prime Minister", "Pham Minh Chinh", "Chinh", "Vietnam"},
    {"Senior Gen.", "Min Aung Hlaing", "Min Aung Hlaing", "Myanmar"},
    {"Prime Minister", "Sheikh Hasina", "Hasina", "Bangladesh"},
    {"President", "Ranil Wickremesinghe", "Wickremesinghe", "Sri Lanka"},
    {"President", "Bashar al-Assad", "Assad", "Syria"},
    {"Prime Minister", "Mohammed Shia al-Sudani", "Sudani", "Iraq"},
    {"Prime Minister", "Najib Mikati", "Mikati", "Lebanon"},
    {"King", "Abdullah II", "King Abdullah", "Jordan"},
    {"Emir", "Sheikh Tamim bin Hamad al-Thani", "Sheikh Tamim", "Qatar"},
    {"President", "Sheikh Mohamed bin Zayed", "Sheikh Mohamed", "the United Arab Emirates"},
    {"President", "Kassym-Jomart Tokayev", "Tokayev", "Kazakhstan"},
    {"President", "Shavkat Mirziyoyev", "Mirziyoyev", "Uzbekistan"},
    {"President", "Alexander Lukashenko", "Lukashenko", "Belarus"},
    {"President", "Ilham Aliyev", "Aliyev", "Azerbaijan"},
    {"Prime Minister", "Nikol Pashinyan", "Pashinyan", "Armenia"},
    {"President", "Maia Sandu", "Sandu", "Moldova"},
    {"President", "Aleksandar Vucic", "Vucic", "Serbia"},
    {"Prime Minister", "Kyriakos Mitsotakis", "Mitsotakis", "Greece"},
    {"Prime Minister", "Ulf Kristersson", "Kristersson", "Sweden"},
    {"President", "Sauli Niinisto", "Niinisto", "Finland"},
    {"Prime Minister", "Jonas Gahr Store", "Store", "Norway"},
    {"Prime Minister", "Mette Frederiksen", "Frederiksen", "Denmark"},
    {"Prime Minister", "Leo Varadkar", "Varadkar", "Ireland"},
    {"Chancellor", "Karl Nehammer", "Nehammer", "Austria"},
    {"Prime Minister", "Petr Fiala", "Fiala", "the Czech Republic"},
    {"Prime Minister", "Robert Fico", "Fico", "Slovakia"},
    {"President", "Klaus Iohannis", "Iohannis", "Romania"},
    {"President", "Gabriel Boric", "Boric", "Chile"},
    {"President", "Dina Boluarte", "Boluarte", "Peru"},
    {"President", "Luis Arce", "Arce", "Bolivia"},
    {"President", "Daniel Noboa", "Noboa", "Ecuador"},
    {"President", "Miguel Diaz-Canel", "Diaz-Canel", "Cuba"},
    {"President", "Nayib Bukele", "Bukele", "El Salvador"},
    {"Prime Minister", "Christopher Luxon", "Luxon", "New Zealand"},
    {"President", "Abdelmadjid Tebboune", "Tebboune", "Algeria"},
    {"President", "Kais Saied", "Saied", "Tunisia"},
    {"King", "Mohammed VI", "King Mohammed", "Morocco"},
    {"President", "Emmerson Mnangagwa", "Mnangagwa", "Zimbabwe"},
    {"President", "Hakainde Hichilema", "Hichilema", "Zambia"},
    {"President", "Nana Akufo-Addo", "Akufo-Addo", "Ghana"},
    {"President", "Alassane Ouattara", "Ouattara", "Ivory Coast"},
    {"President", "Hassan Sheikh Mohamud", "Mohamud", "Somalia"},
    {"army chief Gen.", "Abdel Fattah al-Burhan", "Burhan", "Sudan"},
    {"President", "Salva Kiir", "Kiir", "South Sudan"},
    {"President", "Filipe Nyusi", "Nyusi", "Mozambique"},
    {"U.N. Secretary-General", "Antonio Guterres", "Guterres", NULL},
    {"European Commission President", "Ursula von der Leyen", "von der Leyen", NULL},
    {"NATO Secretary-General", "Jens Stoltenberg", "Stoltenberg", NULL},
    {"IMF Managing Director", "Kristalina Georgieva", "Georgieva", NULL},
    {"WHO Director-General", "Tedros Adhanom Ghebreyesus", "Tedros", NULL},
    {"IAEA chief", "Rafael Grossi", "Grossi", NULL},
};

static const char *const first_m[] = {
    "Ahmed", "Carlos", "David", "Dmitri", "Emeka", "Farid", "Hiroshi", "Ibrahim", "Javier",
    "Jean-Pierre", "Kofi", "Lars", "Mateus", "Mehmet", "Michael", "Mustafa", "Nikolai", "Omar",
    "Pavel", "Rahul", "Rashid", "Samuel", "Tomasz", "Viktor", "Wei", "Yusuf", "Andres", "Thabo",
    "Kenji", "Luca", "Stefan", "Ali",
};

static const char *const first_f[] = {
    "Aisha", "Amina", "Ana", "Catherine", "Elena", "Fatima", "Grace", "Ingrid", "Leila",
    "Maria", "Mei", "Nadia", "Olga", "Priya", "Sofia", "Yuki", "Zainab", "Helen", "Joyce",
    "Marta", "Sara", "Lucia", "Natalia", "Wanjiru",
};

static const char *const surnames[] = {
    "Abdullahi", "Alvarez", "Andersen", "Bakr", "Banda", "Chen", "Costa", "Demir", "Diallo",
    "Dubois", "Fernandes", "Gonzalez", "Haddad", "Hoffmann", "Ivanova", "Kamau", "Kaya",
    "Khan", "Kowalski", "Larsen", "Mensah", "Moreno", "Mwangi", "Nakamura", "Nguyen",
    "Novak", "Okafor", "Osei", "Petrov", "Popescu", "Qureshi", "Rahman", "Rossi", "Santos",
    "Schmidt", "Silva", "Suzuki", "Tanaka", "Torres", "Varga", "Volkov", "Wang", "Yilmaz",
    "Zhou", "Morales", "Karimi", "Hussein", "Njoroge", "Eriksson", "O'Brien",
};

static const char *const person_titles[] = {
    "Foreign Minister", "Defence Minister", "Interior Minister", "Finance Minister",
    "Trade Minister", "Health Minister", "Energy Minister", "Justice Minister",
    "Deputy Prime Minister", "Gen.", "Lt. Gen.", "Maj. Gen.", "Col.", "Dr.", "Sen.", "Rep.",
    "Gov.", "Mayor", "Ambassador", "Judge", "Chief Justice", "army spokesman",
    "police spokeswoman", "opposition leader", "government spokesman",
    "central bank governor", "Speaker", "Prof.", "Vice President", "Agriculture Minister",
};

typedef struct {
    const char *word;
    int plural;
    int people; /* may be counted: "hundreds of X" */
} Agent;

static const Agent agents[] = {
    {"police", 1, 0}, {"troops", 1, 1}, {"soldiers", 1, 1}, {"protesters", 1, 1},
    {"demonstrators", 1, 1}, {"rebels", 1, 1}, {"militants", 1, 1}, {"insurgents", 1, 1},
    {"separatists", 1, 1}, {"lawmakers", 1, 1}, {"officials", 1, 1}, {"diplomats", 1, 1},
    {"activists", 1, 1}, {"students", 1, 1}, {"farmers", 1, 1}, {"workers", 1, 1},
    {"doctors", 1, 1}, {"teachers", 1, 1}, {"border guards", 1, 1}, {"security forces", 1, 0},
    {"prosecutors", 1, 0}, {"judges", 1, 0}, {"opposition parties", 1, 0}, {"investors", 1, 0},
    {"residents", 1, 1}, {"villagers", 1, 1}, {"refugees", 1, 1}, {"aid workers", 1, 1},
    {"fishermen", 1, 1}, {"journalists", 1, 1}, {"union leaders", 1, 0},
    {"military officers", 1, 1}, {"army", 0, 0}, {"navy", 0, 0}, {"air force", 0, 0},
    {"coast guard", 0, 0}, {"government", 0, 0}, {"foreign ministry", 0, 0},
    {"defence ministry", 0, 0}, {"interior ministry", 0, 0}, {"finance ministry", 0, 0},
    {"health ministry", 0, 0}, {"central bank", 0, 0}, {"parliament", 0, 0},
    {"cabinet", 0, 0}, {"supreme court", 0, 0}, {"election commission", 0, 0},
    {"opposition", 0, 0}, {"ruling party", 0, 0}, {"state news agency", 0, 0},
    {"national oil company", 0, 0}, {"intelligence service", 0, 0}, {"military junta", 0, 0},
    {"presidential office", 0, 0},
};

static const char *const orgs[] = {
    "the United Nations", "the U.N. Security Council", "NATO", "the European Union",
    "the African Union", "the World Bank", "the International Monetary Fund", "the IMF",
    "the World Health Organization", "the Red Cross", "Amnesty International",
    "Human Rights Watch", "OPEC", "the Arab League", "ASEAN",
    "the International Atomic Energy Agency", "the European Commission",
    "the World Trade Organization", "the Group of Seven", "the International Criminal Court",
    "the U.S. State Department", "the Pentagon", "the Kremlin", "the White House",
    "the U.S. Senate", "Congress", "the European Parliament", "Interpol", "the Taliban",
    "Hamas", "Hezbollah", "al-Shabaab", "Boko Haram", "the Islamic State group",
    "the U.N. refugee agency", "Doctors Without Borders", "the Organization of American States",
    "ECOWAS",
};

static const char *const regions[] = {
    "Kharkiv", "Darfur", "Idlib", "Tigray", "Kashmir", "Balochistan", "Mindanao", "Sinai",
    "the Donbas", "Gaza", "the West Bank", "Cabo Delgado", "Ituri", "North Kivu", "Borno",
    "Rakhine", "Xinjiang", "Kurdistan", "Catalonia", "Crimea", "Nagorno-Karabakh",
    "the Sahel", "Puntland", "Oromiya", "Amhara", "Zaporizhzhia", "Kherson", "Marib",
    "Hodeidah", "Anbar", "Punjab", "Sindh", "Chiapas", "Sinaloa", "Aceh", "Papua",
    "the Golan Heights", "South Ossetia", "Abkhazia", "Transnistria",
};

typedef struct {
    const char *spec; /* base form, or "base|3sg|past|participle|gerund" */
    char kind;        /* A actor object, T thing object, I intransitive,
                         P preposition + actor, Q preposition + thing, L place */
    const char *comp; /* A: "to" + VP, "of"/"for"/... + gerund; P/Q/L: preposition */
} VerbSpec;

static const VerbSpec verb_specs[] = {
    /* actor objects */
    {"visit", 'A', NULL}, {"meet|meets|met|met|meeting", 'A', NULL}, {"host", 'A', NULL},
    {"accuse", 'A', "of"}, {"blame", 'A', "for"}, {"criticise", 'A', "for"},
    {"criticize", 'A', "for"}, {"condemn", 'A', "for"}, {"praise", 'A', "for"},
    {"thank", 'A', "for"}, {"congratulate", 'A', "on"}, {"support", 'A', NULL},
    {"attack", 'A', NULL}, {"shell", 'A', NULL}, {"bomb", 'A', NULL}, {"ambush", 'A', NULL},
    {"arrest", 'A', NULL}, {"detain", 'A', NULL}, {"release", 'A', NULL},
    {"free", 'A', NULL}, {"expel|expels|expelled|expelled|expelling", 'A', NULL}, {"summon", 'A', NULL},
    {"invite", 'A', "to"}, {"urge", 'A', "to"}, {"ask", 'A', "to"},
    {"warn", 'A', "against"}, {"threaten", 'A', NULL},
    {"press", 'A', "to"}, {"encourage", 'A', "to"}, {"allow", 'A', "to"},
    {"order", 'A', "to"}, {"tell|tells|told|told|telling", 'A', "to"},
    {"call on", 'A', "to"}, {"sanction", 'A', NULL},
    {"fight|fights|fought|fought|fighting", 'A', NULL},
    {"defeat", 'A', NULL}, {"welcome", 'A', NULL}, {"snub|snubs|snubbed|snubbed|snubbing", 'A', NULL},
    {"embrace", 'A', NULL}, {"court", 'A', NULL},
    {"kidnap|kidnaps|kidnapped|kidnapped|kidnapping", 'A', NULL},
    {"kill", 'A', NULL}, {"wound", 'A', NULL}, {"evacuate", 'A', NULL},
    {"deport", 'A', NULL}, {"disperse", 'A', NULL}, {"target", 'A', NULL},
    {"confront", 'A', NULL}, {"challenge", 'A', NULL}, {"defy|defies|defied|defied|defying", 'A', NULL},
    {"oppose", 'A', NULL}, {"back", 'A', NULL}, {"endorse", 'A', NULL},
    {"recognise", 'A', NULL}, {"reassure", 'A', NULL}, {"brief", 'A', NULL},
    {"lobby", 'A', NULL}, {"sue", 'A', NULL}, {"fine", 'A', "for"},
    {"punish", 'A', "for"}, {"reward", 'A', "for"}, {"honour", 'A', NULL},
    {"investigate", 'A', NULL}, {"question", 'A', NULL}, {"rescue", 'A', NULL},
    {"protect", 'A', NULL}, {"defend", 'A', NULL}, {"besiege", 'A', NULL},
    {"surround", 'A', NULL}, {"help", 'A', "to"}, {"persuade", 'A', "to"},
    {"force", 'A', "to"}, {"mediate between", 'A', NULL}, {"reject", 'A', NULL},
    {"interview", 'A', NULL}, {"deceive", 'A', NULL}, {"pardon", 'A', NULL},
    /* thing objects */
    {"sign", 'T', NULL}, {"announce", 'T', NULL}, {"discuss", 'T', NULL},
    {"approve", 'T', NULL}, {"pass", 'T', NULL}, {"adopt", 'T', NULL},
    {"launch", 'T', NULL}, {"unveil", 'T', NULL}, {"cut|cuts|cut|cut|cutting", 'T', NULL},
    {"raise", 'T', NULL}, {"propose", 'T', NULL}, {"deny|denies|denied|denied|denying", 'T', NULL},
    {"postpone", 'T', NULL}, {"cancel|cancels|cancelled|cancelled|cancelling", 'T', NULL},
    {"suspend", 'T', NULL}, {"win|wins|won|won|winning", 'T', NULL},
    {"lose|loses|lost|lost|losing", 'T', NULL}, {"review", 'T', NULL},
    {"accept", 'T', NULL}, {"extend", 'T', NULL}, {"renew", 'T', NULL},
    {"revoke", 'T', NULL}, {"lift", 'T', NULL}, {"impose", 'T', NULL},
    {"ease", 'T', NULL}, {"tighten", 'T', NULL}, {"draft", 'T', NULL},
    {"negotiate", 'T', NULL}, {"finalise", 'T', NULL}, {"implement", 'T', NULL},
    {"violate", 'T', NULL}, {"breach", 'T', NULL}, {"respect", 'T', NULL},
    {"block", 'T', NULL}, {"veto", 'T', NULL}, {"debate", 'T', NULL},
    {"publish", 'T', NULL}, {"build|builds|built|built|building", 'T', NULL},
    {"open", 'T', NULL}, {"close", 'T', NULL}, {"reopen", 'T', NULL},
    {"seize", 'T', NULL}, {"capture", 'T', NULL}, {"destroy", 'T', NULL},
    {"damage", 'T', NULL}, {"repair", 'T', NULL}, {"inspect", 'T', NULL},
    {"probe", 'T', NULL}, {"examine", 'T', NULL}, {"study|studies|studied|studied|studying", 'T', NULL},
    {"consider", 'T', NULL}, {"delay", 'T', NULL}, {"complete", 'T', NULL},
    {"begin|begins|began|begun|beginning", 'T', NULL}, {"resume", 'T', NULL},
    {"halt", 'T', NULL}, {"end", 'T', NULL}, {"sell|sells|sold|sold|selling", 'T', NULL},
    {"buy|buys|bought|bought|buying", 'T', NULL}, {"export", 'T', NULL},
    {"import", 'T', NULL}, {"deliver", 'T', NULL}, {"fund", 'T', NULL},
    {"finance", 'T', NULL}, {"freeze|freezes|froze|frozen|freezing", 'T', NULL},
    {"boost", 'T', NULL}, {"reduce", 'T', NULL}, {"increase", 'T', NULL},
    {"double", 'T', NULL}, {"slash", 'T', NULL}, {"confirm", 'T', NULL},
    {"dismiss", 'T', NULL}, {"ignore", 'T', NULL}, {"plan|plans|planned|planned|planning", 'T', NULL},
    {"organise", 'T', NULL}, {"stage", 'T', NULL}, {"hold|holds|held|held|holding", 'T', NULL},
    {"attend", 'T', NULL}, {"boycott", 'T', NULL}, {"chair", 'T', NULL},
    {"ban|bans|banned|banned|banning", 'T', NULL}, {"scrap|scraps|scrapped|scrapped|scrapping", 'T', NULL},
    {"overhaul", 'T', NULL}, {"welcome", 'T', NULL}, {"back", 'T', NULL},
    {"oppose", 'T', NULL}, {"submit|submits|submitted|submitted|submitting", 'T', NULL},
    {"ratify|ratifies|ratified|ratified|ratifying", 'T', NULL}, {"withdraw from|withdraws from|withdrew from|withdrawn from|withdrawing from", 'T', NULL},
    {"pay|pays|paid|paid|paying", 'T', NULL}, {"send|sends|sent|sent|sending", 'T', NULL},
    /* intransitive */
    {"rise|rises|rose|risen|rising", 'I', NULL}, {"fall|falls|fell|fallen|falling", 'I', NULL},
    {"resign", 'I', NULL}, {"protest", 'I', NULL}, {"rally|rallies|rallied|rallied|rallying", 'I', NULL},
    {"gather", 'I', NULL}, {"march", 'I', NULL}, {"go on strike|goes on strike|went on strike|gone on strike|going on strike", 'I', NULL},
    {"vote", 'I', NULL}, {"arrive", 'I', NULL}, {"retreat", 'I', NULL},
    {"withdraw|withdraws|withdrew|withdrawn|withdrawing", 'I', NULL}, {"surrender", 'I', NULL},
    {"advance", 'I', NULL}, {"collapse", 'I', NULL}, {"recover", 'I', NULL},
    {"grow|grows|grew|grown|growing", 'I', NULL}, {"shrink|shrinks|shrank|shrunk|shrinking", 'I', NULL},
    {"stall", 'I', NULL}, {"improve", 'I', NULL}, {"worsen", 'I', NULL},
    {"erupt", 'I', NULL}, {"escalate", 'I', NULL}, {"abstain", 'I', NULL},
    {"campaign", 'I', NULL}, {"mobilise", 'I', NULL}, {"celebrate", 'I', NULL},
    {"speak|speaks|spoke|spoken|speaking", 'I', NULL}, {"respond", 'I', NULL},
    {"apologise", 'I', NULL}, {"agree", 'I', NULL}, {"hesitate", 'I', NULL},
    {"flee|flees|fled|fled|fleeing", 'I', NULL}, {"testify|testifies|testified|testified|testifying", 'I', NULL},
    {"comply|complies|complied|complied|complying", 'I', NULL}, {"cooperate", 'I', NULL},
    {"intervene", 'I', NULL}, {"retaliate", 'I', NULL}, {"step down|steps down|stepped down|stepped down|stepping down", 'I', NULL},
    {"back down|backs down|backed down|backed down|backing down", 'I', NULL},
    /* preposition + actor */
    {"clash", 'P', "with"}, {"hold talks|holds talks|held talks|held talks|holding talks", 'P', "with"},
    {"cooperate", 'P', "with"}, {"side", 'P', "with"}, {"fire", 'P', "on"},
    {"open fire|opens fire|opened fire|opened fire|opening fire", 'P', "on"},
    {"agree", 'P', "with"}, {"break|breaks|broke|broken|breaking", 'P', "with"},
    {"meet|meets|met|met|meeting", 'P', "with"}, {"speak|speaks|spoke|spoken|speaking", 'P', "with"},
    {"work", 'P', "with"}, {"trade", 'P', "with"}, {"compete", 'P', "with"},
    {"protest", 'P', "against"}, {"rally|rallies|rallied|rallied|rallying", 'P', "against"},
    {"retaliate", 'P', "against"}, {"appeal", 'P', "to"}, {"crack down", 'P', "on"},
    {"lash out|lashes out|lashed out|lashed out|lashing out", 'P', "at"},
    {"plead", 'P', "with"}, {"side", 'P', "against"}, {"negotiate", 'P', "with"},
    /* preposition + thing */
    {"call", 'Q', "for"}, {"push", 'Q', "for"}, {"argue", 'Q', "against"},
    {"vote", 'Q', "for"}, {"vote", 'Q', "against"}, {"appeal", 'Q', "for"},
    {"look into|looks into|looked into|looked into|looking into", 'Q', ""},
    {"object", 'Q', "to"}, {"insist", 'Q', "on"}, {"campaign", 'Q', "against"},
    /* places */
    {"arrive", 'L', "in"}, {"travel|travels|travelled|travelled|travelling", 'L', "to"},
    {"return", 'L', "to"}, {"fly|flies|flew|flown|flying", 'L', "to"}, {"flee|flees|fled|fled|fleeing", 'L', "to"},
    {"leave|leaves|left|left|leaving", 'L', ""}, {"tour", 'L', ""}, {"head", 'L', "to"},
    {"land", 'L', "in"}, {"enter", 'L', ""}, {"cross", 'L', "into"},
};

enum { F_BASE, F_S, F_PAST, F_PP, F_ING };

typedef struct {
    char f[5][48];
    char kind;
    const char *comp;
} Verb;

static Verb verbs[N_OF(verb_specs)];
static unsigned verb_idx[8][N_OF(verb_specs)], verb_cnt[8];
static const char verb_kinds[] = "ATIPQL";

typedef struct {
    const char *text;
    int plural;
} Thing;

static const Thing things[] = {
    {"the ceasefire", 0}, {"a trade agreement", 0}, {"new sanctions", 1}, {"the budget", 0},
    {"a peace plan", 0}, {"the election results", 1}, {"a draft resolution", 0},
    {"the nuclear deal", 0}, {"tariffs on steel imports", 1}, {"the border crossing", 0},
    {"a military exercise", 0}, {"the constitution", 0}, {"an investigation into the bombing", 0},
    {"the grain corridor", 0}, {"a prisoner exchange", 0}, {"the curfew", 0},
    {"fuel subsidies", 1}, {"the state of emergency", 0}, {"the peace talks", 1},
    {"the arms embargo", 0}, {"a new pipeline", 0}, {"the refinery", 0},
    {"its embassy", 0}, {"the airport", 0}, {"two oil tankers", 1},
    {"the minimum wage", 0}, {"interest rates", 1}, {"the tax on fuel", 0},
    {"humanitarian aid", 0}, {"the humanitarian corridor", 0}, {"the 2015 accord", 0},
    {"a $2 billion loan", 0}, {"the Jan. 6 report", 0}, {"the U.N. resolution", 0},
    {"a ban on public gatherings", 0}, {"the power plant", 0}, {"the railway line", 0},
    {"visa rules", 1}, {"the bill", 0}, {"the merger", 0}, {"its nuclear programme", 0},
    {"the disputed islands", 1}, {"the port of Odesa", 0}, {"the summit", 0},
    {"the referendum", 0}, {"the vote", 0}, {"the strike", 0}, {"the inquiry", 0},
    {"a three-day national mourning", 0}, {"the Black Sea deal", 0},
};

static const char *const adjectives[] = {
    "new", "controversial", "long-delayed", "proposed", "joint", "bilateral", "emergency",
    "revised", "three-year", "landmark", "temporary", "sweeping", "regional", "draft",
    "multibillion-dollar", "fragile", "ambitious", "interim", "unilateral", "U.S.-backed",
    "EU-funded", "secret", "formal", "second", "five-point",
};

static const char *const nouns[] = {
    "agreement", "plan", "bill", "budget", "law", "deal", "proposal", "treaty", "reform",
    "programme", "resolution", "investigation", "policy", "strategy", "pipeline", "project",
    "framework", "package", "embargo", "tax", "ban", "ceasefire", "truce", "memorandum",
    "accord", "initiative", "roadmap", "settlement", "inquiry", "loan",
};

static const char *const topics[] = {
    "energy", "migration", "trade", "climate change", "border security", "grain exports",
    "arms control", "fisheries", "cybersecurity", "public health", "debt relief",
    "water sharing", "nuclear safety", "refugees", "mining", "food prices", "the Nile dam",
    "shipping in the Red Sea", "rare earths", "electric vehicles", "visa-free travel",
};

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                     "July", "August", "September", "October", "November",
                                     "December"};
static const char *const months_ap[] = {"Jan.", "Feb.", "March", "April", "May", "June",
                                        "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};

static const char *const agencies[] = {
    "Meridian News Agency", "Harbor Wire", "Continental Press Service", "Northgate Daily",
    "Atlas Newswire", "Equator Press", "Baltic Courier", "Pacific Dispatch",
    "The Lantern Post", "Crossroads Media", "Evening Ledger", "Global Desk",
};
static const char *const agency_abbr[] = {
    "MNA", "HW", "CPS", "NGD", "ANW", "EP", "BC", "PD", "TLP", "CM", "EL", "GD",
};

static const char *const speech_verbs[] = {
    "said", "said", "said", "said", "added", "warned", "insisted", "stressed", "claimed",
    "argued", "noted", "acknowledged", "confirmed", "announced", "suggested", "predicted",
    "told reporters", "told a news conference", "wrote on social media",
    "said in a statement", "told parliament", "told state television",
};

static const char *const attributions[] = {
    "officials said", "the ministry said in a statement", "according to state media",
    "witnesses said", "a spokesman said", "two people familiar with the matter said",
    "diplomats said", "local media reported", "the army said", "police said",
    "according to a government statement", "a senior official said on condition of anonymity",
    "the statement said", "analysts said", "residents said",
};

static const char *const openers[] = {
    "Meanwhile,", "Separately,", "However,", "Earlier,", "In a statement,", "Later,",
    "Last year,", "On the same day,", "In response,", "At the same time,", "Still,",
    "In recent weeks,", "By contrast,", "As a result,", "Since then,",
};

static const char *const quote_static[] = {
    "Our position has not changed", "There is no alternative to dialogue",
    "We are not going to be intimidated", "This was a clear violation of international law",
    "The door to negotiations remains open", "We have done everything we could",
    "Nobody wants a wider war", "The situation on the ground is very difficult",
    "We expect our partners to keep their promises", "This is only the beginning",
    "The people have spoken", "We will study the proposal carefully",
    "Time is running out", "These accusations are completely baseless",
    "We cannot accept this", "It is a good day for the region",
    "We are ready to talk, but not under pressure", "Nothing has been decided yet",
    "The economy is slowly recovering", "Security remains our top priority",
};

static const char *const eval_adj[] = {"historic", "difficult", "sad", "great", "decisive",
                                       "dangerous", "important", "proud", "dark", "hopeful"};

/* ------------------------------------------------------------------ */
/* Verb forms                                                          */
/* ------------------------------------------------------------------ */

static void cat3(char *dst, size_t cap, const char *a, size_t alen, const char *b, const char *c)
{
    size_t n = 0, l;
    if (alen > cap - 1)
        alen = cap - 1;
    memcpy(dst, a, alen);
    n = alen;
    l = strlen(b);
    if (n + l > cap - 1)
        l = cap - 1 - n;
    memcpy(dst + n, b, l);
    n += l;
    l = strlen(c);
    if (n + l > cap - 1)
        l = cap - 1 - n;
    memcpy(dst + n, c, l);
    n += l;
    dst[n] = '\0';
}

static int is_vowel(char c) { return c && strchr("aeiou", c) != NULL; }

/* does a word take "an" (good enough for this vocabulary: "a U.S.-backed", "an EU-funded") */
static int takes_an(const char *w) { return w[0] && strchr("aeioAEIO", w[0]) != NULL; }

static void inflect(const VerbSpec *vs, Verb *v)
{
    const char *s = vs->spec;
    v->kind = vs->kind;
    v->comp = vs->comp;
    if (strchr(s, '|')) {
        int k;
        for (k = 0; k < 5; k++) {
            const char *e = strchr(s, '|');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            cat3(v->f[k], sizeof v->f[k], s, len, "", "");
            s = e ? e + 1 : s + len;
        }
        return;
    }
    {
        const char *sp = strchr(s, ' ');
        size_t hl = sp ? (size_t)(sp - s) : strlen(s);
        const char *tail = sp ? sp : "";
        char last = s[hl - 1], prev = hl > 1 ? s[hl - 2] : 'a';
        cat3(v->f[F_BASE], sizeof v->f[0], s, hl, "", tail);
        /* third person singular */
        if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
            (last == 'h' && (prev == 'c' || prev == 's')))
            cat3(v->f[F_S], sizeof v->f[0], s, hl, "es", tail);
        else if (last == 'y' && !is_vowel(prev))
            cat3(v->f[F_S], sizeof v->f[0], s, hl - 1, "ies", tail);
        else
            cat3(v->f[F_S], sizeof v->f[0], s, hl, "s", tail);
        /* past and participle */
        if (last == 'e')
            cat3(v->f[F_PAST], sizeof v->f[0], s, hl, "d", tail);
        else if (last == 'y' && !is_vowel(prev))
            cat3(v->f[F_PAST], sizeof v->f[0], s, hl - 1, "ied", tail);
        else
            cat3(v->f[F_PAST], sizeof v->f[0], s, hl, "ed", tail);
        memcpy(v->f[F_PP], v->f[F_PAST], sizeof v->f[0]);
        /* gerund */
        if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
            cat3(v->f[F_ING], sizeof v->f[0], s, hl - 1, "ing", tail);
        else
            cat3(v->f[F_ING], sizeof v->f[0], s, hl, "ing", tail);
    }
}

static void init_verbs(void)
{
    size_t i;
    for (i = 0; i < N_OF(verb_specs); i++) {
        const char *k = strchr(verb_kinds, verb_specs[i].kind);
        unsigned ki;
        inflect(&verb_specs[i], &verbs[i]);
        if (!k) {
            fprintf(stderr, "gencorpus: bad verb kind\n");
            exit(2);
        }
        ki = (unsigned)(k - verb_kinds);
        verb_idx[ki][verb_cnt[ki]++] = (unsigned)i;
    }
}

static const Verb *verb_of(char kind)
{
    unsigned ki = (unsigned)(strchr(verb_kinds, kind) - verb_kinds);
    return &verbs[verb_idx[ki][rn(verb_cnt[ki])]];
}

static const Verb *any_verb(void)
{
    unsigned r = rn(100);
    if (r < 38)
        return verb_of('A');
    if (r < 70)
        return verb_of('T');
    if (r < 82)
        return verb_of('I');
    if (r < 92)
        return verb_of('P');
    if (r < 96)
        return verb_of('Q');
    return verb_of('L');
}

/* ------------------------------------------------------------------ */
/* Phrase generators                                                   */
/* ------------------------------------------------------------------ */

enum { SUBJ, OBJ };

/* set once a sentence ends in an attribution ("..., officials said"): nothing may follow */
static int tail_locked;

static void attribute(Buf *b, const char *s)
{
    put(b, ",");
    W(b, s);
    tail_locked = 1;
}

/* the two countries an article is mostly about */
static const Country *focus[2];
static int focus_leader = -1;

static const Country *country_pick(void)
{
    if (chance(55))
        return focus[rn(2)];
    return &PICK(countries);
}

static const Country *country_by_name(const char *name)
{
    size_t i;
    for (i = 0; i < N_OF(countries); i++)
        if (strcmp(countries[i].name, name) == 0)
            return &countries[i];
    return NULL;
}

static void possessive(Buf *b, const char *name)
{
    size_t l = strlen(name);
    W(b, name);
    put(b, (l && name[l - 1] == 's') ? "'" : "'s");
}

static void lowercase_word(Buf *b, const char *s)
{
    char tmp[64];
    size_t i;
    for (i = 0; s[i] && i < sizeof tmp - 1; i++)
        tmp[i] = (char)tolower((unsigned char)s[i]);
    tmp[i] = '\0';
    W(b, tmp);
}

static int leader_phrase(Buf *b, int role)
{
    const Leader *l;
    const Country *c;
    unsigned r = rn(100);
    if (focus_leader >= 0 && chance(50))
        l = &leaders[focus_leader];
    else
        l = &PICK(leaders);
    c = l->country ? country_by_name(l->country) : NULL;
    if (r < 30 || !c) {
        if (c)
            W(b, c->demonym);
        W(b, l->title);
        W(b, l->name);
    } else if (r < 45) {
        possessive(b, c->name);
        W(b, l->title);
        W(b, l->name);
    } else if (r < 55 && role == SUBJ && strchr(l->title, '.') == NULL) {
        W(b, l->name);
        put(b, ",");
        possessive(b, c->name);
        lowercase_word(b, l->title);
        put(b, ",");
    } else if (r < 65) {
        W(b, l->title);
        W(b, l->name);
    } else {
        W(b, l->shortname);
    }
    return 0;
}

static int person_phrase(Buf *b, int role)
{
    int female = chance(45);
    const char *first = female ? PICK(first_f) : PICK(first_m);
    const char *last = PICK(surnames);
    const char *title = PICK(person_titles);
    const Country *c = country_pick();
    unsigned r = rn(100);
    if (r < 35) {
        W(b, c->demonym);
        W(b, title);
        W(b, first);
        W(b, last);
    } else if (r < 60) {
        W(b, title);
        W(b, first);
        W(b, last);
    } else if (r < 75 && role == SUBJ && strchr(title, '.') == NULL) {
        W(b, first);
        W(b, last);
        put(b, ",");
        possessive(b, c->name);
        lowercase_word(b, title);
        put(b, ",");
    } else if (r < 88) {
        W(b, female ? "Ms." : "Mr.");
        W(b, last);
    } else if (role == SUBJ && strchr(title, '.') == NULL) {
        W(b, first);
        W(b, last);
        put(b, ",");
        W(b, takes_an(title) ? "an" : "a");
        lowercase_word(b, title);
        W(b, "from");
        W(b, c->name);
        put(b, ",");
    } else {
        W(b, first);
        W(b, last);
    }
    return 0;
}

static int agent_phrase(Buf *b)
{
    const Agent *a = &PICK(agents);
    const Country *c = country_pick();
    unsigned r = rn(100);
    if (a->plural) {
        if (r < 50) {
            W(b, c->demonym);
            W(b, a->word);
        } else if (r < 65) {
            W(b, a->word);
            W(b, "in");
            W(b, c->capital);
        } else if (r < 78) {
            W(b, a->word);
        } else if (a->people) {
            W(b, PICK(((const char *const[]){"hundreds of", "thousands of", "dozens of",
                                              "several", "some", "more than 200"})));
            W(b, c->demonym);
            W(b, a->word);
        } else {
            possessive(b, c->name);
            W(b, a->word);
        }
        return 1;
    }
    if (r < 50) {
        W(b, "the");
        W(b, c->demonym);
        W(b, a->word);
    } else if (r < 90) {
        possessive(b, c->name);
        W(b, a->word);
    } else {
        W(b, "the");
        W(b, a->word);
    }
    return 0;
}

/* an actor noun phrase; returns 1 when grammatically plural */
static int actor(Buf *b, int role)
{
    unsigned r = rn(100);
    if (r < 22)
        return leader_phrase(b, role);
    if (r < 34)
        return person_phrase(b, role);
    if (r < 50) {
        const Country *c = country_pick();
        W(b, chance(75) ? c->name : c->capital);
        return 0;
    }
    if (r < 86)
        return agent_phrase(b);
    W(b, PICK(orgs));
    return 0;
}

static int thing(Buf *b)
{
    unsigned r = rn(100);
    if (r < 40) {
        const Thing *t = &PICK(things);
        W(b, t->text);
        return t->plural;
    }
    {
        const char *adj = chance(70) ? PICK(adjectives) : NULL;
        int plural = chance(15);
        if (plural) {
            W(b, chance(50) ? "the" : "new");
        } else if (chance(45)) {
            W(b, "the");
        } else {
            W(b, (adj && takes_an(adj)) ? "an" : "a");
        }
        if (adj)
            W(b, adj);
        {
            const char *n = PICK(nouns);
            char tmp[48];
            size_t l = strlen(n);
            if (!adj && !plural && b->n >= 2 && strcmp(b->p + b->n - 2, " a") == 0 &&
                takes_an(n))
                put(b, "n"); /* "a" -> "an" before a vowel */
            if (plural) {
                if (n[l - 1] == 'y')
                    cat3(tmp, sizeof tmp, n, l - 1, "ies", "");
                else if (n[l - 1] == 'x' || n[l - 1] == 's' || n[l - 1] == 'h')
                    cat3(tmp, sizeof tmp, n, l, "es", "");
                else
                    cat3(tmp, sizeof tmp, n, l, "s", "");
                W(b, tmp);
            } else {
                W(b, n);
            }
        }
        r = rn(100);
        if (r < 35) {
            W(b, "on");
            W(b, PICK(topics));
        } else if (r < 50) {
            W(b, "with");
            W(b, country_pick()->name);
        }
        return plural;
    }
}

static void place_name(Buf *b)
{
    unsigned r = rn(100);
    const Country *c = country_pick();
    if (r < 45)
        W(b, c->capital);
    else if (r < 85)
        W(b, c->name);
    else
        W(b, PICK(regions));
}

static void place(Buf *b)
{
    const Country *c = country_pick();
    switch (rn(12)) {
    case 0: case 1: case 2:
        W(b, "in");
        W(b, c->capital);
        break;
    case 3:
        W(b, "near the border with");
        W(b, c->name);
        break;
    case 4:
        W(b, PICK(((const char *const[]){"in the northern province of", "in the southern region of",
                                          "in the eastern region of", "in the western district of",
                                          "in the restive region of"})));
        W(b, PICK(regions));
        break;
    case 5:
        W(b, "at the United Nations in New York");
        break;
    case 6:
        W(b, "on the sidelines of a summit in");
        W(b, c->capital);
        break;
    case 7:
        W(b, "outside the parliament building in");
        W(b, c->capital);
        break;
    case 8:
        W(b, "in");
        W(b, PICK(regions));
        break;
    case 9:
        W(b, "at a news conference in");
        W(b, c->capital);
        break;
    case 10:
        W(b, "across");
        W(b, c->name);
        break;
    default:
        W(b, "along the");
        W(b, c->demonym);
        W(b, "border");
        break;
    }
}

static void date_phrase(Buf *b, int ap)
{
    char tmp[8];
    W(b, ap ? PICK(months_ap) : PICK(months));
    snprintf(tmp, sizeof tmp, "%u", 1 + rn(28));
    W(b, tmp);
}

static void time_past(Buf *b)
{
    unsigned r = rn(100);
    char tmp[8];
    if (r < 40) {
        W(b, "on");
        W(b, PICK(weekdays));
    } else if (r < 50) {
        W(b, PICK(((const char *const[]){"late on", "early on"})));
        W(b, PICK(weekdays));
    } else if (r < 55) {
        W(b, "on");
        W(b, PICK(weekdays));
        W(b, PICK(((const char *const[]){"night", "morning", "afternoon", "evening"})));
    } else if (r < 70) {
        W(b, PICK(((const char *const[]){"last week", "earlier this month", "last month",
                                          "this week", "overnight", "at the weekend",
                                          "two days ago", "earlier this year", "last year",
                                          "in recent days"})));
    } else if (r < 85) {
        W(b, "on");
        date_phrase(b, 1);
    } else if (r < 93) {
        W(b, "in");
        snprintf(tmp, sizeof tmp, "%u", 1990 + rn(35));
        W(b, tmp);
    } else {
        snprintf(tmp, sizeof tmp, "%u", 1 + rn(11));
        W(b, "at about");
        W(b, tmp);
        W(b, chance(50) ? "a.m. local time" : "p.m. local time");
    }
}

static void time_future(Buf *b)
{
    unsigned r = rn(100);
    if (r < 30) {
        W(b, "on");
        W(b, PICK(weekdays));
    } else if (r < 80) {
        W(b, PICK(((const char *const[]){"next week", "later this month", "next month",
                                          "by the end of the year", "in the coming days",
                                          "next year", "within weeks", "before the election",
                                          "this summer", "in the coming months"})));
    } else {
        W(b, "on");
        date_phrase(b, 1);
    }
}

static void vp(Buf *b, int form, int depth);

/* complement of a verb (object, prepositional phrase, infinitive ...) */
static void complement(Buf *b, const Verb *v, int depth)
{
    switch (v->kind) {
    case 'A':
        actor(b, OBJ);
        if (v->comp && depth < 1) {
            if (strcmp(v->comp, "to") == 0) {
                W(b, "to");
                vp(b, F_BASE, depth + 1);
            } else if (strcmp(v->comp, "of") == 0 || chance(45)) {
                W(b, v->comp);
                vp(b, F_ING, depth + 1);
            }
        }
        break;
    case 'T':
        thing(b);
        break;
    case 'I':
        if (chance(35))
            W(b, PICK(((const char *const[]){"again", "sharply", "for a second day",
                                              "without warning", "in protest", "quickly",
                                              "peacefully", "on several fronts"})));
        break;
    case 'P':
        W(b, v->comp);
        actor(b, OBJ);
        break;
    case 'Q':
        if (*v->comp)
            W(b, v->comp);
        thing(b);
        break;
    default:
        if (*v->comp)
            W(b, v->comp);
        place_name(b);
        break;
    }
}

static void vp(Buf *b, int form, int depth)
{
    const Verb *v = any_verb();
    W(b, v->f[form]);
    complement(b, v, depth);
}

static void vp_of(Buf *b, const Verb *v, int form)
{
    W(b, v->f[form]);
    complement(b, v, 0);
}

static int speaker(Buf *b)
{
    unsigned r = rn(100);
    if (r < 35)
        return leader_phrase(b, SUBJ);
    if (r < 60)
        return person_phrase(b, SUBJ);
    if (r < 90)
        return agent_phrase(b);
    W(b, PICK(orgs));
    return 0;
}

/* ------------------------------------------------------------------ */
/* Sentence templates (no final punctuation)                           */
/* ------------------------------------------------------------------ */

static void s_simple(Buf *b)
{
    const Verb *v = any_verb();
    if (chance(15))
        W(b, PICK(openers));
    actor(b, SUBJ);
    vp_of(b, v, F_PAST);
    if (chance(45))
        place(b);
    if (chance(60))
        time_past(b);
}

static void s_tense(Buf *b)
{
    int pl;
    const Verb *v = any_verb();
    unsigned r = rn(100);
    pl = actor(b, SUBJ);
    if (r < 30) {
        W(b, pl ? "have" : "has");
        if (chance(25))
            W(b, PICK(((const char *const[]){"already", "repeatedly", "long", "also", "recently"})));
        vp_of(b, v, F_PP);
    } else if (r < 50) {
        vp_of(b, v, pl ? F_BASE : F_S);
    } else if (r < 65) {
        W(b, pl ? "are" : "is");
        vp_of(b, v, F_ING);
    } else if (r < 85) {
        W(b, "will");
        vp_of(b, v, F_BASE);
        if (chance(60))
            time_future(b);
    } else {
        W(b, pl ? "are" : "is");
        W(b, PICK(((const char *const[]){"expected to", "due to", "set to", "likely to",
                                          "planning to", "preparing to"})));
        vp_of(b, v, F_BASE);
        if (chance(60))
            time_future(b);
    }
    if (chance(30))
        place(b);
}

static void s_reported(Buf *b)
{
    const Verb *v = any_verb();
    int pl;
    speaker(b);
    W(b, PICK(speech_verbs));
    if (chance(40))
        time_past(b);
    if (chance(50))
        W(b, "that");
    pl = actor(b, SUBJ);
    if (chance(55)) {
        if (chance(20))
            W(b, pl ? PICK(((const char *const[]){"were ready to", "were prepared to"}))
                    : PICK(((const char *const[]){"was ready to", "was prepared to"})));
        else
            W(b, PICK(((const char *const[]){"would", "would", "could", "might", "would not",
                                              "will", "would soon"})));
        vp_of(b, v, F_BASE);
    } else {
        W(b, PICK(((const char *const[]){"had", "had", "had not", "had already", "had never"})));
        vp_of(b, v, F_PP);
    }
    if (chance(30))
        place(b);
}

static void quote_body(Buf *b)
{
    unsigned r = rn(100);
    if (r < 30) {
        W(b, "We");
        W(b, PICK(((const char *const[]){"will", "will not", "cannot", "must", "are ready to",
                                          "do not want to", "are going to", "have decided to"})));
        vp(b, F_BASE, 1);
    } else if (r < 45) {
        W(b, country_pick()->name);
        W(b, PICK(((const char *const[]){"is ready to", "will never", "has the right to",
                                          "does not intend to", "is determined to"})));
        vp(b, F_BASE, 1);
    } else if (r < 60) {
        W(b, "This is a");
        W(b, PICK(eval_adj));
        W(b, PICK(((const char *const[]){"moment", "step", "day", "decision"})));
        W(b, "for");
        W(b, chance(50) ? "our country" : country_pick()->name);
    } else if (r < 70) {
        W(b, "There can be no");
        W(b, PICK(((const char *const[]){"peace", "stability", "recovery", "progress", "trust"})));
        W(b, "without");
        W(b, PICK(((const char *const[]){"dialogue", "justice", "security", "reform",
                                          "accountability"})));
    } else {
        W(b, PICK(quote_static));
    }
}

static void s_quote(Buf *b)
{
    unsigned r = rn(100);
    if (r < 55) {
        qopen(b);
        quote_body(b);
        put(b, ",\"");
        speaker(b);
        W(b, PICK(((const char *const[]){"said", "said", "told reporters", "said in a statement",
                                          "added", "told lawmakers"})));
        if (chance(40))
            time_past(b);
    } else if (r < 80) {
        speaker(b);
        W(b, PICK(((const char *const[]){"said", "told reporters", "wrote"})));
        if (chance(40))
            time_past(b);
        put(b, ":");
        qopen(b);
        quote_body(b);
        put(b, ".\"");
    } else {
        qopen(b);
        quote_body(b);
        put(b, ",\"");
        W(b, "said");
        speaker(b);
    }
}

static void s_passive(Buf *b)
{
    int pl = thing(b);
    const Verb *v = verb_of('T');
    W(b, pl ? "were" : "was");
    if (chance(15))
        W(b, "not");
    W(b, v->f[F_PP]);
    if (chance(60)) {
        W(b, "by");
        actor(b, OBJ);
    }
    if (chance(50))
        time_past(b);
    if (chance(40))
        attribute(b, PICK(attributions));
}

static void s_casualties(Buf *b)
{
    unsigned r = rn(100);
    if (r < 40) {
        W(b, PICK(((const char *const[]){"at least", "more than", "nearly", "about"})));
        Wnum(b, 2 + rn(r < 10 ? 3000 : 90));
    } else {
        W(b, PICK(((const char *const[]){"dozens of", "hundreds of", "several", "two", "three",
                                          "scores of", "thousands of"})));
    }
    W(b, PICK(((const char *const[]){"people", "civilians", "soldiers", "protesters", "migrants",
                                      "police officers", "fighters", "children", "students"})));
    W(b, "were");
    W(b, PICK(((const char *const[]){"killed", "wounded", "arrested", "detained", "injured",
                                      "evacuated", "displaced", "rescued", "released",
                                      "taken hostage"})));
    if (chance(40)) {
        W(b, "when");
        agent_phrase(b);
        vp_of(b, verb_of('A'), F_PAST);
    }
    place(b);
    time_past(b);
    attribute(b, PICK(attributions));
}

static void s_negation(Buf *b)
{
    int pl;
    const Verb *v = any_verb();
    unsigned r = rn(100);
    pl = actor(b, SUBJ);
    if (r < 30) {
        W(b, "did not");
        vp_of(b, v, F_BASE);
    } else if (r < 50) {
        W(b, pl ? "have not" : "has not");
        vp_of(b, v, F_PP);
    } else if (r < 65) {
        W(b, PICK(((const char *const[]){"refused to", "declined to", "failed to",
                                          "stopped short of", "threatened to"})));
        if (strcmp(b->p + b->n - 2, "of") == 0)
            vp_of(b, v, F_ING);
        else
            vp_of(b, v, F_BASE);
    } else if (r < 80) {
        W(b, "will not");
        vp_of(b, v, F_BASE);
    } else {
        W(b, "never");
        vp_of(b, v, F_PAST);
    }
    if (chance(50))
        time_past(b);
    if (chance(35))
        attribute(b, PICK(attributions));
}

static void s_compound(Buf *b)
{
    const Verb *v;
    unsigned r = rn(100);
    actor(b, OBJ);
    W(b, "and");
    actor(b, OBJ);
    if (r < 40)
        v = verb_of('T');
    else if (r < 60)
        v = verb_of('I');
    else if (r < 80)
        v = verb_of('A');
    else
        v = verb_of('Q');
    if (chance(70))
        vp_of(b, v, F_PAST);
    else {
        W(b, "have");
        vp_of(b, v, F_PP);
    }
    if (chance(50))
        place(b);
    if (chance(50))
        time_past(b);
}

static void s_relative(Buf *b)
{
    unsigned r = rn(100);
    if (r < 50) {
        actor(b, OBJ);
        put(b, ",");
        W(b, chance(80) ? "who" : "which");
        vp_of(b, any_verb(), F_PAST);
        time_past(b);
        put(b, ",");
        vp_of(b, any_verb(), F_PAST);
    } else {
        actor(b, SUBJ);
        vp_of(b, verb_of('T'), F_PAST);
        put(b, ",");
        W(b, "which");
        W(b, PICK(((const char *const[]){"had been", "was", "has been", "would have been"})));
        W(b, verb_of('T')->f[F_PP]);
        W(b, "by");
        actor(b, OBJ);
        time_past(b);
    }
}

static void s_economy(Buf *b)
{
    const Country *c = country_pick();
    unsigned r = rn(100);
    char tmp[32];
    if (r < 60) {
        if (chance(50)) {
            W(b, "The");
            W(b, c->demonym);
        } else {
            possessive(b, c->name);
        }
        W(b, PICK(((const char *const[]){"benchmark stock index", "currency", "annual inflation rate",
                                          "jobless rate", "trade surplus", "budget deficit",
                                          "industrial output", "retail sales", "gross domestic product",
                                          "key interest rate", "exports to Europe", "wheat harvest"})));
        W(b, PICK(((const char *const[]){"rose", "fell", "climbed", "dropped", "edged up", "slipped",
                                          "jumped", "declined", "grew"})));
        Wdec(b, 1 + rn(120));
        W(b, "percent");
        if (chance(50)) {
            W(b, "to");
            Wnum(b, 100 + rn(40000));
            W(b, PICK(((const char *const[]){"points", "million tonnes", "billion dollars",
                                              "units"})));
        }
        W(b, "in");
        W(b, PICK(months));
        put(b, ",");
        W(b, PICK(((const char *const[]){"the statistics office said", "data showed",
                                          "according to official figures",
                                          "the central bank said"})));
        if (chance(50)) {
            put(b, ",");
            W(b, PICK(((const char *const[]){"as higher energy costs weighed on demand",
                                              "beating economists' forecasts",
                                              "the weakest reading since 2020",
                                              "helped by a rebound in tourism",
                                              "as the government cut spending"})));
        }
    } else if (r < 80) {
        W(b, PICK(((const char *const[]){"Brent crude", "Gold", "Copper", "Wheat futures",
                                          "The dollar", "Bitcoin", "Coffee prices"})));
        W(b, PICK(((const char *const[]){"rose to", "fell to", "traded flat at",
                                          "hit a two-month high of", "slid to"})));
        {
            /* one rn() per statement: argument evaluation order is unspecified */
            unsigned whole = 10 + rn(2000), cents = rn(100);
            snprintf(tmp, sizeof tmp, "$%u.%02u", whole, cents);
        }
        W(b, tmp);
        W(b, PICK(((const char *const[]){"on", "in early trading on", "by midday on"})));
        W(b, PICK(weekdays));
        put(b, ",");
        W(b, "after");
        actor(b, SUBJ);
        vp_of(b, verb_of('T'), F_PAST);
    } else {
        W(b, "The");
        W(b, PICK(((const char *const[]){"project", "agreement", "contract", "deal", "programme"})));
        W(b, "is worth about");
        {
            unsigned whole = 1 + rn(40), tenth = rn(10);
            snprintf(tmp, sizeof tmp, "$%u.%u", whole, tenth);
        }
        W(b, tmp);
        W(b, PICK(((const char *const[]){"billion", "million"})));
        W(b, "and is expected to create");
        Wnum(b, 500 + rn(60000));
        W(b, "jobs");
        W(b, PICK(((const char *const[]){"by 2030", "over five years", "in the region",
                                          "once completed"})));
    }
}

static void s_weather(Buf *b)
{
    const Country *c = country_pick();
    char tmp[16];
    if (chance(50)) {
        W(b, PICK(((const char *const[]){"Heavy rain", "A powerful storm", "Strong winds",
                                          "Flash floods", "A heat wave", "Heavy snow"})));
        W(b, PICK(((const char *const[]){"disrupted traffic", "cut power to thousands of homes",
                                          "closed schools", "forced the cancellation of flights",
                                          "damaged crops"})));
        W(b, "in");
        W(b, c->capital);
        time_past(b);
        put(b, ",");
        W(b, "and forecasters said temperatures would");
        W(b, chance(50) ? "rise to" : "fall to");
        snprintf(tmp, sizeof tmp, "%d", (int)rn(50) - 5);
        W(b, tmp);
        W(b, "degrees Celsius by");
        W(b, PICK(weekdays));
    } else {
        W(b, "Temperatures in");
        W(b, c->capital);
        W(b, "are expected to reach");
        snprintf(tmp, sizeof tmp, "%u", 25 + rn(22));
        W(b, tmp);
        W(b, "degrees Celsius");
        time_future(b);
        put(b, ",");
        W(b, "the national weather service said, urging residents to stay indoors");
    }
}

static void s_sports(Buf *b)
{
    const Country *c1 = &PICK(countries), *c2 = &PICK(countries);
    char tmp[16];
    W(b, PICK(((const char *const[]){"The", "Hosts", "Defending champions"})));
    W(b, c1->name);
    W(b, PICK(((const char *const[]){"beat", "thrashed", "edged", "drew with", "lost to"})));
    W(b, c2->name);
    {
        unsigned g1 = 1 + rn(5), g2 = rn(3);
        snprintf(tmp, sizeof tmp, "%u-%u", g1, g2);
    }
    W(b, tmp);
    W(b, "in");
    W(b, PICK(((const char *const[]){"a World Cup qualifier", "a friendly", "the regional cup final",
                                      "the group stage", "a rain-delayed match"})));
    time_past(b);
    put(b, ",");
    W(b, "with");
    W(b, PICK(first_m));
    W(b, PICK(surnames));
    W(b, PICK(((const char *const[]){"scoring twice", "scoring the winner", "missing a penalty",
                                      "sent off"})));
    W(b, "in the");
    snprintf(tmp, sizeof tmp, "%u", 2 + rn(88));
    {
        unsigned m = (unsigned)atoi(tmp);
        const char *suf = (m % 10 == 1 && m != 11) ? "st"
                          : (m % 10 == 2 && m != 12) ? "nd"
                          : (m % 10 == 3 && m != 13) ? "rd"
                                                      : "th";
        W(b, tmp);
        put(b, suf);
    }
    W(b, "minute");
}

static void s_according(Buf *b)
{
    W(b, "According to");
    W(b, PICK(((const char *const[]){"state media", "a statement from the presidency",
                                      "two diplomats", "the U.N. envoy", "local officials",
                                      "a report by the ministry", "satellite images"})));
    put(b, ",");
    actor(b, OBJ);
    vp_of(b, any_verb(), F_PAST);
    if (chance(50))
        time_past(b);
}

static void s_after(Buf *b)
{
    actor(b, SUBJ);
    vp_of(b, any_verb(), F_PAST);
    W(b, PICK(((const char *const[]){"after", "before", "while", "because", "even though", "as"})));
    actor(b, SUBJ);
    vp_of(b, any_verb(), F_PAST);
    if (chance(50))
        time_past(b);
}

static void s_it(Buf *b)
{
    unsigned r = rn(100);
    char tmp[8];
    if (r < 50) {
        W(b, PICK(((const char *const[]){"It was not immediately clear whether",
                                          "It remains unclear whether",
                                          "Officials did not say whether",
                                          "There was no word on whether"})));
        actor(b, SUBJ);
        W(b, "would");
        vp(b, F_BASE, 0);
    } else {
        W(b, "It was the first time since");
        snprintf(tmp, sizeof tmp, "%u", 1990 + rn(34));
        W(b, tmp);
        W(b, "that");
        actor(b, SUBJ);
        W(b, "had");
        vp(b, F_PP, 0);
    }
}

static void s_pronoun(Buf *b)
{
    W(b, PICK(((const char *const[]){"He", "She", "They", "It"})));
    if (chance(40))
        W(b, "also");
    vp(b, F_PAST, 0);
    if (chance(50))
        place(b);
    if (chance(50))
        time_past(b);
}

static void s_participle(Buf *b)
{
    if (chance(50)) {
        W(b, "Speaking");
        place(b);
        put(b, ",");
        speaker(b);
        W(b, "said");
        actor(b, SUBJ);
        W(b, "would");
        vp(b, F_BASE, 0);
    } else {
        W(b, PICK(((const char *const[]){"Citing security concerns,", "Under pressure from donors,",
                                          "In a rare move,", "Despite the warnings,",
                                          "Following the talks,", "With elections approaching,"})));
        actor(b, SUBJ);
        vp(b, F_PAST, 0);
    }
}

static void s_background(Buf *b)
{
    const Country *c1 = focus[0], *c2 = focus[1];
    char tmp[8];
    W(b, "Relations between");
    W(b, c1->name);
    W(b, "and");
    W(b, c2->name);
    W(b, PICK(((const char *const[]){"have deteriorated", "have improved", "have been tense",
                                      "have warmed", "have been strained"})));
    W(b, "since");
    snprintf(tmp, sizeof tmp, "%u", 1995 + rn(29));
    W(b, tmp);
    put(b, ",");
    W(b, "when");
    actor(b, SUBJ);
    vp(b, F_PAST, 0);
}

/* optional extras used to lengthen short sentences */
static void extend(Buf *b)
{
    switch (rn(7)) {
    case 0:
        place(b);
        break;
    case 1:
        time_past(b);
        break;
    case 2:
        W(b, PICK(((const char *const[]){"amid rising tensions over", "amid a dispute over",
                                          "amid growing concern about", "as part of a push on"})));
        W(b, PICK(topics));
        break;
    case 3:
        W(b, "for the first time in");
        W(b, PICK(((const char *const[]){"years", "a decade", "months", "two decades"})));
        break;
    case 4:
        W(b, "after weeks of");
        W(b, PICK(((const char *const[]){"talks", "fighting", "protests", "speculation",
                                          "negotiations", "delays"})));
        break;
    default:
        attribute(b, PICK(attributions));
        break;
    }
}

static void sentence(Buf *b)
{
    for (;;) {
        unsigned r = rn(1000);
        int ext = 1, words;
        char last;
        reset(b);
        tail_locked = 0;
        if (r < 200)
            s_simple(b);
        else if (r < 300)
            s_tense(b);
        else if (r < 430)
            s_reported(b);
        else if (r < 520)
            s_quote(b), ext = 0;
        else if (r < 580)
            s_passive(b);
        else if (r < 630)
            s_casualties(b), ext = 0;
        else if (r < 700)
            s_negation(b);
        else if (r < 750)
            s_compound(b);
        else if (r < 800)
            s_relative(b);
        else if (r < 850)
            s_economy(b), ext = 0;
        else if (r < 870)
            s_weather(b), ext = 0;
        else if (r < 885)
            s_sports(b), ext = 0;
        else if (r < 915)
            s_according(b);
        else if (r < 945)
            s_after(b);
        else if (r < 960)
            s_it(b);
        else if (r < 975)
            s_pronoun(b);
        else if (r < 990)
            s_participle(b);
        else
            s_background(b);
        /* trailing comma of an appositive must not meet the full stop */
        while (b->n > 0 && (b->p[b->n - 1] == ',' || b->p[b->n - 1] == ' '))
            b->p[--b->n] = '\0';
        words = count_words(b->p);
        while (ext && !tail_locked && words < 12) {
            extend(b);
            words = count_words(b->p);
        }
        if (words < 12 || words > 40)
            continue;
        last = b->n ? b->p[b->n - 1] : '.';
        if (last != '.' && last != '"')
            putc_(b, '.');
        else if (last == '"' && b->n >= 2 && b->p[b->n - 2] != '.')
            putc_(b, '.');
        capitalize(b->p);
        return;
    }
}

static void headline(Buf *b)
{
    unsigned r = rn(100);
    int pl;
    reset(b);
    if (r < 45) {
        pl = actor(b, OBJ);
        vp_of(b, r < 35 ? any_verb() : verb_of('A'), pl ? F_BASE : F_S);
    } else if (r < 65) {
        W(b, leaders[focus_leader].shortname);
        W(b, "says");
        W(b, focus[rn(2)]->name);
        W(b, "will");
        vp(b, F_BASE, 1);
    } else if (r < 80) {
        W(b, focus[0]->name);
        if (chance(50))
            put(b, ",");
        else
            W(b, "and");
        W(b, focus[1]->name);
        vp_of(b, verb_of(chance(50) ? 'T' : 'Q'), F_BASE);
    } else {
        pl = thing(b);
        W(b, pl ? "were" : "was");
        W(b, verb_of('T')->f[F_PP]);
        W(b, "in");
        W(b, focus[0]->capital);
    }
    if (count_words(b->p) > 16) {
        /* keep headlines short: cut at a word boundary */
        int w = 0;
        size_t i;
        for (i = 0; i < b->n; i++)
            if (b->p[i] == ' ' && ++w == 14) {
                b->n = i;
                b->p[i] = '\0';
                break;
            }
    }
    while (b->n > 0 && (b->p[b->n - 1] == ',' || b->p[b->n - 1] == ' '))
        b->p[--b->n] = '\0';
    if (strncmp(b->p, "the ", 4) == 0) {
        memmove(b->p, b->p + 4, b->n - 3);
        b->n -= 4;
    }
    capitalize(b->p);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static char obuf[1 << 20];
static size_t olen;
static unsigned long long total;

static void oflush(void)
{
    if (olen && fwrite(obuf, 1, olen, stdout) != olen) {
        perror("gencorpus: write");
        exit(1);
    }
    olen = 0;
}

static void oput(const char *s, size_t n)
{
    total += n;
    while (n) {
        size_t k = sizeof obuf - olen;
        if (k > n)
            k = n;
        memcpy(obuf + olen, s, k);
        olen += k;
        s += k;
        n -= k;
        if (olen == sizeof obuf)
            oflush();
    }
}

static void ostr(const char *s) { oput(s, strlen(s)); }

static void ojson(const char *s)
{
    const char *run = s;
    oput("\"", 1);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *esc = NULL;
        char ubuf[8];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c < 0x20) {
            snprintf(ubuf, sizeof ubuf, "\\u%04x", c);
            esc = ubuf;
        }
        if (esc) {
            oput(run, (size_t)(s - run));
            ostr(esc);
            run = s + 1;
        }
    }
    oput(run, (size_t)(s - run));
    oput("\"", 1);
}

static void upper_copy(char *dst, size_t cap, const char *s)
{
    size_t i;
    for (i = 0; s[i] && i < cap - 1; i++)
        dst[i] = (char)toupper((unsigned char)s[i]);
    dst[i] = '\0';
}

static void article(unsigned long id)
{
    static char sbuf[2048], tbuf[32768], hbuf[512];
    Buf s = {sbuf, 0, sizeof sbuf, 0};
    Buf t = {tbuf, 0, sizeof tbuf, 0};
    Buf h = {hbuf, 0, sizeof hbuf, 0};
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned year = 2010 + rn(15), month = rn(12), day, nsent, i, inpara = 0, paralen;
    unsigned agency = rn((unsigned)N_OF(agencies));
    char tmp[96], up[64];

    day = 1 + rn(mdays[month] + (month == 1 && year % 4 == 0));
    focus[0] = &PICK(countries);
    do
        focus[1] = &PICK(countries);
    while (focus[1] == focus[0]);
    focus_leader = (int)rn((unsigned)N_OF(leaders));

    reset(&t);
    nsent = 5 + rn(26);
    paralen = 1 + rn(2);
    for (i = 0; i < nsent; i++) {
        sentence(&s);
        if (i == 0 && chance(60)) {
            const Country *c = chance(70) ? focus[0] : &PICK(countries);
            upper_copy(up, sizeof up, c->capital);
            snprintf(tmp, sizeof tmp, "%s, %s %u (%s) - ", up, months_ap[month], day,
                     chance(80) ? agency_abbr[agency] : agencies[agency]);
            put(&t, tmp);
        }
        if (inpara)
            putc_(&t, ' ');
        put(&t, s.p);
        if (++inpara >= paralen && i + 1 < nsent) {
            putc_(&t, '\n');
            inpara = 0;
            paralen = 1 + rn(3);
        }
    }
    headline(&h);

    snprintf(tmp, sizeof tmp, "{\"id\":\"bench-%06lu\",\"title\":", id);
    ostr(tmp);
    ojson(h.p);
    snprintf(tmp, sizeof tmp, ",\"date\":\"%04u-%02u-%02u\",\"source\":", year, month + 1, day);
    ostr(tmp);
    ojson(agencies[agency]);
    ostr(",\"text\":");
    ojson(t.p);
    ostr("}\n");
}

int main(int argc, char **argv)
{
    double mb;
    char *end;
    unsigned long long target;
    unsigned long id = 1;
    uint64_t seed = 20240409;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s MEGABYTES [SEED] > corpus.jsonl\n", argv[0]);
        return 2;
    }
    mb = strtod(argv[1], &end);
    if (*end || !(mb > 0) || mb > 1e6) {
        fprintf(stderr, "gencorpus: bad size '%s' (megabytes, e.g. 50)\n", argv[1]);
        return 2;
    }
    if (argc == 3) {
        seed = strtoull(argv[2], &end, 0);
        if (*end) {
            fprintf(stderr, "gencorpus: bad seed '%s'\n", argv[2]);
            return 2;
        }
    }
    rng_seed(seed);
    init_verbs();
    target = (unsigned long long)(mb * 1048576.0);
    while (total < target)
        article(id++);
    oflush();
    if (fflush(stdout) != 0) {
        perror("gencorpus: write");
        return 1;
    }
    return 0;
}
