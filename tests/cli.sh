#!/bin/sh
# Command-line tests: usage, input kinds, bad input, ingest idempotence.
# usage: tests/cli.sh BINARY   (prints one line per test, then "cli: N passed, M failed")
H=${1:-build/herodotus}
. "$(dirname "$0")/lib.sh"
ART='BEIJING, April 9 (Agency) - Russian Foreign Minister Sergei Lavrov arrived in China on Monday for a visit.'

# coded DATE TEXT [OPTION...]: code TEXT, dated DATE, with herodotus code
# OPTION... --format tsv into $T/o (messages in $T/e)
coded() {
    printf 'Date: %s\n\n%b\n' "$1" "$2" >"$T/coded.txt"
    shift 2
    "$H" code "$@" --format tsv "$T/coded.txt" >"$T/o" 2>"$T/e"
}

# --help, --version, usage errors
"$H" --help >"$T/o" 2>&1; check help_exits_0 test $? -eq 0
grep -q "code" "$T/o"; check help_lists_commands test $? -eq 0
"$H" code --help >"$T/o" 2>&1; check code_help_exits_0 test $? -eq 0
"$H" --version | grep -q '^herodotus [0-9]'; check version_prints_version test $? -eq 0
"$H" code --bogus >/dev/null 2>&1; check unknown_option_exits_2 test $? -eq 2
"$H" frobnicate >/dev/null 2>&1; check unknown_command_exits_2 test $? -eq 2
"$H" code --format xml x.txt >/dev/null 2>&1; check bad_format_exits_2 test $? -eq 2
"$H" ingest x.txt >/dev/null 2>&1; check ingest_without_db_exits_2 test $? -eq 2

# input kinds
printf 'Published April 9, 2024\n\n%s\n' "$ART" >"$T/a.txt"
"$H" code --format jsonl "$T/a.txt" >"$T/o" 2>"$T/e"
check txt_file_is_coded grep -q '"code":"042"' "$T/o"
check jsonl_event_has_required_fields grep -q '"doc_id":"'"$T"'/a","sentence":0,"date":"2024-04-08","date_basis":"text","date_text":"Monday","source":"RUSGOV","target":"CHN","code":"042","root":"04","quad":1,"goldstein":1.9' "$T/o"
check jsonl_event_has_its_plover_category grep -q '"code":"042",.*"event":"Make a visit","plover":"CONSULT"' "$T/o"
# text all in lower case or all in capitals: re-cased, the same events as cased text
CASED='Russian Foreign Minister Sergei Lavrov arrived in China on Monday and met Chinese officials. Protesters in Moscow criticised the Kremlin.'
for v in cased lower upper; do
    case $v in
        cased) txt=$CASED ;;
        lower) txt=$(printf '%s' "$CASED" | tr 'A-Z' 'a-z') ;;
        upper) txt=$(printf '%s' "$CASED" | tr 'a-z' 'A-Z') ;;
    esac
    printf 'Date: 2024-04-08\n\n%s\n' "$txt" | "$H" code --format tsv - | cut -f4-6 >"$T/case-$v"
done
check cased_text_gives_its_events sh -c "[ \$(wc -l <'$T/case-cased') -ge 3 ]"
check lower_case_text_gives_the_events_of_cased_text cmp -s "$T/case-cased" "$T/case-lower"
check all_capitals_text_gives_the_events_of_cased_text cmp -s "$T/case-cased" "$T/case-upper"
printf 'Date: 2024-04-08\n\n%s\n' "$(printf '%s' "$CASED" | tr 'A-Z' 'a-z')" | "$H" code --format jsonl - >"$T/o"
check lower_case_text_is_shown_re_cased grep -q '"text":"Russian foreign minister Sergei' "$T/o"

# agentless passives of arrests and violence are events with no source; crowds are actors
coded 2024-06-26 'NAIROBI, June 26 (Agency) - Five protesters were arrested on Tuesday. At least 13 people were killed in clashes. Thousands of people marched through the city. The talks were postponed.'
check an_arrest_by_no_one_named_has_no_source grep -q '		KENOPP	173	' "$T/o"
check people_killed_by_no_one_named_are_the_target sh -c "grep -P '^[^\t]*\t[0-9]+\t[-0-9]*\t\tKENCVL\t1[89]|\t\tKENCVL\t20' '$T/o' >/dev/null"
check a_crowd_of_people_marching_is_a_protest grep -q '	KENCVL	KEN	14' "$T/o"
check other_agentless_passives_stay_out sh -c "[ \$(wc -l <'$T/o') -eq 4 ]"

# a demand is on the subject of what is demanded; a protest takes the target of its demand
coded 2024-04-08 'The Kenyan government on Monday demanded that Uganda hand over the suspects within a week. Thousands of students marched through Lagos on Tuesday to demand reforms from the Nigerian government.' --all
check a_demand_that_x_act_is_on_x grep -q '	KENGOV	UGA	10[0-9]*	' "$T/o"
check a_protest_takes_the_target_of_its_demand grep -q '	NGAEDU	NGAGOV	14[0-9]*	' "$T/o"

# "said it would attack" is a threat, "said it attacked" a claim; "would boycott" is a verb after a modal
coded 2024-04-08 'Hamas said on Monday it would attack Israel. Hamas said on Tuesday it attacked Israel. The opposition leaders said they would boycott the Kenyan government.' --all
check said_it_would_attack_is_a_threat_of_force sh -c "grep -q '	PSEREBHMS	ISR	138	' '$T/o' && [ \$(grep -c '	PSEREBHMS	ISR	015	' '$T/o') -eq 1 ]"
check a_word_after_a_modal_is_a_verb grep -q '	[A-Z]*	KENGOV	13[0-9]*	' "$T/o"

# a participle between a verb and its object describes the object ("rejected proposed changes")
coded 2024-04-08 'The Palestinians rejected proposed Israeli changes to the agreement. Zambia extradited suspected British militant John Smith to Britain.' --all
check a_participle_before_the_object_does_not_end_the_clause sh -c "grep -q '	PSE	ISR	12[0-9]*	' '$T/o' && grep -q '	ZMB	GBR[A-Z]*	06[0-9]*	' '$T/o'"

# what is demanded has not happened; companions "along with" are no subject; one's own troops sent somewhere: the target is where
coded 2024-04-08 'Washington, along with its European allies, demanded on Monday that Hamas release the hostages held in Gaza. Rwanda offered its troops to the Mozambican government to fight the insurgents. Kenyan police arrested protesters near the Ugandan embassy.' --all
check along_with_companions_leave_the_subject grep -q '	USA	PSEREBHMS	10[0-9]*	' "$T/o"
check what_is_demanded_is_not_done sh -c "! grep -q '	PSEREBHMS	[A-Z]*	08[0-9]*	' '$T/o'"
check own_troops_offered_to_a_country_target_that_country grep -q '	RWA	MOZGOV	0[0-9]*	' "$T/o"
check own_people_not_sent_anywhere_stay_the_target grep -q '	KENCOP	KENOPP	173	' "$T/o"

# a refusal is one event (the refusal of what was refused), not also a plain rejection
coded 2024-04-08 'Brazil, citing the risk of torture, has refused to extradite the former Zimbabwean president.' --all
check a_refusal_is_one_event sh -c "grep -q '	BRA	ZWEGOV	121	' '$T/o' && [ \$(wc -l <'$T/o') -eq 2 ]"

# a tree's object is the target where the rules stop ("as expected" ends their search); --explain names the relation
"$H" code --parse conllu --all --explain --format jsonl tests/fixtures/tree-target.conllu >"$T/o" 2>"$T/e"
check the_trees_object_is_the_target_the_rules_miss grep -q '"source":"KEN","target":"UGAGOV","code":"174".*target: obj of the verb in the tree' "$T/o"
sed 's/	obj	/	dep	/' tests/fixtures/tree-target.conllu >"$T/noobj.conllu"
"$H" code --parse conllu --all --format tsv "$T/noobj.conllu" >"$T/o" 2>"$T/e"
check without_the_obj_relation_the_rules_find_no_target grep -q '	KEN		174	' "$T/o"
# a bare participle after a noun modifies it: "the curfew on Palestinians living in the West Bank"
coded 2024-04-08 'The Israeli government, under pressure from its coalition partners, is refusing to lift the curfew on Palestinians living in the West Bank.' --all
check a_participle_after_a_noun_leaves_it_the_target grep -q '	ISRGOV	PSE	1241	' "$T/o"

# violence by a weapon: unnamed attackers of the place it struck (a blast, which may be an accident: no one); a storm is no one's violence
coded 2024-04-08 'A roadside bomb near the town of Baidoa on Sunday killed three Kenyan soldiers, the army said. Heavy rain killed 20 villagers in western Kenya.'
check a_bomb_killing_soldiers_is_violence_by_unnamed_attackers_of_its_place grep -q '	SOMUAF	KENMIL	19[0-9]*	' "$T/o"
check rain_killing_villagers_is_no_event sh -c "! grep -q 'KENCVL' '$T/o'"

# a relative pronoun's antecedent is the subject; clashes that "broke out ... between" have two sides; an unnamed agent takes the country its event is placed in over the dateline's
printf 'NAIROBI, May 14 (Agency) - Police fired tear gas at opposition supporters who had gathered outside parliament to protest against the finance bill. Clashes broke out in Kisumu late on Tuesday between stone-throwing youths and police. A suicide bomber blew himself up at a checkpoint in Mogadishu, killing seven soldiers.\n' >"$T/rel.txt"
"$H" code --date 2024-05-14 --format tsv "$T/rel.txt" >"$T/o" 2>"$T/e"
check a_relative_pronoun_stands_for_its_antecedent grep -q '	KENOPP	KEN	14[0-9]*	' "$T/o"
check clashes_breaking_out_between_two_sides_code_both sh -c "grep -q '	KENCVL	KENCOP	190	' '$T/o' && grep -q '	KENCOP	KENCVL	190	' '$T/o'"
check an_unnamed_agent_takes_the_country_its_event_is_in grep -q '	SOMUAF	SOM[A-Z]*	18[0-9]*	' "$T/o"

# condemning an attack named before condemns who carried it out
coded 2024-05-14 'Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing nine civilians. The German government condemned the shelling and summoned the Russian ambassador.'
check condemning_an_attack_targets_its_doer grep -q '	DEUGOV	RUSMIL	111	' "$T/o"

# lower-case regional copy: a dharna is a protest, police who lathicharged a crowd repressed it (a verb only the dictionary knows)
coded 2024-07-02 'hundreds of indian farmers staged a dharna outside the collectorate in ludhiana on monday. the indian police lathicharged the protesters near the barricades.'
check a_dharna_is_a_protest grep -q '	INDAGR	IND	14[0-9]*	' "$T/o"
check a_dictionary_verb_wordnet_lacks_is_lemmatised grep -q '	INDCOP	INDOPP	175	' "$T/o"

# a threat to strike is one threat, of a strike; a participle after a comma acts for the clause's subject, a list after "accused X of" for no one
coded 2024-07-02 'The Kenyan teachers union has threatened to launch an indefinite strike. The Kenyan opposition staged a walkout over rising prices, accusing the government of failing the poor. Amnesty International accused the Kenyan police of killing protesters, ignoring the courts and torturing detainees.' --all
check a_threatened_strike_is_one_threat_of_dissent sh -c "grep -q '	KENEDU		133	' '$T/o' && ! grep -q '	KENEDU	[A-Z]*	13[08]	' '$T/o'"
check a_participle_after_a_comma_acts_for_the_subject grep -q '	KENOPP	KENGOV	112	' "$T/o"
check a_list_after_accused_of_is_no_deed_of_the_accuser sh -c "[ \$(grep -c '	NGOAMN[A-Z]*	' '$T/o') -eq 1 ]"

# a strike by those who bear arms is an attack; by workers, a strike; police in the next sentence are of the place named before, not of the dateline
printf 'MOSCOW, Oct 3 (Agency) - Russia said its forces had carried out a massive strike on energy facilities. Kenyan teachers held a strike on Monday. Thousands of people rallied in the Georgian capital on Friday. Police used water cannon to disperse the crowd outside parliament.\n' >"$T/strike.txt"
"$H" code --all --date 2024-10-03 --format tsv "$T/strike.txt" >"$T/o" 2>"$T/e"
check a_strike_by_armed_forces_is_an_attack grep -q '	RUSMIL		190	' "$T/o"
check a_strike_by_teachers_is_a_strike grep -q '	KENEDU	KEN	143	' "$T/o"
check agents_take_the_place_named_before_over_the_dateline grep -q '	GEOCOP	GEO[A-Z]*	175	' "$T/o"

# violence in wire copy: a plural in -men and a verb the tagger took for a noun; an agent after adjectives; who speaks together does not speak to each other; where a clash or march took place is no target
coded 2024-03-11 'Gunmen abducted more than 100 students from a school in northwestern Nigeria on Thursday, residents and a teacher said. Two police officers were shot dead by suspected militants in the Pakistani city of Peshawar. Police and protesters clashed in Nairobi. Students and workers marched through Nairobi.' --all
check gunmen_abducting_students_is_an_abduction grep -q '	NGAUAF	NGAEDU	181	' "$T/o"
check an_agent_after_adjectives_is_the_agent grep -q '	PAKREB	PAKCOP	193	' "$T/o"
check speakers_together_do_not_speak_to_each_other sh -c "! grep -q '	NGACVL	NGAEDU	010	' '$T/o'"
check two_sides_clashing_in_a_city_act_on_each_other sh -c "grep -q '	KENCOP	KENOPP	190	' '$T/o' && grep -q '	KENOPP	KENCOP	190	' '$T/o'"
check a_march_naming_no_one_is_addressed_to_the_marchers_country grep -q '	KENEDU	KEN	141	' "$T/o"

# speculation, forecasts and questions are no deeds; the purpose of a plan is planned; a past tense after "would not attack ... and" joins the speaker
coded 2024-06-20 'Would Washington impose new sanctions on Iran if talks collapse? India and Pakistan could resume talks on Kashmir next month. The European Union is expected to approve new sanctions against Russia. Japan plans to send a delegation to North Korea to discuss the abductions. The Sudanese president said the army would not attack civilians and urged rebels to lay down their arms.' --all
check a_question_is_no_deed sh -c "! grep -q '	USA	IRN	' '$T/o'"
check what_could_happen_is_no_deed sh -c "! grep -q '	IND	PAK	' '$T/o'"
check what_is_expected_is_no_deed sh -c "! grep -q '	IGOEUREEC	RUS	' '$T/o'"
check the_purpose_of_a_plan_is_an_intention sh -c "grep -q '	JPN	PRK	036	' '$T/o' && ! grep -q '	JPN	[A-Z]*	04[0-9]*	' '$T/o'"
check a_past_tense_after_a_modal_clause_joins_the_speaker grep -q '	SDNGOV	SDNREB	02[0-9]*	' "$T/o"

# a lede in capitals above a body in ordinary case is re-cased line by line; short acronyms in a lower-case feed are names
coded 2024-10-03 'A COURT IN MOSCOW SENTENCED A U.S. CITIZEN TO 12 YEARS IN PRISON ON CHARGES OF TREASON.\nThe White House said it was seeking consular access.'
check a_lede_in_capitals_gives_its_event grep -q '	RUSJUD	USACVL	116	' "$T/o"
coded 2024-10-03 'the sudanese army accused the rsf of targeting civilians in el fasher on monday.'
check a_short_acronym_in_a_lower_case_feed_is_a_name grep -q '	SDNMIL	SDNREBRSF	112	' "$T/o"

# what someone is allowed to do is not done: the permission is the event
coded 2024-06-20 'The interior ministry said it would allow the Angolan opposition to hold a rally in Luanda on Friday.' --all
check a_rally_allowed_is_not_held sh -c "! grep -q '	AGOOPP	[A-Z]*	14[0-9]*	' '$T/o' && grep -q '	AGOGOV	AGOOPP	03[0-9]*	' '$T/o'"

# police action: police "in the Kenyan capital" arrested "at least 40 people"; suspects arrested by no one named; a curfew stands alone
coded 2024-02-08 'Police in the Kenyan capital arrested at least 40 people during a crackdown on Wednesday. Two suspects were arrested in connection with the bombing, Turkish police said. The Kenyan army imposed a curfew in the city.'
check police_in_the_capital_arrested_at_least_forty grep -q '	KENCOP	KENCVL	173	' "$T/o"
check suspects_arrested_by_no_one_named grep -q '		TURCRM	173	' "$T/o"
check a_curfew_imposed_stands_alone grep -q '	KENMIL		1723	' "$T/o"

# protests in wire copy: a march to the palace is a protest, not a complaint; walking off the job is a strike; a strike called by unions is theirs; protests whose protesters go unnamed; a participle's place is not the sentence's
coded 2024-09-12 'Hundreds of Congolese women marched to the presidential palace in Kinshasa. Thousands of Kenyan workers walked off the job at the copper mine. A general strike called by the Argentine unions paralysed public transport. Demonstrations against the French government continued for a second week.'
check a_march_to_the_palace_is_a_protest sh -c "grep -q '	CODCVL	[A-Z]*	141	' '$T/o' && ! grep -q '	114	' '$T/o'"
check walking_off_the_job_is_a_strike grep -q '	KENLAB	KEN	143	' "$T/o"
check a_strike_called_by_unions_is_theirs grep -q '	ARGLAB	ARG	143	' "$T/o"
check protests_by_no_one_named_have_their_target grep -q '		FRAGOV	141	' "$T/o"
coded 2024-09-12 'Tens of thousands of Israelis took to the streets on Saturday to demand a deal to bring home the hostages held in Gaza. Police detained 12 protesters.'
check a_participles_place_is_not_the_sentences grep -q '	ISRCOP	ISR[A-Z]*	173	' "$T/o"

# an adjective phrase after the subject ("farmers angry over cheap imports blocked ...")
coded 2024-09-12 'Polish farmers angry over cheap imports blocked border crossings for a third day.'
check an_adjective_phrase_after_the_subject_keeps_it grep -q '	POLAGR	POL	144	' "$T/o"

# cities give their country; a site ("at the port of", "near the town of") is no target; weapons' unnamed attackers are of the place
coded 2024-05-14 'Police in Mombasa fired tear gas at protesters. Russia shelled Kharkiv on Monday. Striking dock workers ended a strike at the port of Mombasa on Friday.'
check police_in_a_city_are_its_countrys grep -q '	KENCOP	KENOPP	175	' "$T/o"
check a_city_shelled_is_its_country grep -q '	RUS	UKR	19[0-9]*	' "$T/o"
check a_site_is_no_target sh -c "! grep -q '	KENLAB	KEN	' '$T/o'"

# what a condition names did not happen; "an attempt by X to" is X's wish, not a deed; criticising talks named before targets who held them
coded 2024-04-09 'Yellen warned Chinese officials of consequences if Chinese companies provided material support to Russia. Wang Yi opposed any attempt by the West to isolate Russia. Russian Foreign Minister Sergei Lavrov held talks with Chinese officials in Beijing. Ukraine criticised the talks.'
check a_condition_is_no_deed sh -c "! grep -q '	CHNBUS	RUS	07' '$T/o'"
check an_attempt_by_someone_is_no_deed sh -c "! grep -q '	RUS	16' '$T/o'"
check criticising_talks_targets_who_held_them grep -q '	UKR	RUSGOV	111	' "$T/o"

# "will not release" is a refusal; "will not attack" no event; "is opposed to" is the subject's stand; aircraft are forces; workers who stop work strike
coded 2024-01-01 'Iran will not release the British tanker. Russia will not attack Ukraine. Israel is opposed to French mediation. Russian aircraft killed 46 Afghan civilians. Serbian workers stopped work on Monday.'
check will_not_release_is_a_refusal grep -q '	IRN	GBR	124[0-9]*	' "$T/o"
check will_not_attack_is_no_event sh -c "! grep -q '	RUS	UKR	' '$T/o'"
check opposed_to_is_no_passive grep -q '	ISR	FRA	1[12][0-9]*	' "$T/o"
check aircraft_are_forces grep -q '	RUSMIL	AFGCVL	190	' "$T/o"
check stopping_work_is_a_strike grep -q '	SRBLAB	SRB	143	' "$T/o"

# abusing people is assault, abusing power is not; "police" is no verb; a participle after an object modifies it; an invasion of South Lebanon is of Lebanon
coded 2024-01-01 'Kenyan police officers abused detainees held in custody, a rights group said. The Kenyan minister abused his power. Israel mounted an invasion of South Lebanon.' --all
check abusing_detainees_is_assault grep -q '	KENCOP	KENCVL	182	' "$T/o"
check detainees_held_in_custody_do_not_detain sh -c "! grep -q '	KENCVL		173	' '$T/o'"
check abusing_power_is_no_assault sh -c "! grep -q '	KENGOV	[A-Z]*	18' '$T/o'"
check a_compass_part_of_a_country_is_the_country grep -q '	ISR	LBN	192	' "$T/o"

# "X-led" forces are X's; "have retaken" is a verb
coded 2024-01-01 'Vietnamese-led forces have retaken a strategic village in Western Cambodia. The Saudi-led coalition struck Houthi positions in Yemen.'
check x_led_forces_are_xs sh -c "grep -q '	VNMMIL	KHM	19[0-9]*	' '$T/o' && grep -q '	SAU	YEMREBHTH	19[0-9]*	' '$T/o'"

# an unknown name with an actor in apposition is that actor; "al-Qaeda" in a cased text is a name
coded 2001-01-01 'Salaheddine Sidhoum, Algeria'"'"'s leading human rights activist, staged a hunger strike in prison on Sunday. Osama bin Laden'"'"'s al-Qaeda network has threatened the United States.'
check an_unknown_name_is_its_apposition grep -q '	DZAHRI	DZA	142	' "$T/o"
check a_capital_after_a_particle_is_a_name grep -q '	IMGMUSALQ	USA	13[0-9]*	' "$T/o"

# a gathering "for" an event noun, after its place and time, is that event of who gathered; the arrival stays an event
coded 2001-01-01 'Thousands of Nigerians from across the country gathered in Lagos on Thursday for a rally against the new law. Russian Foreign Minister Sergei Lavrov arrived in Beijing on Monday for talks with Chinese leaders.'
check gathering_for_a_rally_is_a_protest grep -q '	NGA	NGA	141	' "$T/o"
check arriving_for_talks_is_a_visit_and_talks sh -c "grep -q '	RUSGOV	CHN	042	' '$T/o' && grep -q '	RUSGOV	CHNGOV	040	' '$T/o'"

# opposing a plan or mediation rejects it, opposing a war disapproves; "were engaged in" an event noun is doing it; blocking transport obstructs passage
coded 2001-01-01 'Germany opposed the US plan for Gaza. France opposed the war. Serb forces were engaged in ethnic cleansing against the Albanian population. Rebels in the Ivory Coast on Tuesday blocked transport into Abidjan.' --all
check opposing_a_plan_rejects_it sh -c "grep -q '	DEU	USA	127	' '$T/o' && grep -q '	FRA		110	' '$T/o'"
check engaged_in_an_event_noun_does_it grep -q '	SRBMIL	ALBCVL	203	' "$T/o"
check blocking_transport_obstructs_passage grep -q '	CIVREB	CIV	144	' "$T/o"

# a vow to attack is a threat, not also a vow to cooperate; "have sworn to fight" is a vow; a statement's participle is its issuer's
coded 2001-01-01 'Hamas vowed to attack Israel. Ethnic Albanians have sworn to fight until they gain control of the villages. The rebel Kurdistan Workers'"'"' Party issued a declaration demanding that the Turkish government release prisoners.' --all
check a_vow_to_attack_is_a_threat sh -c "grep -q '	PSEREBHMS	ISR	138	' '$T/o' && ! grep -q '	PSEREBHMS		030	' '$T/o'"
check a_sworn_fight_is_no_fight sh -c "grep -q '	ALB		138	' '$T/o' && ! grep -q '	ALB		190	' '$T/o'"
check a_statements_participle_is_its_issuers grep -q '	TURREBPKK	TURGOV	10[0-9]*	' "$T/o"

# an apposition whose actor is followed by a title names the unknown person; a pullout completed is a military retreat
coded 2001-01-01 'Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded that both parties allow aid workers in. Russia completed the pullout of its troops from Georgia.'
check an_apposition_with_a_title_names_the_person grep -q '	IGOUNO	[A-Z]*	10[0-9]*	' "$T/o"
check a_completed_pullout_is_a_retreat grep -q '	RUS	GEO	0874	' "$T/o"

# a quote closed before a period is its own token; '' closes ``; "U.S." inside a sentence is no reason to re-case the text
coded 2024-01-01 'Russia said the talks were "useless". He met Jones. Then U.S. officials left.' --all --debug
check a_closing_quote_before_a_period_is_split grep -q 'useless/JJ "/'"''"' ./.' "$T/e"
check an_abbreviation_does_not_recase_the_text grep -q 'U.S./NNP officials/NNS' "$T/e"
coded 2001-01-01 "Iraq said it would allow the return of U.N. weapons inspectors \`\`without conditions''." --all --debug
check a_verb_in_s_after_a_plural_noun_is_a_noun grep -q 'weapons/NNS/weapon inspectors/NNS' "$T/e"
check an_intent_to_allow_inspectors_is_coded grep -q '	IRQ	IGOUNO	0355	' "$T/o"

# a show of force targets whom it is against; a call for independence whom it is from
coded 1991-01-01 'Britain mobilized army reservists for a possible war against Iraq. Kosovo Albanians demonstrated calling for independence from Serbia.' --all
check a_show_of_force_targets_whom_it_is_against grep -q '	GBR	IRQ	15[0-9]*	' "$T/o"
check a_call_for_independence_targets_whom_it_is_from grep -q '	[A-Z]*	SRB	\(02\|10\)[0-9]*	' "$T/o"

# every event has a date and says where it came from: the words that gave it, or the publication
printf 'Date: 2024-05-14\n\nKenya criticised Uganda on Monday. Tanzania will host Rwanda next week. Ethiopia criticised Eritrea.\n' >"$T/dated.txt"
"$H" code --format jsonl "$T/dated.txt" >"$T/o" 2>"$T/e"
check a_weekday_dates_an_event_by_its_words grep -q '"date":"2024-05-13","date_basis":"text","date_text":"Monday"' "$T/o"
check next_week_of_an_event_to_come_is_its_monday grep -q '"date":"2024-05-20","date_basis":"text","date_text":"next week"' "$T/o"
check an_event_with_no_date_words_takes_the_publication_date sh -c "grep '\"source\":\"ETH\"' '$T/o' | grep -q '\"date\":\"2024-05-14\",\"date_basis\":\"publication\"'"
"$H" code --format tsv "$T/dated.txt" >"$T/o" 2>"$T/e"
check tsv_ends_with_the_date_basis_and_the_place sh -c "head -1 '$T/o' | grep -q '	text	date_basis	date_text	place	place_country	place_lat	place_lon	place_how\$' && awk -F'\t' 'NR == 2 && \$3 == \"2024-05-13\" && \$15 == \"text\" && \$16 == \"Monday\" && \$21 != \"\" { ok = 1 } END { exit !ok }' '$T/o'"

# --jobs N codes in threads and writes what one thread writes, in input order; a bad count is a usage error
for f in examples/*.txt; do sed -n '/^$/,$p' "$f" | tr '\n' ' ' | sed 's/"/\\"/g; s/^/{"id":"x","date":"2024-05-14","text":"/; s/$/"}/'; echo; done >"$T/one.jsonl"
awk '{ for (i = 0; i < 40; i++) { l = $0; sub(/"id":"x"/, "\"id\":\"" NR "-" i "\"", l); sub(/"text":"/, "\"text\":\"Report " NR "-" i ". ", l); print l } }' "$T/one.jsonl" >"$T/many.jsonl"
# bad lines among them: their messages come in input order too
awk 'NR == 50 { print "{\"id\": \"broken\", \"text\": " } NR == 90 { print "" } NR == 120 { print "{\"id\":\"d\",\"date\":7,\"text\":\"France condemned Iran.\"}" } { print }' "$T/many.jsonl" >"$T/many-bad.jsonl"
"$H" code --jobs 1 --format tsv --explain examples/*.txt "$T/many-bad.jsonl" >"$T/j1" 2>"$T/j1e"; rc1=$?
"$H" code --jobs 3 --format tsv --explain examples/*.txt "$T/many-bad.jsonl" >"$T/j3" 2>"$T/j3e"; rc3=$?
check jobs_write_what_one_thread_writes_in_order sh -c "cmp -s '$T/j1' '$T/j3' && [ \$(wc -l <'$T/j1') -gt 20 ]"
check jobs_report_bad_lines_as_one_thread_does sh -c "cmp -s '$T/j1e' '$T/j3e' && [ $rc1 -eq $rc3 ] && [ $rc3 -ne 0 ] &&
  grep -q 'many-bad.jsonl:50: invalid JSON' '$T/j3e' && grep -q 'many-bad.jsonl:122: \"date\" must be a string' '$T/j3e'"
"$H" ingest --quiet --jobs 1 --db "$T/jobs1.db" examples/*.txt "$T/many.jsonl" 2>/dev/null
"$H" ingest --quiet --jobs 3 --db "$T/jobs3.db" examples/*.txt "$T/many.jsonl" 2>/dev/null
dump() { sqlite3 "$1" "select d.doc_id, d.story, e.sentence, e.date, e.source, e.target, e.code, e.source_text, e.target_text, e.verb_text, e.rule from events e join documents d on d.id = e.doc order by e.id; create virtual table temp.vi using fts5vocab(main, sentences_fts, instance); select count(distinct doc) from temp.vi; select id, doc_id, length(body) from documents order by id"; }
h1=$(dump "$T/jobs1.db" | md5sum); h3=$(dump "$T/jobs3.db" | md5sum); nd=$(sqlite3 "$T/jobs3.db" 'select count(*) from documents')
check ingest_jobs_store_what_one_thread_stores sh -c "[ '$h1' = '$h3' ] && [ $nd -gt 100 ]"
"$H" ingest --jobs 3 --db "$T/jobs3.db" examples/*.txt "$T/many.jsonl" >"$T/again" 2>&1
check ingest_jobs_skip_what_is_stored sh -c "grep -q '^0 documents, 0 sentences, 0 events stored, '$nd' skipped as already stored' '$T/again' && [ \$(sqlite3 '$T/jobs3.db' 'select count(*) from documents') -eq $nd ]"
"$H" code --jobs 0 examples/*.txt >/dev/null 2>"$T/e"; rc=$?
check jobs_zero_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -q -- '--jobs takes a number of threads' '$T/e'"
"$H" ingest --batch 0 --db "$T/batch0.db" examples/*.txt >/dev/null 2>"$T/e"; rc=$?
check ingest_batch_zero_is_a_usage_error_and_makes_no_store sh -c "[ $rc -eq 2 ] && grep -q -- '--batch takes a number of documents' '$T/e' && [ ! -e '$T/batch0.db' ]"
"$H" code --batch 5 examples/*.txt >/dev/null 2>"$T/e"; rc=$?
check batch_is_an_option_of_ingest_only sh -c "[ $rc -eq 2 ] && grep -q -- \"unknown option '--batch'\" '$T/e'"

# states of the archives that are gone are their successors' (the Soviet Union, Yugoslavia, East Germany)
coded 1989-01-01 'The Soviet Union condemned the United States. East German police arrested protesters. Yugoslav forces shelled Vukovar.' --all
check the_soviet_union_is_russia grep -q '	RUS	USA	111	' "$T/o"
check east_german_police_are_germanys grep -q '	DEUCOP	' "$T/o"
check yugoslav_forces_are_serbias grep -q '	SRBMIL	' "$T/o"

# --stats prints the time per sentence of every stage and the peak memory
"$H" code --stats --format tsv examples/*.txt >/dev/null 2>"$T/e"
check stats_print_time_per_stage_and_peak_memory sh -c "grep -q '^time per sentence: read [0-9.]* us, segment [0-9.]* us, tag [0-9.]* us, actors [0-9.]* us, verbs [0-9.]* us, nouns [0-9.]* us, quotes [0-9.]* us, events [0-9.]* us, places [0-9.]* us, render [0-9.]* us' '$T/e' && grep -q '^peak memory [0-9]* MB' '$T/e'"

# places: the place phrase of the event's sentence, else the dateline, with the gazetteer's coordinates
printf 'KYIV, May 14 (Agency) - Russian forces shelled residential areas in Kharkiv overnight. Ukraine accused Russia of violating the ceasefire.\n' >"$T/pl.txt"
"$H" code --date 2024-05-14 --format jsonl "$T/pl.txt" >"$T/o" 2>"$T/e"
check event_place_from_its_sentence grep -q '"place":{"name":"Kharkiv","region":"[^"]*","country":"UKR","lat":49\.[0-9]*,"lon":36\.[0-9]*,"how":"sentence"}' "$T/o"
check event_place_from_the_dateline grep -q '"code":"112".*"dateline":"KYIV","place":{"name":"Kyiv",.*"country":"UKR",.*"how":"dateline"}' "$T/o"

# quotes: one JSON object per quote, with its speaker and the media it came through
printf 'Date: 2024-05-14\n\nSergei Lavrov arrived in Beijing on Monday.\n\n"We thank our Chinese partners for their support," he told RIA Novosti, according to TASS. "Nothing has changed."\n' >"$T/quotes.txt"
"$H" quotes "$T/quotes.txt" >"$T/o" 2>"$T/e"; rc=$?
check quotes_exit_0 test $rc -eq 0
check quotes_print_speaker_how_and_via_in_order grep -q '"quote_id":1,.*"text":"We thank our Chinese partners for their support","kind":"whole","speaker":{"name":"Sergei Lavrov","code":"RUSGOV","how":"pronoun","role":""},"via":\[{"name":"RIA Novosti","kind":"outlet"},{"name":"TASS","kind":"outlet"}\]' "$T/o"
check quotes_without_attribution_continue_the_one_before grep -q '"quote_id":2,.*"text":"Nothing has changed.",.*"how":"previous"' "$T/o"
check quotes_print_one_line_per_quote test "$(wc -l <"$T/o")" -eq 2
"$H" code --format jsonl "$T/quotes.txt" >"$T/o" 2>"$T/e"
check events_inside_a_quote_carry_its_id_and_we_is_the_speaker grep -q '"source":"RUSGOV","target":"CHN","code":"051".*"quote_id":1,' "$T/o"
check events_outside_quotes_carry_no_quote_id sh -c "grep '\"code\":\"042\"' '$T/o' | grep -vq quote_id"
"$H" quotes --format tsv "$T/quotes.txt" >"$T/o" 2>"$T/e"
check quotes_tsv_has_a_header_and_the_via_list sh -c "head -1 '$T/o' | grep -q '^doc_id	quote_id	sentence	date	kind	speaker	code	how	role	via	text$' && grep -q '	RIA Novosti; TASS	' '$T/o'"
"$H" quotes --help >"$T/o" 2>&1; check quotes_help_exits_0 sh -c "[ $? -eq 0 ] && grep -q 'usage: herodotus quotes' '$T/o'"

# web pages: .html files and HTML on stdin are read for their story and metadata
cat >"$T/page.html" <<'HTML'
<!DOCTYPE html><html><head><title>Iran ready for talks | Daily</title>
<meta property="article:published_time" content="2024-06-11T14:03:00+02:00"><meta name="author" content="Jane Doe">
<link rel="canonical" href="https://example.org/iran-talks"><script>var s = "Iran attacked Iraq.";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="cookie-banner">We use cookies. Accept?</div>
<article><h1>Iran ready for talks</h1><div class="article-body">
<p>Iran is ready to resume talks with France, Foreign Minister Abbas Araghchi said on Monday.</p>
<p>"We have never left the negotiating table," Araghchi told reporters, according to the IRNA news agency.</p>
</div></article><aside class="most-read"><ul><li><a href="#">Rebels attacked a convoy near the border, killing four soldiers</a></li></ul></aside>
<footer><p>Copyright 2024 Daily. Israel condemned Iran.</p></footer></body></html>
HTML
"$H" code --format jsonl "$T/page.html" >"$T/o" 2>"$T/e"; rc=$?
check html_page_is_coded_from_its_story sh -c "[ $rc -eq 0 ] && grep -q '\"source\":\"IRN\",\"target\":\"FRA\",\"code\":\"036\"' '$T/o'"
check html_page_dates_by_its_published_time grep -q '"date":"2024-06-10","date_basis":"text","date_text":"Monday"' "$T/o"
check html_page_furniture_gives_no_events sh -c "! grep -q '\"code\":\"19\|\"code\":\"11\|IRQ\|ISR' '$T/o'"
"$H" quotes "$T/page.html" >"$T/o" 2>"$T/e"
check html_page_quotes_have_their_via grep -q '"speaker":{"name":"Abbas Araghchi".*"via":\[{"name":"IRNA","kind":"outlet"}\]' "$T/o"
"$H" code --format jsonl - <"$T/page.html" >"$T/o" 2>"$T/e"
check html_on_stdin_is_detected grep -q '"source":"IRN","target":"FRA","code":"036"' "$T/o"
"$H" parse "$T/page.html" >"$T/o" 2>"$T/e"
check html_page_is_parsed sh -c "grep -q '^# text = Iran is ready to resume talks' '$T/o' && ! grep -q 'cookies' '$T/o'"
printf '<html><body><nav><a href="/">Home</a></nav></body></html>' >"$T/empty.html"
"$H" code "$T/empty.html" >"$T/o" 2>"$T/e"; rc=$?
check html_page_without_a_story_is_reported sh -c "[ $rc -eq 1 ] && grep -q 'empty.html: no story text found in the page' '$T/e'"

# an office the dictionaries know and a name they do not are one actor; a conjunct they do not code leaves it the subject
coded 2024-05-14 'Kenyan opposition leader Jane Wanjiku and a group of supporters held talks with Ugandan officials on Monday.'
check a_titled_unknown_name_with_uncoded_companions_is_the_subject grep -q '	KENOPP	UGAGOV	040	.*	Kenyan opposition leader Jane Wanjiku	' "$T/o"

# a possible action against another on a condition is a threat ("could impose sanctions ... if"); without the condition, speculation
coded 2024-05-14 'The European Union could impose sanctions on Russia if the talks fail. Russia could resume talks with Ukraine next week.'
check a_possible_hostile_action_on_a_condition_is_a_threat sh -c "grep -q '	RUS	13[0-9]*	' '$T/o' && ! grep -q '	UKR	0' '$T/o'"

# a visitor is not of the place he arrives in
coded 2024-01-01 'The Congolese foreign minister arrived in Jakarta on Saturday on a surprise visit.'
check a_visitor_is_not_of_where_he_arrives sh -c "grep -q '	CODGOV	IDN	042	' '$T/o' && ! grep -q '	IDNGOV	IDN	' '$T/o'"

# a leader's resignation stands alone; a trailing attribution ("..., the army chief said, as crowds stormed ...") reports only what came before it
coded 2024-08-05 'Bangladeshi Prime Minister Sheikh Hasina resigned and fled the country on Monday, the army chief said, as jubilant crowds stormed her official residence.'
check a_resignation_stands_alone grep -q '	BGDGOV		0831	' "$T/o"
check a_trailing_attribution_does_not_accuse_what_follows sh -c "! grep -q '	BGDMIL	[A-Z]*	112	' '$T/o'"

# "the latest abduction to hit" is no deed; two sides agree with each other, not with whom their deal is about; a conflict kills with no one named
coded 2024-01-01 'Militants kidnapped 40 schoolgirls in Zambia overnight, a local official said, in the latest mass abduction to hit the region. Sri Lankan and Mexican negotiators reached a tentative agreement on the release of prisoners. The conflict in Morocco, which began in 1999, has killed tens of thousands of people.'
check an_adjectival_infinitive_is_no_deed sh -c "grep -q '	ZMBREB	ZMBEDU	181	' '$T/o' && ! grep -q '	ZMBGOV	' '$T/o'"
check two_sides_agreeing_on_prisoners_agree_with_each_other sh -c "grep -q '	LKAGOV	MEXGOV	057	' '$T/o' && grep -q '	MEXGOV	LKAGOV	057	' '$T/o'"
check a_conflict_that_killed_names_no_killer grep -q '		MARCVL	190	' "$T/o"

# what an allegation or a report says is not shown to have happened; what a decision was to do is not done
coded 2024-01-01 'Iraqi prosecutors opened an investigation into allegations that Iraqi soldiers had executed prisoners. The Kenyan ministry reversed an earlier decision to ban the opposition rally.' --all
check an_allegation_is_no_deed sh -c "grep -q '	IRQJUD		09[0-9]*	' '$T/o' && ! grep -q '	IRQMIL	' '$T/o'"
check a_decision_to_ban_is_no_ban sh -c "! grep -q '	172[0-9]*	' '$T/o'"

# targets named further on: a protest's "in protest of X's refusal", a rejection's "offer from X", a threat's "if X ..."; not a strike's workplace or the protesters' own
coded 2024-01-01 'Chechen refugees are continuing a hunger strike in protest of the Russian government'"'"'s refusal to accept independence. Pakistan rejected a fresh offer from Afghanistan for direct talks. Russia has threatened to stop negotiations if the United States deploys new missiles in Europe. Thousands of miners walked off the job at Zambia'"'"'s largest copper mine.'
check a_protest_of_a_governments_refusal_targets_it grep -q '	RUS[A-Z]*	RUSGOV	142	' "$T/o"
check a_rejected_offer_targets_whom_it_came_from grep -q '	PAK	AFG	12[0-9]*	' "$T/o"
check a_threat_targets_whom_its_condition_falls_on grep -q '	RUS	USA	13[0-9]*	' "$T/o"
check a_strike_at_a_workplace_is_addressed_to_the_strikers_country grep -q '	ZMBLAB	ZMB	143	' "$T/o"
# ... a protest's "to show their disapproval of X"
coded 2024-01-01 'Demonstrators in Baghdad blocked a road to show their disapproval of the United States'"'"' military policies.' --all
check a_protest_shows_disapproval_of_its_target grep -q '	IRQ[A-Z]*	USA[A-Z]*	14[0-9]*	' "$T/o"
# ... an offer of aid's "to help defend X"
coded 2024-01-01 'Norway is willing to send material to help defend Saudi Arabia if it is attacked.' --all
check aid_offered_to_help_defend_targets_whom_it_helps grep -q '	NOR	SAU	03[0-9]*	' "$T/o"
# an act done in a place, with no one else named, targets the place's country; a meeting's place is no target
coded 2024-01-01 'President Abdelaziz Bouteflika threatened to impose a curfew in Algiers after the riots. Nigerian police fired tear gas in Lagos on Monday. The foreign ministers of Jordan and Iraq will meet in Amman next week.'
check a_threat_to_act_in_a_place_targets_its_country grep -q '	DZAGOV	DZA	13[0-9]*	' "$T/o"
check force_used_in_a_place_targets_its_country grep -q '	NGACOP	NGA	17[0-9]*	' "$T/o"
check a_meetings_place_is_no_target sh -c "grep -q '	JORGOV	IRQGOV	036	' '$T/o' && ! grep -q '	JOR	036	' '$T/o'"
# ... a show of force's place, also named by a phrase ("the southern region of X"); never a place past another adjunct, nor a protest's (one-actor events kept)
coded 2024-01-01 'Israel has strengthened its forces in the southern region of Lebanon. Chadian rebels threatened to attack the capital after training in camps in Sudan. Thousands of Iraqi Kurds demonstrated in the northern city of Kirkuk on Sunday.' --all
check a_show_of_force_in_a_place_targets_its_country grep -q '	ISR	LBN	15[0-9]*	' "$T/o"
check a_place_past_another_adjunct_is_no_target sh -c "grep -q '	TCDREB		13[0-9]*	' '$T/o' && ! grep -q '	SDN	13[0-9]*	' '$T/o'"
check a_protest_naming_no_one_is_addressed_to_the_protesters_country grep -q '	IRQ	IRQ	14[0-9]*	' "$T/o"
# what "including" names is part of the subject before it
coded 2024-01-01 'Russian aircraft including helicopter gunships killed 46 Afghan civilians in an attack on a village in the western province of Herat.'
check members_named_after_including_are_part_of_the_subject grep -q '	RUSMIL	AFGCVL	19[0-9]*	' "$T/o"
# the Bosnian Serbs are Bosnia's: rebels during the war, Bosnia's people after it
coded 1994-05-01 'Bosnian Serb forces shelled Sarajevo.'
check bosnian_serbs_in_the_war_are_bosnias_rebels grep -q '	BIHREB	BIH	19[0-9]*	' "$T/o"
coded 2006-05-01 'Bosnian Serbs protested against the court.' --all
check bosnian_serbs_after_the_war_are_bosnias grep -q '	BIH[A-Z]*	[A-Z]*	14[0-9]*	' "$T/o"

# "denounced as a crime X's ..." names what is denounced after "as"; a participle after an object's noun phrase modifies it
coded 2024-01-01 'Albania on Friday denounced as an ugly crime Serbia'"'"'s suppression of the unrest. The Israeli army lifted a blockade on Palestinian lorries passing through the crossing.'
check denounced_as_names_the_denounced_after_as grep -q '	ALB	SRB	111	' "$T/o"
check a_participle_after_an_objects_phrase_leaves_the_target grep -q '	ISRMIL	PSE	0872	' "$T/o"

# an unnamed agent takes the country of the person named before it in its sentence
coded 2024-03-02 'Russia shelled targets in Ukraine on Monday. Turkish President Recep Tayyip Erdogan told reporters on his flight back from Berlin that Ankara would not back down.'
check an_agent_takes_the_country_of_the_person_before_it grep -q '	TURGOV	TURMED	010	' "$T/o"

# "we" or "I" inside a quote stands for whoever speaks after it
coded 2024-03-02 '"We condemn this attack in the strongest terms," the Egyptian foreign ministry said in a statement.' --all
check we_in_a_quote_is_the_speaker_after_it grep -q '	EGYGOV		111	' "$T/o"
coded 2024-03-02 '"I will visit Moscow next week," Kenyan President William Ruto said.'
check i_in_a_quote_is_the_speaker_after_it grep -q '	KENGOV	RUS	036	' "$T/o"

# South Asian English: cops nab miscreants (what they allegedly did is not shown), farmers gherao an office, an agitation is a protest
coded 2024-07-02 'the indian cops nabbed three miscreants who had allegedly torched a bus in the city on monday. agitating indian farmers gheraoed the deputy commissioner'"'"'s office in amritsar. the agitation by sugarcane growers in india entered its fifth day on tuesday.'
check cops_nabbing_miscreants_is_an_arrest grep -q '	INDCOP	INDCRM	173	' "$T/o"
check what_was_allegedly_done_is_not_shown sh -c "! grep -q '	INDCRM		145	' '$T/o'"
check farmers_gheraoing_an_office_obstruct grep -q '	INDAGR	IND	144	' "$T/o"
check an_agitation_is_a_protest grep -q '	INDAGR	IND	141	' "$T/o"

# foreign troops or Western diplomats in a country are not that country's
coded 2024-01-01 'Foreign troops in Syria attacked the town. Western diplomats in Kyiv met Ukrainian officials.' --all
check foreign_troops_are_not_the_countrys sh -c "grep -q '	MIL		190	' '$T/o' && ! grep -q '	SYRMIL	' '$T/o' && ! grep -q '	UKRGOV	UKRGOV	' '$T/o'"

# where two sides meet is no target; what calls are for is not done
coded 2024-01-01 'The foreign ministers of Azerbaijan and Iran will meet in Baku next week. A mob lynched a man in a village in Argentina, prompting calls for the perpetrators to be brought to justice.' --all
check where_two_sides_meet_is_no_target sh -c "grep -q '	AZEGOV	IRNGOV	036	' '$T/o' && ! grep -q '	AZEGOV	AZE	' '$T/o'"
check what_calls_are_for_is_not_done sh -c "! grep -q '	173	' '$T/o'"

# forces withdrawn from a country: the country is the target, the forces stay their own
coded 2024-01-01 'Syria says it is willing to withdraw its troops from neighboring Lebanon. Russia withdrew its troops from Kherson.'
check withdrawing_own_troops_from_a_country_targets_it sh -c "grep -q '	SYR	LBN	0356	' '$T/o' && grep -q '	RUS	UKR	0874	' '$T/o'"

# a name with its bracketed abbreviation before a noun is the subject ("The ... (APEC) forum has agreed")
coded 2024-01-01 'The Asia-Pacific Economic Cooperation (APEC) forum has agreed to set up an energy research centre.' --all
check a_name_with_its_abbreviation_before_a_noun_is_the_subject grep -q '	IGOAPC		030	' "$T/o"

# ", and the president ordered": the subject of a clause of its own is not coordinated with the object before it
coded 2024-01-01 'A bomb attack on a church during the Monday service in Maracaibo killed 30 worshippers, and the Venezuelan president ordered three days of national mourning.'
check a_new_clauses_subject_is_no_coordinated_object sh -c "grep -q '	VENCVL	19' '$T/o' && ! grep -q '	VENGOV	19' '$T/o'"

# "X said Y must ...": a demand of X on Y, not Y's action
coded 2024-04-08 'Russia said on Monday that Ukraine must withdraw its troops from Kursk.' --all
check said_must_is_a_demand_on_the_obliged grep -q '	RUS	UKR	100	' "$T/o"
check said_must_does_not_code_the_demanded_action sh -c "! grep -q '	UKR	[A-Z]*	08' '$T/o'"

# --parse conllu: the given tree's relations are used (the passive agent far from "by")
"$H" code --parse conllu --format tsv tests/fixtures/passive-agent.conllu >"$T/o" 2>"$T/e"
check conllu_relations_give_the_passive_agent grep -q '	KENCOP	KENOPP	173	' "$T/o"
sed 's/obl:agent/obl/' tests/fixtures/passive-agent.conllu >"$T/noagent.conllu"
"$H" code --parse conllu --format tsv "$T/noagent.conllu" >"$T/o" 2>"$T/e"
check conllu_without_agent_relation_gives_no_agent sh -c "grep -q '		KENOPP	173	' '$T/o' && ! grep -q 'KENCOP' '$T/o'"

# a refusal of a cooperative action is a rejection; refusing to attack is no attack
coded 2024-04-08 'Iran refused to meet the British envoy. Russia refused to attack Ukraine.' --all
check refusing_to_meet_is_rejecting_talks grep -q '	IRN	GBRGOV	125	' "$T/o"
check refusing_to_attack_is_no_attack sh -c "! grep -q '	RUS	UKR	1[89]' '$T/o'"

# "will X unless Y ...": a threat
coded 2024-04-08 'Iran will attack Israel unless the United States withdraws. Nigeria said it would withdraw its troops unless Chad agrees to a ceasefire.' --all
check a_conditional_attack_is_a_threat_of_force grep -q '	IRN	ISR	138	' "$T/o"
check a_conditional_withdrawal_is_a_threat_on_whom_the_condition_falls grep -q '	NGA	TCD	130	' "$T/o"

# a city in a place phrase of an unknown noun is no subject
coded 2024-04-08 'An explosion at an arms depot near Yangon killed 47 soldiers. Police in Nairobi fired tear gas at protesters.' --all
check a_city_near_an_explosion_did_not_kill sh -c "! grep -q '	MMR[A-Z]*	MMR[A-Z]*	19' '$T/o'"
check police_in_a_city_are_the_citys_police grep -q '	KENCOP	KENOPP	175	' "$T/o"

# police charging at a crowd is repression, not a legal charge
coded 2024-04-08 'Kenyan police charged at a crowd of protesters in Nairobi. Kenyan prosecutors charged the former minister with corruption.' --all
check police_charging_at_a_crowd_is_repression sh -c "grep -q '	KENCOP	KEN[A-Z]*	175	' '$T/o' && ! grep -q '	KENCOP	[A-Z]*	173	' '$T/o'"
check prosecutors_charging_a_minister_is_legal_action grep -q '	KENJUD	[A-Z]*	173	' "$T/o"

# stones thrown by a crowd are a riot; rounds fired across a border are force; other throws are nothing
coded 2024-04-08 'Protesters hurled stones at the Kenyan embassy on Monday. Russian artillery units fired several rounds into Ukraine on Tuesday. The Kenyan company threw a party for its staff.' --all
check stones_thrown_by_protesters_are_a_riot grep -q '	KENOPP	KENGOV	145	' "$T/o"
check rounds_fired_into_a_country_are_force grep -q '	RUSMIL	UKR	190	' "$T/o"
check a_party_thrown_is_no_event sh -c "[ \$(wc -l <'$T/o') -eq 3 ]"

# a force posture over one's own forces acts on no one
coded 2024-04-08 'The Ukrainian government has deployed soldiers to guard oil installations.' --all
check deploying_ones_own_soldiers_has_no_target sh -c "grep -q '	UKRGOV		154	' '$T/o' && ! grep -q '	UKRGOV	UKRMIL	154	' '$T/o'"

# the head before an "of" phrase no dictionary knows is the subject
coded 2024-04-08 'The Chilean police chief of Valparaiso was shot dead by unidentified gunmen.' --all
check the_head_before_an_unknown_of_phrase_is_the_subject grep -q '	CHLUAF	CHLCOP	193	' "$T/o"

# an accusation or an investigation in the passive with no one named stands, its source empty
# (an inquiry held in a country: that country's); an agentless invitation does not
coded 2024-04-08 'A former Kenyan minister has been accused of embezzling public funds. A US national has been put under investigation in Italy. Iranian diplomats were invited to the talks.'
check an_agentless_accusation_stands grep -q '		KENGOV	112	' "$T/o"
check an_agentless_investigation_is_the_countrys_where_it_is_held grep -q '	ITA	USA	090	' "$T/o"
check an_agentless_invitation_does_not sh -c "[ \$(wc -l <'$T/o') -eq 3 ]"

# fighting in the time adjunct of a clause of force (a noun of two sides, or a gerund) is its
# subject's, against those the clause's force fell on, and so are the allegations it acts on; an attack after which it acted is not, nor
# fighting after which a bank or a ministry did something else
coded 2024-04-08 'Kenyan police arrested five people after the attack on the market. Burmese troops captured part of a rebel stronghold after five days of fighting. Vietnamese troops captured the village after fierce fighting with Cambodian guerrillas. Nigerian authorities jailed 52 opposition members on allegations of treason. The Kenyan central bank refused to review the accord after weeks of fighting. The Ugandan ministry announced new subsidies after fierce fighting with rebels.' --all
check fighting_after_which_a_subject_acted_is_its_own sh -c "grep -q '	VNMMIL	KHMREB	190	' '$T/o' && grep -q '	KHMREB	VNMMIL	190	' '$T/o'"
check a_gerund_in_a_time_adjunct_is_the_subjects_on_whom_the_clause_acted grep -q '	MMRMIL	MMRREB	190	' "$T/o"
check allegations_a_clause_acts_on_are_its_subjects grep -q '	NGAGOV		112	' "$T/o"
check an_attack_after_which_police_acted_is_not_theirs sh -c "! grep -q '	KENCOP	[A-Z]*	19' '$T/o'"
check fighting_after_which_others_acted_is_not_theirs sh -c "! grep -qE '	(KEN|UGA)(BUS|GOV|[A-Z]*)	[A-Z]*	19' '$T/o'"

# violence in the passive with no one named, where a place names a country: that country's
# unidentified forces (UAF); an arrest there keeps its source empty
coded 2024-04-08 'Five Kenyan soldiers were killed in Mandera on Monday. Three US servicemen were killed outside of the Iraqi city of Basra. Two journalists were arrested in Nairobi.' --all
check violence_by_no_one_named_in_a_place_is_its_unidentified_forces sh -c "grep -q '	KENUAF	KENMIL	19' '$T/o' && grep -q '	IRQUAF	USAMIL	19' '$T/o'"
check an_arrest_by_no_one_named_in_a_place_keeps_no_source grep -q '		KENMED	173	' "$T/o"

# talks to which a meeting or a call leads are with the one met or called; with no one met, with no one
coded 2024-04-08 'U.S. Secretary of State Antony Blinken telephoned Russian Foreign Minister Sergei Lavrov on Tuesday to discuss the peace plan. Turkey met in Ankara to discuss the crisis.' --all
check talks_a_call_leads_to_are_with_the_one_called grep -q '	USAGOV	RUSGOV	040	' "$T/o"
check talks_after_meeting_no_one_named_have_no_target grep -q '	TUR		040	' "$T/o"

# a protest prevented is a restriction on assembly of those who staged it (a past form after the object and before "by" is a reduced relative's participle); attacks prevented are no event
coded 2024-04-08 'Turkish police prevented the demonstration staged by students in Sivas. The Kenyan government took steps to prevent attacks on schools.' --all
check a_protest_prevented_is_a_restriction_on_who_staged_it grep -q '	TURCOP	TUREDU	1721	' "$T/o"
check attacks_prevented_are_no_event sh -c "[ \$(wc -l <'$T/o') -eq 2 ]"

# an office's remit after "for" ("the Minister for Foreign Affairs") leaves the office the subject
coded 2024-04-08 'ISLAMABAD (AP) - The Federal Minister for Interior Aftab Sherpao allowed the opposition to hold a rally.' --all
check the_office_before_a_for_phrase_is_the_subject grep -q '	PAKGOV	PAKOPP	0812	' "$T/o"

# the infinitive of a negated verb did not happen
coded 2024-04-08 'The official, who was not authorised to talk to Russian officials, left. Iran did not ask Iraq to release the prisoners.' --all
check the_infinitive_of_a_negated_verb_is_no_event sh -c "! grep -q '	04[0-9]*	' '$T/o' && ! grep -q '	IRQ	[A-Z]*	084' '$T/o'"

# what a statement reports is no target of it; whom it addresses is
coded 2024-03-14 'Kenyan officials said the arrest of the Ugandan envoy had made talks more difficult. Iran said to France that it would not attend.' --all
check a_statement_takes_no_target_from_what_it_reports sh -c "grep -q '	KENGOV		010	' '$T/o' && ! grep -q '	KENGOV	UGA[A-Z]*	010	' '$T/o'"
check a_statement_said_to_someone_has_that_target grep -q '	IRN	FRA	010	' "$T/o"

# "the two sides", "both countries": the last two actors named, each on the other
coded 2024-04-08 'Russian Foreign Minister Sergei Lavrov arrived in China on Monday. The two sides signed an agreement on energy.'
check the_two_sides_are_the_two_actors_named_before sh -c "grep -q '	RUSGOV	CHN	057	' '$T/o' && grep -q '	CHN	RUSGOV	057	' '$T/o'"

# "the two leaders" in the sentence that names them: the two, each on the other (not a body of the country named last)
coded 2024-03-14 'Hungarian Prime Minister Viktor Orban met Chinese President Xi Jinping in Beijing on Wednesday, where the two leaders discussed trade and the war in Ukraine.' --all
check the_two_leaders_are_the_two_named_in_their_sentence sh -c "grep -q '	CHNGOV	HUNGOV	040	' '$T/o' && ! grep -q '	UKR[A-Z]*	[A-Z]*	040	' '$T/o'"
coded 2024-03-14 'Hungarian Prime Minister Viktor Orban met Chinese President Xi Jinping in Beijing on Wednesday. The two leaders discussed trade.' --all
check the_two_leaders_skip_the_place_of_their_meeting sh -c "grep -q '	HUNGOV	CHNGOV	040	' '$T/o' && grep -q '	CHNGOV	HUNGOV	040	' '$T/o' && ! grep -q '	CHN	040	' '$T/o'"

# talks with someone in the time adjunct of a clause are its subject's: after the clause, or opening the sentence
coded 2024-03-14 'German Defence Minister Boris Pistorius announced the aid after talks with Ukrainian Foreign Minister Dmytro Kuleba. After a meeting with Polish Prime Minister Donald Tusk, the French president said Europe must act.' --all
check talks_in_a_time_adjunct_are_the_clauses_subjects grep -q '	DEUGOV	UKRGOV	040	' "$T/o"
check talks_opening_the_sentence_are_the_next_clauses_subjects grep -q '	FRAGOV	POLGOV	040	' "$T/o"
coded 2024-03-14 'Protesters gathered outside parliament after talks with the government collapsed.' --all
check talks_of_no_one_named_stay_out sh -c "! grep -q '	040	' '$T/o'"

# a speech participle after a reported clause is the speaker's: "denied that troops had ..., telling reporters"
coded 2024-03-14 'Kremlin spokesman Dmitry Peskov denied that Russian troops had targeted civilian sites, telling reporters in Moscow that the army only hits military targets.' --all
check a_speech_participle_is_the_speakers sh -c "grep -q '	RUSGOV	RUSMED	010	' '$T/o' && ! grep -q '	RUSMIL	[A-Z]*	010	' '$T/o'"

# a participle that modifies the subject does not hide it: "journalists covering the protests were arrested"
coded 2024-06-20 'NAIROBI, June 20 (AFP) - Several journalists covering the protests were arrested, the Media Council of Kenya said. Police officers guarding the embassy were attacked by a mob.' --all
check a_participle_phrase_after_the_subject_is_skipped grep -q '		KENMED	173	' "$T/o"
check the_object_of_a_participle_is_not_the_subject sh -c "grep -q '	KENCOP	145	' '$T/o' && ! grep -q '	KENGOV	1[49][0-9]	' '$T/o'"

# people released with no one named: the release stands, its source unknown
coded 2024-02-11 'Two Israeli hostages were freed during the operation, the military said.' --all
check a_release_in_the_passive_stands_without_its_agent grep -q '		ISR[A-Z]*	0841	' "$T/o"

# a reporting clause between commas is no parenthetical: the participle after it is its speakers'
coded 2024-02-11 'Egypt warned Israel that an offensive in Rafah could undermine the peace treaty between the two countries, two Egyptian officials told Reuters, speaking on condition of anonymity.' --all
check a_participle_after_a_reporting_clause_is_its_speakers sh -c "grep -q '	EGYGOV		010	' '$T/o' && ! cut -f4,5 '$T/o' | grep -q PSE"
check the_two_countries_are_not_where_an_offensive_is grep -q '	EGY	ISR	130	' "$T/o"

# people sheltering somewhere give no aid; sheltering people is aid
coded 2024-02-11 'More than a million displaced people are sheltering in Rafah. Jordan sheltered thousands of Syrian refugees.' --all
check sheltering_somewhere_is_no_aid sh -c "! grep -q '	PSE[A-Z]*	[A-Z]*	073	' '$T/o' && grep -q '	JOR	SYRREF	073	' '$T/o'"

# disapproval of a deed told before ("condemned the attack", "criticised the arrests", "the decision") targets its doer
coded 2024-03-14 'Russian forces shelled Kharkiv on Monday. Germany condemned the attack. Police arrested 40 protesters in Tbilisi. The European Union criticised the arrests. Iran expelled two British diplomats. London condemned the decision.' --all
check condemning_the_attack_told_before_targets_the_attacker grep -q '	DEU	RUSMIL	111	' "$T/o"
check criticising_the_arrests_targets_who_arrested grep -q '	IGOEUREEC	GEOCOP	111	' "$T/o"
check condemning_the_decision_targets_who_decided grep -q '	GBR	IRN	111	' "$T/o"
coded 2024-03-14 'Russian forces shelled Kharkiv. Germany condemned the attack by Hamas on Israel. The mayor condemned the decision of the court.' --all
check a_deed_named_with_its_own_actor_is_not_the_one_before sh -c "! grep -q '	DEU	RUSMIL	111	' '$T/o' && ! grep -q '	RUSMIL	111	' '$T/o'"

# a vow that another will pay is a threat to them (not a pledge); one's own country paying is no threat
coded 2024-10-02 'Israeli Prime Minister Benjamin Netanyahu vowed that Iran would pay for the attack. Scholz pledged that Germany would pay for the reconstruction.' --all
check a_vow_that_another_will_pay_is_a_threat sh -c "grep -q '	ISRGOV	IRN	130	' '$T/o' && ! grep -q '	ISRGOV		030	' '$T/o'"
check a_pledge_to_pay_oneself_is_no_threat sh -c "! grep -q '	DEUGOV	[A-Z]*	13[0-9]*	' '$T/o'"

# "ordered them to evacuate": the ones ordered act, not the one who ordered
coded 2024-10-02 'Thousands of residents fled after the Israeli military ordered them to evacuate several buildings.' --all
check an_infinitive_of_a_pronoun_object_is_not_the_subjects sh -c "! grep -q '	ISRMIL	[A-Z]*	07[0-9]*	' '$T/o'"

# killed in a side's strikes: that side acted
coded 2024-10-02 'BEIRUT, Oct 2 (AP) - At least 46 people had been killed in Israeli strikes across the country, the health ministry said. Two soldiers were killed in Kandahar.' --all
check killed_in_a_sides_strikes_is_that_sides_violence grep -q '	ISR	LBNCVL	190	' "$T/o"
check killed_with_no_side_named_stays_unidentified grep -q '	AFGUAF	[A-Z]*	190	' "$T/o"

# an attack named in a relative clause's antecedent kills with no one named; what a denial's object tells happened
coded 2024-01-29 'Iran on Monday denied any involvement in a drone attack that killed three U.S. soldiers at a base in Jordan. The drone attack, which killed three U.S. soldiers, was the first deadly strike on U.S. troops since October.' --all
check a_relative_clause_of_an_attack_kills_with_no_one_named sh -c "[ \$(grep -c '	USAMIL	190	' '$T/o') -eq 2 ]"
check a_denials_object_noun_is_no_denied_clause grep -q '	IRN		016	' "$T/o"
# praise and rejection of a deed told before target its doer; words are no deed
coded 2024-01-29 'Iran expelled two British diplomats. The EU welcomed the move. London rejected the decision.' --all
check praising_the_move_targets_who_moved grep -q '	IGOEUREEC	IRN	051	' "$T/o"
check rejecting_the_decision_skips_the_praise_between grep -q '	GBR	IRN	120	' "$T/o"

# two sides fight each other, not the residents who report it; who fights alongside is a partner
coded 2023-11-20 'ADDIS ABABA, Nov 20 (AFP) - Ethiopian federal troops and Fano militiamen fought heavy battles around the town of Debre Markos over the weekend, residents and aid workers said. The militia, which fought alongside federal forces during the war, rose up.' --all
check a_compound_reporting_subject_is_no_target sh -c "grep -q '	ETHMIL	ETHREBFNO	190	' '$T/o' && ! grep -q '	ETHCVL	190	' '$T/o' && ! grep -q '	ETHNGO	190	' '$T/o'"
check who_fights_alongside_is_no_target sh -c "! grep -q '	ETHREB	ETHMIL	190	' '$T/o'"

# a state's protest is an official complaint, not a demonstration; "what it called" names, appeals for nothing; a note of protest handed over is a complaint
coded 2024-04-15 'MOSCOW, April 15 - Russia'"'"'s foreign ministry summoned the British ambassador on Monday to protest against what it called London'"'"'s support for Ukrainian attacks. The ministry said it had handed the British ambassador a note of protest. Farmers protested against the new tax in Moscow.' --all
check a_states_protest_is_an_official_complaint sh -c "grep -q '	RUSGOV	GBR[A-Z]*	114	' '$T/o' && ! grep -q '	RUSGOV	[A-Z]*	141	' '$T/o'"
check what_it_called_is_no_appeal sh -c "! grep -q '	020	' '$T/o'"
check a_note_of_protest_handed_over_is_a_complaint grep -q '	RUSGOV	GBRGOV	114	.*note of protest' "$T/o"
check farmers_protesting_still_demonstrate grep -q '	RUSAGR	[A-Z]*	141	' "$T/o"

# "they" in a clause hanging on the sentence's own is the subject that opens it, not the group named last
coded 2024-03-05 'PORT-AU-PRINCE, March 5 (AP) - Armed gangs attacked the airport on Monday, exchanging gunfire with police and soldiers, a week after they stormed two prisons and freed thousands of inmates.' --all
check they_after_a_subordinator_is_the_opening_subject sh -c "grep -q '	HTICRM		0841	' '$T/o' && ! grep -q '	HTIMIL		0841	' '$T/o'"
# where people met is not whom they discuss with
coded 2024-03-05 'CARICOM leaders met in Jamaica on Monday to discuss the crisis.' --all
check where_they_met_is_not_whom_they_discuss_with sh -c "! grep -q '	JAM	04[0-9]*	' '$T/o'"

# protesters' violence is a violent protest (145), not an armed force's; police and protesters clashing stays a clash both ways
coded 2024-08-06 'DHAKA, Aug 6 (Reuters) - Hundreds of thousands of protesters stormed her official residence. A mob attacked the police station in Lahore.' --all
check protesters_storming_is_a_violent_protest sh -c "grep -q '	BGDOPP	BGD	145	' '$T/o' && ! grep -q '	BGDOPP	[A-Z]*	19[0-9]	' '$T/o'"
check a_mob_attacking_is_a_riot grep -q '	PAKCVL	PAKCOP	145	' "$T/o"
coded 2024-08-06 'DHAKA, Aug 6 (Reuters) - Students who led the protests demanded the resignation of the government.' --all
check a_relative_clause_on_the_subject_does_not_hide_it grep -q '	BGDEDU	BGDGOV	1041	' "$T/o"

# what one is accused of is not done by the accuser, however the list is tagged; "the two sides" in a relative clause on a pair are others, and civilians are no side
coded 2024-11-12 'KHARTOUM, Nov 12 (Reuters) - The army, which has been fighting the RSF since April 2023, accused the paramilitaries of looting homes and abducting women. Egypt and Saudi Arabia, which have hosted peace talks between the two sides, called for a ceasefire.' --all
check what_one_is_accused_of_is_not_the_accusers_deed sh -c "! grep -q '	SDNMIL	[A-Z]*	18[0-9]*	' '$T/o'"
check the_two_sides_in_a_relative_clause_on_a_pair_are_others sh -c "grep -q '	EGY	SDNMIL	043	' '$T/o' && grep -q '	EGY	SDNREBRSF	043	' '$T/o' && ! grep -q '	EGY	SAU	' '$T/o' && ! grep -q '	SDNCVL	043	' '$T/o'"

# an object pronoun is not its own verb's subject ("Biden congratulated her"), though it may be the one who reports it ("Biden said Putin had invited him")
coded 2024-06-03 'Claudia Sheinbaum won the presidential race by a landslide. U.S. President Joe Biden congratulated her in a phone call on Monday. Biden said Putin had invited him.' --all
check an_object_pronoun_is_not_its_verbs_subject grep -q '	USAGOV	MEXGOV	051	' "$T/o"
check an_object_pronoun_may_be_the_reporting_subject grep -q '	RUSGOV	USAGOV	020	' "$T/o"

# a participle between a preposition and its noun describes the noun
coded 2024-07-09 'Protesters were attacked by masked men. Riot police clashed with masked youths in Paris.' --all
check a_participle_after_by_is_part_of_the_agent grep -q '	UAF	OPP	190	' "$T/o"
check a_participle_after_with_is_part_of_the_target grep -q '	FRACOP	FRACVL	190	' "$T/o"
coded 2024-07-09 'Protesters blocked roads with burning tyres and hurled stones at riot police outside parliament. Protesters blocked roads and hurled stones at riot police.' --all
check burning_tyres_do_not_break_the_coordinated_subject grep -q '	0	[^	]*	OPP	COP	145	' "$T/o"
check a_riots_victims_are_not_what_the_blockade_is_against sh -c "grep -q '	OPP		144	' '$T/o' && ! grep -q '	OPP	COP	144	' '$T/o'"
# a passive's agent over a noun modifier: "by village militiamen"; plainclothes officers are police
coded 2024-07-09 'The journalist was beaten by village militiamen in Lagos. The activist was detained by plainclothes officers in Lagos.' --all
check a_noun_modifier_before_the_passive_agent_is_skipped grep -q '	NGAREB	NGAMED	' "$T/o"
check plainclothes_officers_are_police grep -q '	NGACOP	NGAOPP	173	' "$T/o"
# "The main opposition candidate, Atiku Abubakar, accused": an unknown name after a head with an actor inside
coded 2024-07-09 'The main opposition candidate, Atiku Abubakar, accused the ruling party of rigging the vote.'
check an_unknown_name_in_apposition_leaves_the_head_phrase_the_subject grep -q '	OPP	GOV	112	' "$T/o"
# "adopted a new package of sanctions against Russia, targeting 200 companies": sanctions, no attack
coded 2024-02-23 'The European Union on Friday adopted a new package of sanctions against Russia, targeting nearly 200 companies.' --all
check sanctions_adopted_in_a_package_are_imposed grep -q '	IGOEUREEC	RUS	163	' "$T/o"
check the_reach_of_a_measure_is_no_attack sh -c "! grep -q '	19[0-9]*	' '$T/o'"
# a state acting upon unnamed agents does not lend them its country
coded 2024-07-09 'NAIROBI, July 9 (Wire) - Police fired tear gas at protesters in Nairobi on Tuesday. The United States and Britain urged restraint by the security forces and called on the government to investigate the deaths.'
check agents_a_state_acts_upon_keep_the_storys_country sh -c "grep -q '	GBR	KENCOP	' '$T/o' && grep -q '	USA	KENGOV	020	' '$T/o' && ! grep -q 'GBRGOV' '$T/o'"
# a date in a relative clause between commas is the clause's, not the sentence's
coded 2024-07-09 'NAIROBI, July 9 (Wire) - President William Ruto, who withdrew the finance bill last week, accused criminals of hijacking the demonstrations.'
check a_relative_clauses_date_stays_in_it grep -q '	2024-07-09	KENGOV	KENCRM	112	' "$T/o"

# "with at least 56 civilians killed": a participle after "with" and its noun phrase is passive
coded 2024-04-16 'Fighting raged for a second day on Sunday, with at least 56 civilians killed and hundreds wounded, a doctors union said.' --all
check with_and_a_participle_is_passive sh -c "grep -q '		CVL	190	' '$T/o' && ! grep -q '	CVL		190	' '$T/o'"
# "both sides" after a compound subject are the sides named before, not the subject
coded 2024-04-16 'Fighting between the army and the RSF raged on Sunday. Egypt and Saudi Arabia urged both sides to exercise restraint.' --all
check both_sides_are_not_the_appeals_own_subject sh -c "grep -q '	EGY	SDNMIL	020	' '$T/o' && ! grep -q '	EGY	SAU	' '$T/o'"
# "the outbreak of fighting and called on": a gerund after a noun and "of" is a noun
coded 2024-04-16 'The United Nations Secretary-General Antonio Guterres condemned the outbreak of fighting and called on the leaders of the two forces to cease hostilities.' --all
check a_gerund_after_of_does_not_take_the_coordination grep -q '	IGOUNO	[A-Z]*	020	' "$T/o"
# he is a person, not the television he spoke to
coded 2024-04-16 'Army chief Abdel Fattah al-Burhan told Al Jazeera television that he would not negotiate with the RSF.'
check he_is_not_an_institution grep -q '	SDNMIL	SDNREBRSF	125	' "$T/o"
# a memorandum submitted is a petition
coded 2024-03-03 'A delegation of opposition lawmakers met the governor and submitted a memorandum urging him to intervene.' --all
check a_submitted_memorandum_is_an_appeal sh -c "grep -q '	OPP		020	' '$T/o' && ! grep -q '	057	' '$T/o'"
# "detained 60 agitators and later released them": over the adverb, and "them" the group named before
coded 2024-03-03 'Police detained around 60 agitators, including two former legislators, and later released them in the evening.' --all
check a_coordinated_verb_after_an_adverb_keeps_the_subject grep -q '	COP	[A-Z]*	0841	' "$T/o"
check them_is_the_group_named_before_not_the_one_it_includes grep -q '	COP	OPP	0841	' "$T/o"
coded 2024-03-03 'The United States imposed sanctions on the Iranian morality police, holding it responsible for the death of a woman.' --all
check an_object_it_is_the_body_named_before grep -q '	USA	IRNCOP	112	' "$T/o"

# ", and protesters set fire": a clause of its own, neither a conjunct nor an object of the clause before
coded 2024-08-05 'DHAKA, Aug 5 (Wire) - Crowds stormed and looted her official residence in Dhaka, and protesters set fire to the headquarters of her Awami League party.' --all
check a_place_before_and_a_new_clause_is_no_conjunct sh -c "grep -q '	BGDOPP	BGDPTYAWL	1712	' '$T/o' && ! grep -q '	BGD	BGDPTYAWL	' '$T/o'"
check the_next_clauses_subject_is_no_object sh -c "! grep -q '	BGDCVL	BGDOPP	' '$T/o'"
# "Egypt, which has mediated between Israel and Hamas, said it": the speaker, not the last group named
coded 2023-10-12 'Egypt, which has mediated between Israel and Hamas in the past, said it would send humanitarian aid to Gaza.' --all
check it_after_said_is_the_speaker_that_opens_the_sentence sh -c "grep -q '	EGY	[A-Z]*	03' '$T/o' && ! grep -q '	PSEREBHMS	[A-Z]*	03' '$T/o'"
coded 2023-10-12 'Police arrested Hamas members, who said it would retaliate.' --all
check it_after_a_relative_clauses_said_is_not_the_opener sh -c "! grep -q '	[A-Z]*COP	[A-Z]*	13' '$T/o'"
# "the group": an armed group named before, or a group of the sentence
coded 2023-10-12 'Hamas fired rockets at Israeli cities. The group threatened to execute Israeli hostages.' --all
check the_group_is_the_armed_group_named_before grep -q '	PSEREBHMS	ISRCVL	13' "$T/o"
coded 2023-10-12 'The OSCE praised the accord. A spokesman for the rebels said the group would continue fighting until its demands were met.' --all
check the_group_is_not_an_organisation_of_states sh -c "! grep -q '	IGOEUROSC	[A-Z]*	1[39]' '$T/o'"
coded 2023-10-12 'The rebels said they would continue fighting until their demands were met.' --all
check would_continue_fighting_is_to_come sh -c "grep -q '	REB		138	' '$T/o' && ! grep -q '	19[0-9]	' '$T/o'"

# "said it would send a carrier after militias attacked U.S. bases": the attack is told, not claimed
coded 2024-06-14 'The Pentagon said on Friday it would send an aircraft carrier to the region after Iranian-backed militias attacked U.S. bases in Iraq.' --all
check a_clause_of_time_after_said_is_no_accusation sh -c "grep -q '	USA	190	' '$T/o' && ! grep -q '	112	' '$T/o'"
# "the rebels' leader": an office holder of the possessor
coded 2024-05-02 'The dissidents leader said in a video that his fighters would not disarm. The rebels'"'"' leader accused the government of betraying the peace process.' --all
check a_possessors_leader_takes_the_possessors_code grep -q '	REB	GOV	112	' "$T/o"
# participles: after a place phrase the clause before's subject's; after a comma the main clause's
coded 2024-01-20 'police on saturday baton-charged hundreds of teachers who were protesting outside the education ministry demanding permanent jobs, injuring at least 15 of them.' --all
check a_participle_after_a_place_phrase_is_not_the_places grep -q '	EDU		100	' "$T/o"
check a_participle_after_a_comma_hangs_on_the_main_clause grep -q '	COP		190	' "$T/o"
# a government body is the dateline's, not of a place named far after it; authorities in a city are the city's
coded 2024-06-14 'WASHINGTON, June 14 (Wire) - The Treasury Department imposed sanctions on two companies it said had supplied drone components to Russia for use in Ukraine.' --all
check a_government_body_far_from_the_place_is_the_datelines grep -q '	USAGOV	' "$T/o"
coded 2024-06-14 'NAIROBI, June 14 (Wire) - Authorities imposed a curfew in Kampala after two nights of rioting.' --all
check authorities_of_the_place_of_their_deed grep -q '	UGAGOV	' "$T/o"
# "vetoed the bill, sending it back to parliament": a bill is not deported
coded 2024-06-14 'The Ghanaian president vetoed a bill that would have restricted foreign-funded organisations, sending it back to parliament for further debate.' --all
check sending_a_bill_back_is_no_expulsion sh -c "! grep -q '	174	' '$T/o'"

# participles that are adjectives before a noun: "shipping containers", "warning shots"
coded 2024-11-26 'The protesters broke through shipping containers placed on roads. Soldiers had fired warning shots.' --all
check shipping_containers_are_no_aid sh -c "! grep -q '	07[0-9]*	' '$T/o'"
check warning_shots_are_a_show_of_force grep -q '	MIL		150	' "$T/o"
# "fired tear gas shells at the crowds": tear gas, not artillery
coded 2024-11-26 'Police fired tear gas shells at the crowds.' --all
check tear_gas_shells_are_no_artillery grep -q '	COP	CVL	175	' "$T/o"
# "Naqvi said the protesters had run over the soldiers and blamed Khan's party": the speaker blamed
coded 2024-11-26 'Interior Minister Mohsin Naqvi said the protesters had run over the soldiers with a vehicle and blamed the opposition party for the violence.' --all
check a_simple_past_after_a_past_perfect_report_is_the_speakers sh -c "grep -q '	GOV	[A-Z]*	112	' '$T/o' && ! grep -q '	OPP	[A-Z]*	112	' '$T/o'"

# re-cased text: a word no spelling list knows is a name ("chief minister n biren singh"), not a
# thing after an article ("a dharna") nor a British spelling ("defence"); a relative clause between
# commas is skipped back to its head
coded 2024-06-10 'imphal, june 10: armed men attacked a village. chief minister n biren singh, who visited the affected villages on monday, announced relief for the families of those killed.' --all
check an_unknown_lower_case_name_after_a_title_is_the_titles sh -c "grep -q '	INDGOV		042	' '$T/o' && grep -q '	INDGOV	[A-Z]*	03' '$T/o'"
"$H" code --all --format jsonl "$T/coded.txt" >"$T/o" 2>"$T/e"
check an_unknown_lower_case_word_is_recased_as_a_name grep -q 'minister N Biren Singh' "$T/o"
coded 2024-06-10 'the ministry of defence said troops were sent to the border. farmers staged a dharna outside the office.' --all
"$H" code --all --format jsonl "$T/coded.txt" >"$T/o" 2>"$T/e"
check british_spellings_and_things_after_an_article_stay_lower_case sh -c "grep -q 'ministry of defence' '$T/o' && grep -q 'a dharna' '$T/o'"

# a coordinated verb joins the finite verb over a participle ("information leading to his arrest")
coded 2025-01-10 'Washington raised the reward for information leading to the arrest of the president to 25 million dollars and imposed new sanctions on eight Venezuelan officials.' --all
check a_coordinated_verb_passes_over_a_participle grep -q '	USA	VENGOV	163	' "$T/o"
# naming as a reproach: "called Maduro a dictator"
coded 2025-01-10 'The Argentine president called the Venezuelan president a dictator.' --all
check calling_someone_a_dictator_is_criticism grep -q '	ARGGOV	VENGOV	111	' "$T/o"
# a denied clause without "that" did not happen
coded 2025-01-10 'The army denied its troops had shot at demonstrators. The government denied she had been arrested.' --all
check a_clause_denied_without_that_is_not_done sh -c "grep -q '	MIL		016	' '$T/o' && ! grep -q '	19[0-9]	' '$T/o' && ! grep -q '	173	' '$T/o'"
# a state's persecution of its own people is the state's
coded 2024-02-16 'French President Emmanuel Macron condemned the persecution of opposition figures in Russia.' --all
check condemning_a_persecution_targets_the_state grep -q '	FRAGOV	RUS	111	' "$T/o"
# a participle after a noun is a verb: "demonstrators protesting election results"
coded 2024-02-16 'Liberian riot police used tear gas to disperse demonstrators protesting election results in Monrovia.' --all
check a_participle_after_its_noun_stays_a_verb grep -q '	LBROPP	[A-Z]*	14[0-9]*	' "$T/o"

# a role with its modifiers ("the crown prince") is the person of that office named before
coded 2023-09-11 'NEW DELHI, Sept 11 (Wire) - Indian Prime Minister Narendra Modi held talks with Saudi Crown Prince Mohammed bin Salman on Monday. The crown prince'"'"'s state visit was marked by a ceremonial welcome.' --all
check a_role_with_modifiers_is_the_person_named_before grep -q '	SAUGOV	[A-Z]*	042	' "$T/o"
# "the two countries" are states, not the summit of the Group of 20 named between them
coded 2023-09-11 'Indian Prime Minister Narendra Modi held talks with Saudi Crown Prince Mohammed bin Salman a day after the Group of 20 summit, and the two countries signed eight agreements.' --all
check the_two_countries_are_states_not_an_igo sh -c "grep -q '	INDGOV	SAUGOV	057	' '$T/o' && ! grep -q 'IGOG20	057' '$T/o'"
# "which it said": the one who speaks of what the relative clause is on; a possessor noun is not what is criticised
coded 2023-09-11 'Modi held talks with the Saudi crown prince. China'"'"'s foreign ministry criticised the summit'"'"'s declaration on the war in Ukraine, which it said had been shaped by Western pressure.' --all
check which_it_said_is_the_sentences_speaker sh -c "grep -q '	CHNGOV		010	' '$T/o'"
check a_possessor_noun_is_not_the_deed_criticised sh -c "! grep -q '	CHNGOV	[A-Z]*GOV	111	' '$T/o'"

# where someone is ("as the prime minister was in Kenya") is not where the sentence's events are
coded 2024-03-03 'PORT-AU-PRINCE, March 3 (Wire) - Armed gangs stormed two prisons over the weekend. At least 12 people were killed in the attacks, which were carried out as the prime minister was in Kenya seeking support. The government declared a state of emergency.' --all
check whereabouts_are_not_the_place_of_the_events sh -c "grep -q '	HTIGOV		1724	' '$T/o' && ! grep -q 'KENUAF' '$T/o' && ! grep -q '	KEN[A-Z]*	[A-Z]*	1724' '$T/o'"
# "gang leader", "rebel commander": an office holder of the body before, of its code alone
coded 2024-03-03 'PORT-AU-PRINCE, March 3 (Wire) - Gang leader Jimmy Cherizier said the attacks were aimed at toppling the government.' --all
check an_office_holder_after_a_body_is_of_the_bodys_code grep -q '	HTICRM		010	' "$T/o"

# "107 people had been detained and 32 officers injured": the passive's auxiliary left out
coded 2024-12-01 'The interior ministry said 107 people had been detained and 32 officers injured.' --all
check a_passive_with_its_auxiliary_left_out_is_passive sh -c "grep -q '		MIL	190	' '$T/o' && ! grep -q '	MIL		190	' '$T/o'"
# condemning violence against protesters targets the state; calling a parliament illegitimate is criticism,
# and "and called" joins the speaker over a clause of time
coded 2024-12-01 'TBILISI, Dec 1 (Wire) - The European Union condemned the violence against protesters. President Salome Zourabichvili said she would not step down when her term ends this month and called the new parliament illegitimate.' --all
check condemning_violence_against_protesters_targets_the_state grep -q '	IGOEUREEC	GEO	111	' "$T/o"
check and_called_joins_the_speaker_over_a_clause_of_time grep -q '	GEOGOV	GEOLEG	111	' "$T/o"

# "M23 rebels backed by Rwandan troops captured most of Goma": a participle and its agent on the
# subject; a place captured is occupied
coded 2025-01-27 'GOMA, Jan 27 (Wire) - M23 rebels backed by Rwandan troops captured most of Goma on Monday.' --all
check a_participle_and_its_agent_on_the_subject_are_no_clause sh -c "grep -q '	CODREBM23	COD	192	' '$T/o' && ! grep -q '	051	' '$T/o' && ! grep -q '	RWAMIL	COD	' '$T/o'"
# "attacked the embassies of Rwanda and France, accusing Western countries": the attackers accuse
coded 2025-01-27 'KINSHASA, Jan 27 (Wire) - Protesters in Kinshasa attacked the embassies of Rwanda, France, Belgium and the United States, accusing Western countries of failing to stop the offensive. Police used tear gas to push back the crowds.' --all
check a_participle_after_a_comma_is_not_its_objects sh -c "grep -q '	CODOPP		112	' '$T/o' && ! grep -q '	\(RWA\|FRA\|BEL\|USA\)[A-Z]*		112	' '$T/o'"
check pushing_back_crowds_is_no_rejection sh -c "grep -q '	CODCOP	CODCVL	175	' '$T/o' && ! grep -q '	120	' '$T/o'"
# "prompting South Africa to warn": the one prompted warns
coded 2025-01-27 'Thirteen peacekeepers were killed in the fighting, prompting South Africa to warn that further attacks would be treated as a declaration of war.' --all
check the_one_prompted_acts grep -q '	ZAF		13' "$T/o"

# "called a nationwide general strike for sunday": the strike, not an appeal; "warned of stern action": a threat
coded 2024-02-02 'dhaka, feb 2: the home minister blamed the opposition for the violence and warned of stern action against those involved. the bnp called a nationwide general strike for sunday.' --all
check calling_a_strike_is_the_strike sh -c "grep -q '	143	' '$T/o' && ! grep -q '	020	' '$T/o'"
check warning_of_stern_action_is_a_threat grep -q '	BGDGOV	[A-Z]*	130	' "$T/o"

# "Congo" alone is the Democratic Republic in an article that names it or its places, the Republic otherwise
coded 2025-01-27 'GOMA, Jan 27 (Wire) - Congo cut diplomatic ties with Rwanda over the weekend.' --all
check congo_in_an_article_on_the_drc_is_the_drc grep -q '	COD	RWA	161	' "$T/o"
coded 2025-01-27 'Congo and Gabon signed a border agreement.' --all
check congo_alone_is_the_republic_of_the_congo grep -q '	COG	GAB	057	' "$T/o"

# a people named by its origin is of the country it lives in: "ethnic
# Albanians in southern Serbia", "the Hungarian minority in Romania"; the
# country of origin where nothing places them elsewhere
coded 2024-04-08 'Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday, a council representing the community said. Kyrgyz security forces detained dozens of ethnic Uzbeks in the southern city of Osh after two nights of clashes, witnesses said. Leaders of the Hungarian minority in Romania protested on Sunday against an education law that they said would close schools. Thousands of ethnic Albanians rallied on Sunday, demanding the release of their leaders.' --all --tree
check ethnic_people_in_a_country_are_of_that_country sh -c "grep -q '	SRBMIL	SRBCVL	19' '$T/o' && grep -q '	KGZCOP	KGZCVL	173	' '$T/o' && ! grep -qE '	(SRBMIL|KGZCOP)	(ALB|UZB)' '$T/o'"
check a_minoritys_leaders_are_not_the_government grep -q '	ROUCVL	ROU	141	' "$T/o"
check ethnic_people_placed_nowhere_keep_their_origin grep -q '	ALB	[A-Z]*	141	' "$T/o"

# "and" before an aside between commas still ends a list: "Iran, Syria
# and, to a lesser extent, Iraq"; a clause of its own after the aside does not
coded 2024-04-08 'Washington has long accused Iran, Syria and, to a lesser extent, Iraq of sponsoring the militant groups that attacked its bases. The Senate voted on Tuesday to lift the embargoes on medicine sales to Cuba, Venezuela, Nicaragua and, with strings attached, Iran. Police arrested Kenyan opposition leader Raila Odinga and, after a brief scuffle with his supporters, shot a student.' --all
check a_list_ends_with_and_before_an_aside sh -c "grep -q '	USA	SYR	112	' '$T/o' && grep -q '	USA	IRQ	112	' '$T/o' && grep -q '	USALEG	IRN	' '$T/o' && grep -q '	USALEG	NIC	' '$T/o'"
check an_aside_before_a_clause_joins_no_list sh -c "grep -q '	KENCOP	KENEDU	19' '$T/o' && ! grep -q '	KENCOP	KENEDU	173' '$T/o'"

# a body named as the kind of a thing given or kept up ("military aid",
# "security cooperation") is no actor; a body's place or convoy attacked is
coded 2024-04-08 'Russia agreed to expand military cooperation with Iran during talks in Tehran on Tuesday, the defence ministry said. The United States suspended part of a military aid programme for Bosnia after the vote, officials said. Militants attacked a police station in Mogadishu overnight, killing four officers.' --all
check a_bodys_kind_of_thing_is_no_target sh -c "grep -q '	RUS	IRN	03' '$T/o' && grep -q '	USA	BIH	16' '$T/o' && ! grep -qE '	(RUS	RUSMIL|USA	USAMIL)	' '$T/o'"
check an_attacked_police_station_is_the_polices grep -q '	SOMCOP	1[89]' "$T/o"

# a complaint made to someone about someone else is on whom it is about
coded 2024-04-08 'Ukraine protested to the OSCE on Monday about Russian shelling of civilian areas near Donetsk, its foreign ministry said. Pakistan lodged a complaint with the United Nations against India over the shelling along the Line of Control. Kenya complained to the African Union that its envoy had been snubbed.' --all
check a_complaint_is_on_whom_it_is_about sh -c "grep -q '	UKR	RUS	11' '$T/o' && grep -q '	PAK	IND	11' '$T/o' && ! grep -qE '	(UKR	IGOEUROSC|PAK	IGOUNO)	11' '$T/o'"
check a_complaint_about_nothing_named_is_on_its_addressee grep -q '	KEN	IGOAFRAU	11' "$T/o"

# a surname alone names the person named before after an office
coded 2023-01-20 'LIMA, Jan 20 - Peruvian police fired tear gas at thousands of demonstrators who marched on the Congress building on Thursday demanding the resignation of President Dina Boluarte. Boluarte, who took office in December, blamed Bolivia for the unrest. Bolivia'"'"'s former president Evo Morales accused Boluarte'"'"'s government of massacring protesters. Boluarte Street traders accused Chile of dumping goods.' --all
check a_surname_alone_is_the_person_named_before grep -q '	PERGOV	BOL	11' "$T/o"
"$H" code --debug --all --format tsv "$T/coded.txt" >/dev/null 2>"$T/e"
check a_surname_in_a_longer_name_is_not_the_person sh -c "grep -q 'Boluarte/NNP Street' '$T/e' && ! grep -q 'Boluarte/NNP=[^ ]* Street' '$T/e'"

# force whose subject is an attack named by a noun (or a gerund) is the
# attack's actor's; a wedding party is its guests
coded 2024-03-11 'KYIV - Russian shelling of the town overnight killed three civilians, the regional governor said. An Israeli drone strike near the border wounded two Lebanese soldiers on Sunday, the Lebanese army said. A Saudi-led air strike on a wedding party killed 20 people in northern Yemen on Saturday.' --all
check force_whose_subject_is_an_attack_is_its_actors sh -c "grep -q '	RUS	[A-Z]*CVL	190	' '$T/o' && grep -q '	ISR	LBNMIL	19' '$T/o'"
check a_wedding_party_is_civilians sh -c "grep -q '	SAU	YEMCVL	19' '$T/o' && ! grep -q 'PTY' '$T/o'"

# what a refusal or a plan waits for ("until Hamas was destroyed") and
# what a thing demanded is to do ("demanding a deal to free the hostages")
# have not happened; what happened until then has
coded 2024-03-11 'Israel'"'"'s prime minister said his government would not agree to end the war until Hamas was destroyed. Hundreds of Israelis protested outside the defence ministry in Tel Aviv on Saturday night, demanding a deal to free the hostages still held in Gaza. Rebels shelled the city until government troops recaptured it in March.' --all
check what_a_refusal_waits_for_is_not_done sh -c "! grep -q '	PSEREBHMS	17' '$T/o'"
check what_a_thing_demanded_is_to_do_is_not_done sh -c "grep -q '	ISR	ISRMIL	14' '$T/o' && ! grep -q '	0841	' '$T/o'"
check what_happened_until_then_is_done grep -q '	[A-Z]*MIL	[A-Z]*	19' "$T/o"

# a dateline city the dictionaries lack is of the country the gazetteer
# puts it in, unless another country has one of that name as large or a
# tenth as large
coded 2024-02-14 'CHANDIGARH, Feb 14 - Police fired tear gas at protesting farmers near the Shambhu border on Tuesday after they tried to break through barricades, officials said.' --all
check a_dateline_city_the_gazetteer_knows_gives_agents_their_country grep -q '	INDCOP	INDAGR	175	' "$T/o"
coded 2024-02-14 'LEON, Feb 14 - Police arrested five students outside the university on Tuesday, officials said.' --all
check an_ambiguous_dateline_city_gives_no_country sh -c "grep -q '	COP	EDU	173	' '$T/o' && ! cut -f4,5 '$T/o' | grep -q 'MEX'"

# "its troops" after a relative clause between commas are the subject's,
# not those of a country named inside it; a plain statement's target is
# only whom it is said to; someone asked (a noun) to do something has not
# done it
coded 2024-06-10 'BAMAKO, June 10 (Reuters) - The junta, which seized power in 2020 and has since turned to Russia for security support, denied that its troops had executed civilians. Suspected jihadists killed at least 40 villagers in central Mali on Saturday, local officials said, the latest in a string of massacres blamed on groups linked to al Qaeda. The opposition leader called on her supporters to take to the streets, and appealed to the international community to put pressure on the government.' --all
"$H" code --debug --all --format tsv "$T/coded.txt" >/dev/null 2>"$T/e"
check its_after_a_relative_clause_is_the_subjects sh -c "grep -q 'troops/NNS/troop=.MLIMIL' '$T/e' && ! grep -q 'RUSMIL' '$T/e'"
check a_statement_is_to_whom_it_is_said sh -c "grep -q '	MLIGOV		010	' '$T/o' && ! grep -q '	IMGMUSALQ	010	' '$T/o'"
check someone_asked_to_act_has_not_acted sh -c "! grep -qE '	(141|100)	' '$T/o'"

# a nationwide shutdown called is a strike; a government shutdown is none
coded 2024-02-14 'The US government shutdown entered its third week on Monday. A nationwide shutdown called by the opposition BNP paralysed Dhaka on Sunday, the second in a week.' --all
check a_nationwide_shutdown_is_a_strike sh -c "grep -q '	BGDPTYBNP	BGD	143	' '$T/o' && ! grep -q '	USA[A-Z]*	[A-Z]*	143	' '$T/o'"

# an object pronoun is the person named as an earlier verb's object
# ("expelled the ambassador ..., accusing him"), not that verb's subject
coded 2024-06-03 'ANKARA - The government expelled the Kazakh ambassador on Monday and gave him 48 hours to leave the country, accusing him of meddling in its internal affairs. Trump praised Putin and Putin thanked him.' --all
check an_object_pronoun_is_an_earlier_verbs_object sh -c "grep -q '	TURGOV	KAZGOV	112	' '$T/o' && grep -q '	RUSGOV	USA[A-Z]*	051	' '$T/o'"

# "they" after actors named together stands for all of them
coded 2024-02-14 'Kenya and Uganda, which have both been hit by attacks, said on Monday they would send more troops to Somalia.' --all
check they_after_actors_named_together_is_all_of_them sh -c "grep -q '	KEN	SOM	13' '$T/o' && grep -q '	UGA	SOM	13' '$T/o'"

# rejecting an accusation is on whoever made it
coded 2024-05-20 'WARSAW, May 20 - Poland accused Belarus on Tuesday of orchestrating the border crossings to destabilise the European Union. Belarus rejected the accusation and said Poland was pushing refugees back into the forest.' --all
check rejecting_an_accusation_is_on_the_accuser grep -q '	BLR	POL[A-Z]*	01[26]	' "$T/o"

# what an invitation, a deal or talks are for has not happened; a verb in
# a relative clause on such a noun ("the deal that Ethiopia signed with
# Somalia") has
coded 2024-03-03 'JERUSALEM, March 3 - Hamas rejected an invitation to attend a meeting with Israeli officials in Cairo next week, and the Islamic Jihad movement accepted an invitation to visit Moscow. Kenya welcomed the deal that Ethiopia signed with Somalia on Monday.' --all
check what_an_invitation_is_for_has_not_happened sh -c "grep -q '	PSEREBHMS		125	' '$T/o' && ! grep -qE '	04[0-9]*	' '$T/o'"
check a_relative_clause_on_a_deal_tells_what_was_done grep -q '	ETH	SOM	057	' "$T/o"

# "it" after a speech verb coordinated with the opening subject's verb is
# that subject, over a day between subject and verb; an infinitive right
# after a verb group to come is to come ("would continue to attack": a
# threat, not an attack, nor a claim of one)
coded 2024-05-05 "KHARTOUM, May 5 - Sudan's army on Sunday again rejected an Egyptian ceasefire proposal, and said it would continue to attack the RSF in Khartoum." --all
check it_after_and_said_is_the_opening_subject sh -c "grep -q '	SDNMIL	SDNREBRSF	138	' '$T/o' && ! grep -qE '	SDNMIL	EGY	(112|015)	' '$T/o'"
check an_infinitive_after_a_future_verb_group_is_no_deed sh -c "! grep -qE '	SDNREBRSF	(190|015)	' '$T/o'"

# where the reporters of a trailing attribution are ("..., aid workers in
# Kampala said") is neither where the events happened nor the country of
# their unnamed actors
coded 2024-03-05 'Militia fighters shelled the town of Goma overnight, killing 14 people, aid workers in Kampala said on Tuesday.' --all
check a_reporters_place_is_not_the_events sh -c "grep -q '	CODREB	CODCVL	190	' '$T/o' && ! grep -q '	194	.*	Kampala	' '$T/o'"

# a protest's organiser named past a possessor ("organised by the
# country's largest trade union"); a protest something is done in is its
# doer's ("blocked motorways with tractors in protest at falling prices")
coded 2024-03-05 "PARIS, March 5 - The protest, organised by the country's largest trade union, drew tens of thousands of people to the capital's main square. Farmers dumped manure outside government buildings and blocked motorways with tractors in protest at falling prices." --all
check an_organiser_past_a_possessor_is_the_protests sh -c "grep -q '	FRALAB	FRA	141	' '$T/o'"
check a_protest_something_is_done_in_is_its_doers grep -q '	FRAAGR	FRA	141	' "$T/o"

# "he" is no seat of power ("the White House") nor someone in a relative
# clause on the speaker ("Orban, who met Putin ..., said he"); after a name
# no dictionary knows and its speech verb, "he" is that unknown person, not
# the last one named in the sentences before
coded 2024-03-05 "PARIS, March 5 - President Emmanuel Macron telephoned the White House on Monday and said he would send more troops to Romania. Hungary's Prime Minister Viktor Orban, who met Russian President Vladimir Putin in Moscow last week, said he would veto new sanctions against Russia. Speaking in Budapest, Kovalenko said he had asked the Hungarian leader to reconsider." --all
check he_is_no_seat_of_power sh -c "grep -q '	FRAGOV	ROU	' '$T/o' && ! grep -q '	USAGOV	ROU	' '$T/o'"
check he_is_not_one_in_a_relative_clause_on_the_speaker sh -c "grep -q '	HUNGOV	RUS	129	' '$T/o' && ! grep -q '	RUSGOV	RUS	129	' '$T/o'"
check he_after_an_unknown_name_and_said_is_unknown sh -c "! grep -q '	HUNGOV	020	' '$T/o'"

# where fire came from names who fired: a passive's side ("shelled from
# Russian positions") and coming under fire from someone
coded 2024-03-05 "KYIV, March 5 - Kherson has been shelled almost daily from Russian positions across the Dnipro River. The village came under fire from Azerbaijani positions overnight, Armenia's defence ministry said." --all
check a_passive_fired_from_a_side_is_that_sides sh -c "grep -q '	RUS	UKR	194	' '$T/o'"
check coming_under_fire_from_a_side_is_its_attack grep -q '	AZE		190	' "$T/o"

# force on a vehicle is on whom it carries
coded 2024-03-05 "GAZA, March 5 - An Israeli drone struck a car carrying Hamas commanders in Khan Younis on Tuesday, Palestinian medics said." --all
check force_on_a_vehicle_is_on_whom_it_carries grep -q '	ISR[A-Z]*	PSEREBHMS	19' "$T/o"

# speakers after a comma are a list of their own, not one with the object
# before them; a titled name no dictionary knows is named, not one's own
# unnamed people to pass over
coded 2024-08-04 "DHAKA, Aug 4 (Reuters) - Police fired tear gas at tens of thousands of protesters demanding the resignation of Prime Minister Sheikh Hasina, police and media said." --all
check speakers_after_a_comma_are_no_list_with_the_object sh -c "! grep -q '	BGDGOV		010	' '$T/o' && grep -q '	BGDCOP		010	' '$T/o'"
check a_titled_unknown_name_is_the_demands_target sh -c "grep -q '	BGDOPP	BGDGOV	1041	' '$T/o' && ! grep -q '	BGDOPP	BGDCOP	1041	' '$T/o'"

# thousands of people storming a residence riot (145), as a mob would
coded 2024-08-05 "DHAKA, Aug 5 (Reuters) - Thousands of people stormed the prime minister's official residence in Dhaka after she left, witnesses said." --all
check thousands_of_people_storming_riot sh -c "grep -q '	BGDCVL	BGDGOV	145	' '$T/o' && ! grep -q '	BGDCVL	BGDGOV	19' '$T/o'"

# a body's supporters (members, loyalists) are that body's: one side of
# the clashes named by a noun
coded 2024-08-05 "DHAKA, Aug 5 (Reuters) - Clashes broke out in several towns between police and supporters of the opposition BNP, officials said." --all
check a_bodys_supporters_are_a_side_of_the_clashes sh -c "grep -q '	BGDCOP	BGDPTYBNP	190	' '$T/o' && grep -q '	BGDPTYBNP	BGDCOP	190	' '$T/o'"

# weapons fired in the passive from a side at another: that side's attack
coded 2024-03-05 "BEIRUT, March 5 - Rockets were fired from Lebanese territory at northern Israel on Sunday, the Israeli military said." --all
check weapons_fired_from_a_side_at_another_are_its_attack grep -q '	LBN	ISR	19' "$T/o"

# people counted, not named, are people: "killing at least 12 and wounding dozens more", "arresting 45"; not a count before its noun, a year or a vote's tally; a government's political opponents are the opposition
coded 2024-03-09 'Nigerian security forces opened fire on protesters in the northern city of Kano on Saturday, killing at least 12 and wounding dozens more, witnesses said. Bangladeshi police said they had arrested 45 in connection with the attacks. The military government declared a state of siege in Haiti on Saturday, arresting political opponents.' --all
check a_count_killed_is_people_killed grep -q '	NGACOP	NGACVL	19[0-9]	' "$T/o"
check a_count_arrested_is_people_arrested grep -q '	BGDCOP	BGDCVL	173	' "$T/o"
check political_opponents_arrested_are_the_opposition grep -q '	HTIMIL	HTIOPP	173	' "$T/o"
coded 2024-03-09 'Kenyan police arrested 45 in 2023 and the parliament voted 52 to 48 to approve the bill.' --all
check a_tally_or_a_year_is_nobody sh -c "awk -F'	' '\$12 == \"45\"' '$T/o' | grep -q . && ! awk -F'	' '\$12 == \"52\" || \$12 == \"2023\" || \$11 == \"52\"' '$T/o' | grep -q ."

# a participle after a passive with its agent is the agent's deed: "were attacked by militiamen, killing at least 40 people" (the militiamen killed, not the refugees), "was ambushed by gunmen near Goma, killing five soldiers" (the convoy no actor)
coded 2024-03-09 'Congolese refugees in a camp near Goma were attacked by Rwandan militiamen on Sunday, killing at least 40 people, aid workers said. A convoy was ambushed by gunmen near Goma, killing five soldiers.' --all
check a_participle_after_a_passive_is_its_agents_deed sh -c "grep -q '	RWA[A-Z]*	[A-Z]*CVL	19[0-9]	' '$T/o' && ! grep -q '	[A-Z]*REF	[A-Z]*CVL	19[0-9]	' '$T/o'"
check a_participle_after_an_agentive_passive_with_no_actor_subject grep -q '	CODUAF	CODMIL	19[0-9]	' "$T/o"

# a concession negotiated is made to whom it was negotiated with ("called off a four-day strike after deliberations with the Nigerian government"); a refusal despite pressure by X is X's rejection ("declined to resign despite growing pressure by the Kenya Anti-Corruption Commission")
coded 2024-03-09 'The Nigerian Union of Teachers announced on Thursday that it has called off a four-day strike after deliberations with the Nigerian government. Kenyan Vice-President Moody Awori has declined to resign despite growing pressure by the Kenya Anti-Corruption Commission.' --all
check a_concession_after_talks_is_to_whom_they_were_with grep -q '	NGA[A-Z]*	NGAGOV	08[0-9]*	' "$T/o"
check a_refusal_despite_pressure_by_x_rejects_x grep -q '	KEN[A-Z]*	KEN[A-Z]*	12[0-9]*	' "$T/o"

# a verb after "and" past an infinitive is the finite verb's twin, with its subject: "urged the authorities to show restraint and called for the release of those detained" (the UN's appeal, not the authorities')
coded 2024-11-25 'The United Nations human rights office urged the Pakistani authorities to show restraint and called for the release of those detained for peacefully exercising their rights.' --all
check a_verb_after_and_past_an_infinitive_is_the_first_subjects sh -c "grep -q '	IGOUNO		025[0-9]*	' '$T/o' && ! grep -q '	PAKGOV		025' '$T/o'"

# an event that names its own sides, in which a passive's deed happened, stands beside it: "were killed in clashes between protesters and security forces" (the clash, both ways; the killers unknown)
coded 2024-11-25 'At least three people were killed and dozens wounded in clashes between protesters and security forces in Islamabad, a hospital spokesman said.' --all
check a_clash_a_passive_happened_in_stands sh -c "grep -q '	PAKOPP	PAKCOP	19[0-9]	' '$T/o' && grep -q '	PAKCOP	PAKOPP	19[0-9]	' '$T/o' && grep -q '		PAKCVL	190	' '$T/o'"

# repression used as a crowd acts is used on that crowd ("fired tear gas on Sunday as thousands of people defied a ban"); a clause of time with no crowd gives none
coded 2024-11-25 'Pakistani police fired tear gas on Sunday as thousands of people defied a ban on rallies in the capital, officials said. Kenyan police fired tear gas after the meeting ended.' --all
check repression_as_a_crowd_acts_is_on_that_crowd grep -q '	PAKCOP	PAKCVL	175	' "$T/o"
check repression_in_a_clause_of_time_without_a_crowd_has_no_target grep -q '	KENCOP		175	' "$T/o"

# "allied" or "armed" before a noun describes it: "clashed with army troops and allied militias" is no alliance
coded 2024-06-05 'Sudanese government forces clashed with rebel fighters and allied militias near the village of Wad al-Nourah.' --all
check allied_before_a_noun_is_no_alliance sh -c "grep -q '	SDN[A-Z]*	SDNREB	19[0-9]	' '$T/o' && ! grep -q '	05[0-9]	' '$T/o'"

# an organisation's own people are the organisation: "the RSF said its forces had clashed with army troops" (the RSF's clash, not the army's with itself); "Hamas said its fighters had attacked" (a claim, no accusation of its own fighters)
coded 2024-06-05 'The RSF said its forces had clashed with army troops near the village. Hamas said its fighters had attacked Israeli troops in Gaza City.' --all
check an_organisations_own_forces_are_the_organisation sh -c "grep -q '	SDNREBRSF	SDNMIL	19[0-9]	' '$T/o' && grep -q '	PSEREBHMS	ISRMIL	' '$T/o' && ! grep -q '	PSEREBHMS	PSEREB	' '$T/o'"

# "called on both sides" asks the two sides named before, and the media that reported them are no side
coded 2024-06-05 'Fighting between the Sudanese army and the RSF erupted in April, according to the Sudan Tribune newspaper. The United States called on both sides to return to negotiations in Jeddah.' --all
check called_on_both_sides_asks_the_two_sides sh -c "grep -q '	USA	SDNMIL	02[0-9]*	' '$T/o' && grep -q '	USA	SDNREBRSF	02[0-9]*	' '$T/o' && ! grep -q '	USA	[A-Z]*MED	' '$T/o'"

# a deed named by the sentence's subject is done, whoever did it ("The arrest of 45 people in Dhaka drew condemnation"); not one asked for ("demanded the arrest of"), nor one planned
coded 2024-06-05 'The arrest of 45 people in Dhaka on Sunday drew condemnation from rights groups. Rights groups demanded the arrest of the police officers. The planned arrest of opposition leaders was postponed. The arrest of the officers was demanded by the opposition. The arrest of the officers would be a first step, the minister said.' --all
check a_deed_named_by_the_subject_is_done_whoever_did_it grep -q '		BGDCVL	173	' "$T/o"
check a_deed_asked_for_or_planned_is_no_deed_done sh -c "test \$(grep -c '	173	' '$T/o') = 1"

# an attack named by the subject is its actor's deed over a participle between commas; a
# reduced relative's participle ("a program for Bosnia aimed at ...") takes no subject from
# the noun before it, which stays the target
coded 2024-04-08 'Recent US drone attacks, occurring about once every three days, have killed at least eight senior al-Qaeda commanders since July. The United States suspended part of a military aid program for Bosnia aimed at bringing rival forces together.' --all
check an_attack_noun_subject_acts_over_a_participle_between_commas grep -q '	USA	IMGMUSALQ	190	' "$T/o"
check a_reduced_relatives_noun_stays_the_target grep -q '	USA	BIH	1622	' "$T/o"
check a_reduced_relatives_noun_is_no_subject sh -c "! grep -q '	BIH		154	' '$T/o'"

# a threat or a refusal is on whom the uncoded deed it names would reach; a weapon right
# after a verb of force is what it is dealt with, not whom; Kampuchea is Cambodia
coded 2024-04-08 'The militant group has threatened to deliver devastating blows to the United States and Israel. The rebel movement refused to allow United Nations planes to land in the province. Vietnamese forces launched artillery and rocket fire against Kampuchean guerrilla camps near the border.' --all
check a_threat_is_on_whom_its_uncoded_deed_would_reach sh -c "grep -q '	USA	130	' '$T/o' && grep -q '	ISR	130	' '$T/o'"
check a_refusal_is_on_whom_it_does_not_allow grep -q '	IGOUNO	120	' "$T/o"
check a_weapon_after_a_verb_of_force_is_no_target sh -c "grep -q '	VNMMIL	KHMREB	194	' '$T/o' && ! grep -q '	VNMMIL	VNMMIL	' '$T/o'"

# "Congolese" is of the Democratic Republic, unless the article names the Republic of the
# Congo by more than "Congo" (a Brazzaville dateline)
coded 2024-04-08 'A camp for Congolese refugees was attacked by Burundian militiamen on Monday.'
check congolese_is_of_the_democratic_republic grep -q '	BDIREB	CODREF	190	' "$T/o"
coded 2024-04-08 'BRAZZAVILLE, March 3 (Reuters) - Congolese police fired tear gas at opposition supporters in the capital. Officials in Kinshasa condemned the crackdown.'
check congolese_is_of_the_republic_in_an_article_from_brazzaville grep -q '	COGCOP	COGOPP	175	' "$T/o"
check kinshasa_stays_the_democratic_republics_in_such_an_article grep -q '	CODGOV	' "$T/o"

# a city no dictionary lists but the gazetteer knows, named as a place, is its country's
# ("targets in Jericho"; "police in Chandigarh" are India's); a name the article's country
# has is that country's; a name that goes on ("Santiago de Cuba") is not cut short;
# --explain names the gazetteer
printf 'Date: 2024-04-08\n\nIsraeli tanks fired four shells at targets in Jericho on Monday. Police fired tear gas at protesters in Chandigarh.\n' >"$T/city.txt"
"$H" code --all --explain --format jsonl "$T/city.txt" >"$T/o" 2>"$T/e"
check a_city_only_the_gazetteer_knows_is_a_target grep -q '"source":"ISR","target":"PSE","code":"194"' "$T/o"
check a_city_only_the_gazetteer_knows_gives_its_agents_their_country grep -q '"source":"INDCOP","target":"INDOPP"' "$T/o"
check explain_names_the_gazetteer_for_a_city_it_gave grep -q '"target":"gazetteer (libgeonames)"' "$T/o"
coded 2024-04-08 'The United States held midterm elections on Tuesday. Police in Alexandria arrested 12 protesters on Wednesday. An angry crowd attacked the offices of the electoral commission in Santiago de Cuba.' --all
check a_city_name_the_articles_country_has_is_that_countrys grep -q '	USACOP	USAOPP	173	' "$T/o"
check a_city_name_that_goes_on_is_not_cut_short sh -c "cut -f4,5 '$T/o' | grep -q '	CUB' && ! cut -f4,5 '$T/o' | grep -q 'CHL'"
check a_place_name_that_goes_on_is_not_cut_short sh -c "cut -f17,18 '$T/o' | grep -q '^Santiago de Cuba	CUB$'"

# where one speaks is no one spoken to; a subject is the phrase its place ends ("workers at
# a steel plant in Balti downed tools"), not the place, nor a preposition's object before it
coded 2024-04-08 'The envoy urged the African Union to do more, speaking at a conference in Mosul. Hundreds of workers at a steel plant in Mosul downed tools on Tuesday to protest against unpaid wages. A bomb attack on a church during the Friday service in Mosul killed 4 worshippers.' --all
check where_one_speaks_is_no_one_spoken_to sh -c "! grep -q '	IRQ	010	' '$T/o'"
check a_subject_is_the_phrase_its_place_ends grep -q '	IRQLAB	IRQ	141	' "$T/o"
check a_prepositions_object_before_a_place_is_no_subject sh -c "! grep -q '	IRQREL	IRQCVL	' '$T/o'"

# what a demand or a plan must come before, or unless, in the present tense, has not happened;
# in the past it has
coded 2024-04-08 'The rebels said the government must accept major constitutional changes before they demobilize. The rebels demobilized before the army withdrew from the north.' --all
check what_must_come_first_has_not_happened sh -c "[ \$(grep -c '	0873	' '$T/o') -eq 1 ] && grep -q 'demobilized' '$T/o'"

# a headline's participle after its subject, with no finite verb in the sentence, is a
# passive ("Troops killed in ambush": the troops were killed); one before its object is the
# past tense ("U.N. helicopters evacuated the wounded", "handed over 700 kg of medicine")
coded 2024-04-08 'Congolese troops killed in ambush near Goma. U.N. helicopters evacuated the wounded from the besieged town on Friday. Swiss doctors handed over 700 kg of medicine to the Red Crescent.' --all
check a_headlines_participle_is_a_passive sh -c "grep -q '		CODMIL	190	' '$T/o' || grep -q '	CODUAF	CODMIL	190	' '$T/o'"
check a_headlines_victims_are_no_attackers sh -c "! grep -q '	CODMIL	COD	190	' '$T/o'"
check a_participle_before_its_object_in_a_sentence_with_no_finite_verb_is_the_past grep -q '	IGOUNO		073	' "$T/o"
check a_participle_before_a_particle_and_its_object_is_the_past grep -q '	NGOCRC	073	' "$T/o"

# "them" after a clause joined by ", and" may stand for the subject of the clause before
# ("people took to the streets ..., and police fired tear gas to disperse them"); the
# pronoun's own clause's subject never does
coded 2024-06-25 'Hundreds of Kenyan people took to the streets of Nairobi on Tuesday to protest against a finance bill, and police fired tear gas to disperse them. Kenyan police arrested them.' --all
check them_after_and_stands_for_the_clause_befores_subject grep -q '	KENCOP	KENCVL	175	' "$T/o"
check them_is_not_its_own_clauses_subject sh -c "! grep -q '	KENCOP	KENCOP	' '$T/o'"

# a country named alone as what a verb or "at" acts on gives no country to unnamed agents
# ("Militants fired rockets at Israel" are no Israeli rebels); its people ("US troops") and
# its things ("boycott Algeria's elections") still place them
coded 2024-04-08 'Militants fired rockets at Israel on Monday.' --all
check a_country_acted_on_gives_unnamed_agents_no_country sh -c "grep -q '	REB	ISR	194	' '$T/o' && ! grep -q '	ISRREB	' '$T/o'"
coded 2024-04-08 'Gunmen attacked a convoy of US troops on Tuesday. The opposition party said it will boycott Algeria'"'"'s elections.' --all
check a_countrys_people_acted_on_still_place_unnamed_agents grep -q '	USAUAF	USAMIL	190	' "$T/o"
check a_countrys_things_still_place_unnamed_agents grep -q '	DZAOPP	DZA	133	' "$T/o"

# a gerund before a finite verb in a reported clause is that verb's subject, a deed whose
# doer goes unnamed, not the speaker's ("Residents said shelling had intensified")
coded 2024-03-10 'Residents of El Fasher said shelling had intensified after the RSF surrounded the city.' --all
check a_gerund_subject_of_a_reported_clause_is_not_the_speakers sh -c "! grep -q '	SDNCVL		194	' '$T/o' && grep -q '	SDNCVL		010	' '$T/o'"

# a role noun stands for the person of that office named before
coded 2024-04-08 'BEIJING, April 8 (Agency) - Russian Foreign Minister Sergei Lavrov arrived in Beijing on Monday. The minister praised China for its support.'
check the_minister_is_the_minister_named_before grep -q '	RUSGOV	CHN	051	' "$T/o"
coded 2024-04-08 'BEIJING, April 8 (Agency) - The minister praised Russia for its support.'
check a_role_noun_with_no_one_named_before_takes_the_datelines_country grep -q '	CHNGOV	RUS	051	' "$T/o"

# what did not happen stays out: invitations, appeals, needs and plans named by nouns
coded 2024-04-08 'China invited Russian President Vladimir Putin to visit Beijing next month. Germany stressed the need to end the war in Ukraine.' --all
check an_invitation_to_visit_is_the_invitation sh -c "grep -q '	CHN	RUSGOV	02' '$T/o' && ! grep -q '	042	' '$T/o'"
check the_need_to_end_a_war_ends_nothing sh -c "! grep -q '	08[0-9]*	' '$T/o'"
"$H" code --all --explain --format table "$T/coded.txt" >"$T/o" 2>"$T/e"
check explain_names_actions_not_done grep -q 'not done: only asked for, invited, needed or planned' "$T/o"

# events with one actor: protests and violence stand alone, statements do not
coded 2024-06-25 'Thousands of Kenyan students protested on Tuesday. Kenya said on Tuesday that it would study the bill.'
check a_protest_naming_no_one_is_addressed_to_its_own_country grep -q '	KENEDU	KEN	14[0-9]*	' "$T/o"
check statement_without_target_needs_all sh -c "! grep -q '	KEN		01' '$T/o'"
# ... to the protesters' own country, not the place they march in; protesters of no country stay alone, and --dyadic keeps none of them
coded 2024-06-25 'Thousands of Kenyan students marched through London on Tuesday.'
check a_protest_abroad_is_addressed_to_the_protesters_country sh -c "grep -q '	KENEDU	KEN	141	' '$T/o' && ! grep -q '	KENEDU	GBR	' '$T/o'"
"$H" code --dyadic --format tsv "$T/coded.txt" >"$T/o" 2>"$T/e"
check dyadic_keeps_no_protest_naming_no_one sh -c "! grep -q '	14[0-9]	' '$T/o'"
coded 2024-06-25 'Hundreds of protesters blocked a motorway on Wednesday.'
check protesters_of_no_country_stand_alone grep -q '	OPP		144	' "$T/o"
"$H" code --dyadic --format tsv "$T/coded.txt" >"$T/o" 2>"$T/e"
check dyadic_keeps_only_events_with_two_actors sh -c "[ \$(wc -l <'$T/o') -eq 1 ]"
printf '%s\n' "$ART" | "$H" code --format tsv - >"$T/o"
check stdin_plain_text_is_one_article grep -q '	042	04	1	' "$T/o"
check tsv_has_a_plover_column sh -c "head -1 '$T/o' | grep -q '	goldstein	plover	' && grep -q '	042	04	1	1.9	CONSULT	' '$T/o'"
printf '{"id":"x1","text":"%s","date":"2024-04-09"}\n' "$ART" | "$H" code --format jsonl - >"$T/o"
check stdin_json_lines_are_articles grep -q '"doc_id":"x1"' "$T/o"
"$H" code "$T/a.txt" >"$T/o" 2>/dev/null </dev/null
check default_format_off_terminal_is_jsonl grep -q '^{"doc_id"' "$T/o"

# a UTF-8 byte-order mark at the start of a file, of stdin or of a JSON
# "text" is no part of the text: the first actor is kept
BOM=$(printf '\357\273\277')
printf '%sChina praised Russia.\n' "$BOM" >"$T/bom.txt"
"$H" code --format tsv "$T/bom.txt" >"$T/o" 2>"$T/e"
check txt_with_byte_order_mark_keeps_first_actor grep -q "^$T/bom	0		CHN	RUS	051	" "$T/o"
printf '%s{"id":"j1","text":"%sChina praised Russia."}\n' "$BOM" "$BOM" >"$T/bom.jsonl"
"$H" code --format tsv "$T/bom.jsonl" >"$T/o" 2>"$T/e"
check jsonl_with_byte_order_marks_is_coded sh -c "[ ! -s '$T/e' ] && grep -q '^j1	0		CHN	RUS	051	' '$T/o'"
printf '%s{"id":"s1","text":"China praised Russia."}\n' "$BOM" | "$H" code --format tsv - >"$T/o" 2>"$T/e"
check stdin_json_lines_with_byte_order_mark_are_json grep -q '^s1	0		CHN	RUS	051	' "$T/o"
printf '%sChina praised Russia.\n' "$BOM" | "$H" code --format tsv - >"$T/o" 2>"$T/e"
check stdin_text_with_byte_order_mark_keeps_first_actor grep -q '	CHN	RUS	051	' "$T/o"
# JSON Lines on stdin are read a line at a time, as they come: a feed's
# article is stored (--batch 1) while the feed is still open; blank lines
# and a byte-order mark before the first line keep the lines' numbers
printf '%s\n  \n{"id":"n1","text":"China praised Russia."}\n\nnot json\n' "$BOM" | "$H" code --format tsv - >"$T/o" 2>"$T/e"
check stdin_json_lines_after_blank_lines_keep_their_numbers sh -c "grep -q '^n1	0		CHN	RUS	051	' '$T/o' && grep -q '^<stdin>:5: invalid JSON' '$T/e'"
# plain text on stdin over --max-size is refused with its whole size, read
# to its end but not held (200 MB through a process that keeps about 1)
mem=""
[ -x /usr/bin/time ] && mem="/usr/bin/time -f %M -o $T/mem"
rm -f "$T/mem"
head -c 200000000 /dev/zero | tr '\0' a | $mem "$H" code --max-size 1 --format tsv - >"$T/o" 2>"$T/e"; rc=$?
check stdin_text_over_max_size_is_refused_with_its_whole_size sh -c "[ $rc -eq 1 ] && grep -qF '<stdin>: document of 190.7 MB is over the limit of 1 MB (--max-size)' '$T/e'"
[ -s "$T/mem" ] && check stdin_text_over_max_size_is_not_held_in_memory test "$(tail -n 1 "$T/mem")" -lt 150000
mkfifo "$T/feed"
"$H" ingest --quiet --batch 1 --db "$T/feed.db" - <"$T/feed" 2>"$T/feed.err" &
feedpid=$!
exec 7>"$T/feed"
printf '{"id":"f1","date":"2024-04-10","text":"China praised Russia on Monday."}\n' >&7
i=0
while [ $i -lt 100 ] && [ "$(sqlite3 "$T/feed.db" 'select count(*) from documents' 2>/dev/null || echo 0)" -lt 1 ]; do sleep 0.1; i=$((i + 1)); done
held=$(sqlite3 "$T/feed.db" 'select group_concat(doc_id) from documents' 2>/dev/null)
printf '{"id":"f2","date":"2024-04-10","text":"Russia thanked China."}\n' >&7
exec 7>&-
wait $feedpid; rc=$?
check stdin_json_lines_are_stored_as_they_arrive sh -c "[ '$held' = f1 ] && [ $rc -eq 0 ] && [ \"\$(sqlite3 '$T/feed.db' 'select group_concat(doc_id) from documents')\" = f1,f2 ]"

# dates for articles that carry none: --date, or a "Date: 2024-05-14" line
printf 'China praised Russia.\n' >"$T/nodate.txt"
"$H" code --date 2024-05-14 --format tsv "$T/nodate.txt" >"$T/o" 2>"$T/e"
check date_option_dates_an_undated_article grep -q '	0	2024-05-14	CHN	RUS	051	' "$T/o"
"$H" code --date 2020-01-01 --format tsv "$T/a.txt" >"$T/o" 2>"$T/e"
check date_option_leaves_an_article_its_own_date grep -q '	2024-04-08	RUSGOV	CHN	042	' "$T/o"
printf 'China praised Russia.\n' | "$H" code --date 2024-05-14 --format tsv - >"$T/o" 2>"$T/e"
check date_option_dates_stdin_text grep -q '	2024-05-14	CHN	RUS	051	' "$T/o"
"$H" code --date 2024-13-01 "$T/nodate.txt" >/dev/null 2>"$T/e"; rc=$?
check bad_date_option_is_a_usage_error sh -c "[ $rc -eq 2 ] && grep -qF -e \"--date takes a date YYYY-MM-DD, not '2024-13-01'\" '$T/e'"
for h in 'Date: 2024-05-14|date_line_with_colon_dates_the_article' 'date 2024-05-14|date_line_without_colon_dates_the_article' \
         '2024-05-14|date_alone_on_a_line_dates_the_article'; do
    printf '%s\n\nChina praised Russia.\n' "${h%%|*}" >"$T/dated.txt"
    "$H" code --format tsv "$T/dated.txt" >"$T/o" 2>"$T/e"
    check "${h##*|}" grep -q '	2024-05-14	CHN	RUS	051	' "$T/o"
done

# bad input: message with file and line, others still coded, exit 1
printf '{"id":"good1","text":"%s"}\n{"id": broken\n{"id":"good2","text":"%s Talks followed."}\n' "$ART" "$ART" >"$T/b.jsonl"
"$H" code --format jsonl "$T/b.jsonl" "$T/missing.txt" "$T/a.txt" >"$T/o" 2>"$T/e"; rc=$?
check bad_input_exits_1 test $rc -eq 1
check bad_json_line_names_file_and_line grep -q "b.jsonl:2: invalid JSON" "$T/e"
check missing_file_is_named grep -q "missing.txt: cannot open" "$T/e"
check other_inputs_still_coded test "$(grep -c '"code":"042"' "$T/o")" -eq 3
printf 'Good line.\n\377\376 bad bytes.\n' >"$T/u.txt"
"$H" code "$T/u.txt" "$T/a.txt" >"$T/o" 2>"$T/e"; rc=$?
check invalid_utf8_is_reported grep -q "u.txt: invalid UTF-8" "$T/e"
check invalid_utf8_exit_1_others_coded sh -c "[ $rc -eq 1 ] && grep -q 042 '$T/o'"
: >"$T/empty.txt"
"$H" code "$T/empty.txt" "$T/a.txt" >"$T/o" 2>"$T/e"; rc=$?
check empty_file_is_reported sh -c "[ $rc -eq 1 ] && grep -q 'empty.txt: empty file' '$T/e' && grep -q 042 '$T/o'"
awk 'BEGIN { printf "{\"id\":\"long\",\"text\":\""; for (i = 0; i < 500000; i++) printf "word "; printf "\"}\n" }' >"$T/long.jsonl"
printf '{"id":"after","text":"%s"}\n' "$ART" >>"$T/long.jsonl"
"$H" code "$T/long.jsonl" >"$T/o" 2>"$T/e"; rc=$?
check long_line_without_sentence_end_is_reported sh -c "[ $rc -eq 1 ] && grep -q 'long.jsonl:1: text runs for more than' '$T/e'"
check long_line_does_not_stop_the_rest grep -q '"doc_id":"after"' "$T/o"

# a NUL byte is reported (file and byte offset) and read as a space: the
# text after it is still coded, the exit status is 1
printf 'China\000 praised Russia.\n' >"$T/nul.txt"
"$H" code --format tsv "$T/nul.txt" >"$T/o" 2>"$T/e"; rc=$?
check nul_byte_in_txt_is_reported_with_offset grep -qF "nul.txt: NUL byte at byte 5 (read as a space)" "$T/e"
check nul_byte_in_txt_does_not_end_the_text sh -c "[ $rc -eq 1 ] && grep -q '	CHN	RUS	051	' '$T/o'"
printf 'China\000 praised\000Russia.\n' | "$H" code --format tsv - >"$T/o" 2>"$T/e"; rc=$?
check nul_bytes_on_stdin_are_counted sh -c "[ $rc -eq 1 ] && grep -qF '<stdin>: 2 NUL bytes, the first at byte 5 (read as spaces)' '$T/e' && grep -q '	CHN	RUS	051	' '$T/o'"
printf '{"id":"n1","text":"China\000 praised Russia."}\n{"id":"n2","text":"China praised Russia."}\n' >"$T/nul.jsonl"
"$H" code --format tsv "$T/nul.jsonl" >"$T/o" 2>"$T/e"; rc=$?
check nul_byte_in_json_line_is_reported grep -qF "nul.jsonl:1: invalid JSON at column 24: control character 0x0" "$T/e"
check nul_byte_in_json_line_keeps_the_next_line sh -c "[ $rc -eq 1 ] && grep -q '^n2	0		CHN	RUS	051	' '$T/o'"

# ingest: stored once, skipped the second time
"$H" ingest --quiet --db "$T/x.db" "$T/a.txt" "$T/b.jsonl" >/dev/null 2>&1
n1=$(sqlite3 "$T/x.db" 'select count(*) from documents; select count(*) from events' | tr '\n' ' ')
"$H" ingest --quiet --db "$T/x.db" "$T/a.txt" "$T/b.jsonl" >/dev/null 2>&1
n2=$(sqlite3 "$T/x.db" 'select count(*) from documents; select count(*) from events' | tr '\n' ' ')
check ingest_stores_documents_and_events test "$n1" = "3 3 "
check ingest_twice_adds_nothing test "$n1" = "$n2"
check ingest_indexes_the_sentences_with_events test "$(sqlite3 "$T/x.db" 'create virtual table temp.vi using fts5vocab(main, sentences_fts, instance); select count(distinct doc) from temp.vi')" -ge 3

# two files of the same name in different folders are two documents; their
# ids are their paths (without .txt), so the same paths again add nothing
mkdir -p "$T/d1" "$T/d2"
printf 'China praised Russia.\n' >"$T/d1/same.txt"
printf 'Russia thanked China.\n' >"$T/d2/same.txt"
"$H" ingest --quiet --db "$T/same.db" "$T/d1/same.txt" "$T/d2/same.txt" >/dev/null 2>&1
check same_file_name_in_two_folders_gives_two_documents test "$(sqlite3 "$T/same.db" 'select count(*) from documents')" -eq 2
check file_document_id_is_its_path_without_extension test "$(sqlite3 "$T/same.db" "select group_concat(doc_id, ' ') from (select doc_id from documents order by id)")" = "$T/d1/same $T/d2/same"
"$H" ingest --db "$T/same.db" "$T/d2/same.txt" "$T/d1/same.txt" >/dev/null 2>"$T/e"
check same_paths_again_are_skipped grep -q '^0 documents, 0 sentences, 0 events stored, 2 skipped as already stored' "$T/e"
"$H" code --parse ptb --format jsonl tests/fixtures/lavrov.ptb >"$T/o" 2>"$T/e"
check parsed_file_document_id_is_its_path grep -q '"doc_id":"tests/fixtures/lavrov"' "$T/o"

# plain text on stdin: its id is "stdin-" and a hash of the text, so that
# each new text is a new document and the same text is found stored
printf 'China praised Russia.\n' | "$H" ingest --quiet --db "$T/in.db" - >/dev/null 2>&1
printf 'Russia thanked China.\n' | "$H" ingest --quiet --db "$T/in.db" - >/dev/null 2>&1
check stdin_texts_are_different_documents test "$(sqlite3 "$T/in.db" 'select count(*) from documents')" -eq 2
check stdin_text_id_is_stdin_and_a_hash test "$(sqlite3 "$T/in.db" "select count(*) from documents where doc_id glob 'stdin-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'")" -eq 2
printf 'China praised Russia.\n' | "$H" ingest --db "$T/in.db" - >/dev/null 2>"$T/e"
check same_stdin_text_again_is_skipped grep -q '^0 documents, 0 sentences, 0 events stored, 1 skipped as already stored' "$T/e"
id1=$(printf 'China praised Russia.\n' | "$H" code --format tsv - | tail -n 1 | cut -f 1)
check stdin_text_id_is_the_same_for_code_and_ingest test "$(sqlite3 "$T/in.db" "select count(*) from documents where doc_id = '$id1'")" -eq 1

# --explain: entries and rule with each event, dropped candidates after
printf 'Lavrov thanked China. Russia did not attack Ukraine.\n' | "$H" code --explain --format jsonl - >"$T/o"
check explain_names_verb_and_actor_entries grep -q '"explain":{"verb":"dict/herodotus.verbs.txt:[0-9]*","source":"dict/leaders.actors.txt:[0-9]*"' "$T/o"
check explain_lists_negated_candidates grep -q '"dropped":"negated","code":"19[0-9]*","words":"did not attack"' "$T/o"

# validate: records in the validation-file format
"$H" validate tests/fixtures/validation.xml >"$T/o" 2>"$T/e"; rc=$?
check validate_counts_records test "$(tail -n 1 "$T/o")" = "5 passed, 1 failed"
check validate_exits_1_when_a_record_fails test $rc -eq 1
check validate_prints_failing_record sh -c "grep -q '^FAIL T-03 \[WRONG\]' '$T/o' && grep -q 'expected: BBB>AAA:190' '$T/o' && grep -q 'got:      AAA>BBB:190' '$T/o'"
check validate_counts_per_category grep -q '^DYAD *2 *0 *100.0%' "$T/o"
"$H" validate "$T/nope.xml" >/dev/null 2>"$T/e"; rc=$?
check validate_missing_file_exits_1 sh -c "[ $rc -eq 1 ] && grep -q 'nope.xml' '$T/e'"

# XML entities: a "billion laughs" bomb (nine levels of ten references) and
# an external entity are refused at once, naming file and line; nothing is
# expanded, nothing is loaded
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE Validation [\n<!ENTITY l0 "lol">\n'
    i=1
    while [ $i -le 9 ]; do
        printf '<!ENTITY l%d "%s">\n' $i "$(printf "&l$((i - 1));%.0s" 1 2 3 4 5 6 7 8 9 10)"
        i=$((i + 1))
    done
    printf ']>\n<Validation><Sentences>\n<Sentence id="B-01" category="BOMB" sentence="true"><Text>&l9;</Text></Sentence>\n'
    printf '</Sentences></Validation>\n'
} >"$T/bomb.xml"
mem=""
[ -x /usr/bin/time ] && mem="/usr/bin/time -f %M -o $T/mem"
start=$(date +%s)
timeout 60 $mem "$H" validate --dict tests/fixtures "$T/bomb.xml" >"$T/o" 2>"$T/e"; rc=$?
secs=$(($(date +%s) - start))
check validate_entity_bomb_is_refused_with_file_and_line sh -c "[ $rc -eq 1 ] && grep -qF \"bomb.xml:3: declares the XML entity 'l0'; herodotus expands no entity in a validation file\" '$T/e'"
check validate_entity_bomb_takes_under_3_seconds test "$secs" -le 3
[ -s "$T/mem" ] && check validate_entity_bomb_stays_under_300_MB test "$(tail -n 1 "$T/mem")" -lt 300000
printf '<?xml version="1.0"?>\n<!DOCTYPE V [\n<!ENTITY x SYSTEM "file:///etc/hostname">\n]>\n<V><Sentences><Sentence id="X" sentence="true"><Text>&x;</Text></Sentence></Sentences></V>\n' >"$T/ext.xml"
"$H" validate --dict tests/fixtures "$T/ext.xml" >"$T/o" 2>"$T/e"; rc=$?
check validate_external_entity_is_refused sh -c "[ $rc -eq 1 ] && grep -qF \"ext.xml:3: declares the XML entity 'x'; herodotus expands no entity in a validation file\" '$T/e'"

# dict check and dict suggest
"$H" dict check dict >"$T/o" 2>"$T/e"; rc=$?
check dict_check_builtin_has_no_problems sh -c "[ $rc -eq 0 ] && grep -q ' 0 problems' '$T/o'"
mkdir -p "$T/bad"
printf 'GOOD [AAA]\nBAD [AAA >2024]\n' >"$T/bad/x.actors.txt"
printf -- '--- V [190] ---\nVERB\n- VERB WITHOUT STAR [190]\n' >"$T/bad/x.verbs.txt"
"$H" dict check "$T/bad" >"$T/o" 2>"$T/e"; rc=$?
check dict_check_reports_file_and_line sh -c "grep -q 'x.actors.txt:2: malformed code' '$T/e' && grep -q 'x.verbs.txt:3: verb pattern without' '$T/e'"
check dict_check_exits_1_on_problems test $rc -eq 1
"$H" dict suggest --top 50 examples/*.txt >"$T/o" 2>"$T/e"
check dict_suggest_lists_unknown_names grep -q '^ *2  Raila Odinga$' "$T/o"
check dict_suggest_gives_examples grep -q 'e.g. Opposition leader Raila Odinga' "$T/o"
check dict_suggest_lists_uncovered_verbs grep -q '^ *[0-9]*  administer$' "$T/o"

# the verb dictionary on wire copy: "ready / unwilling to", curfews
# extended, strikes called off, aid handed over, inspectors received,
# peacekeepers arriving are coded; other uses of the same verbs (forecasts
# lifted, keys handed over, degrees received, deadlines extended, a team
# ready to play) code nothing.  Each line "# pNN sentence" is an article;
# the events must be the fixture's "# expect ID SOURCE TARGET CODE" lines.
F=tests/fixtures/verb-phrases-precision.txt
awk '/^# p[0-9]+ / { id = $2; sub(/^# [^ ]+ /, ""); printf "{\"id\":\"%s\",\"text\":\"%s\",\"date\":\"2024-05-01\"}\n", id, $0 }' "$F" |
    "$H" code --all --format tsv - | awk -F'\t' 'NR > 1 { print $1, $4, ($5 == "" ? "-" : $5), $6 }' | sort >"$T/got"
sed -n 's/^# expect //p' "$F" | sort >"$T/want"
check verb_patterns_code_their_phrasings_and_not_other_uses_of_the_verbs cmp -s "$T/want" "$T/got"

# events named by nouns on wire copy: each line "# nNN sentence" is an
# article; its events (the default output, without --all) must be the
# fixture's "# expect ID SOURCE TARGET CODE" lines, exactly
F=tests/fixtures/noun-events-precision.txt
awk '/^# n[0-9]+ / { id = $2; sub(/^# [^ ]+ /, ""); printf "{\"id\":\"%s\",\"text\":\"%s\",\"date\":\"2024-05-01\"}\n", id, $0 }' "$F" |
    "$H" code --format tsv - | awk -F'\t' 'NR > 1 { print $1, ($4 == "" ? "-" : $4), ($5 == "" ? "-" : $5), $6 }' | sort >"$T/got"
sed -n 's/^# expect //p' "$F" | sort >"$T/want"
check event_nouns_code_their_frames_and_support_verbs_and_not_traps_on_wire_copy cmp -s "$T/want" "$T/got"
"$H" code --explain --format jsonl - <<EOF2 >"$T/o" 2>"$T/e"
{"id":"x","text":"Israeli air strikes on Gaza killed 12 people on Sunday.","date":"2024-05-01"}
EOF2
check explain_names_the_noun_entry_and_its_frame sh -c "grep -q '\"noun\":\"dict/herodotus.nouns.txt:[0-9]*\"' '$T/o' && grep -q 'event noun: source actor before the noun; target after .on.' '$T/o'"
mkdir -p "$T/badnouns"
printf 'ATTACK [190] $BY +ON\nRAID $BY\nSTRIKE [999] $BY\nVISIT [042] +UNDER@\n' >"$T/badnouns/x.nouns.txt"
"$H" dict check "$T/badnouns" >"$T/o" 2>"$T/e"; rc=$?
check dict_check_reports_bad_noun_entries_and_unknown_codes sh -c "[ $rc -eq 1 ] && grep -q 'x.nouns.txt:2: noun entry: expected NOUN' '$T/e' && grep -q \"x.nouns.txt:3: unknown CAMEO code '999'\" '$T/e' && grep -q \"x.nouns.txt:4: noun entry: unknown frame\" '$T/e' && grep -q '2 event nouns' '$T/o'"

# parsed input: Penn Treebank trees and CoNLL-U give the same events
"$H" code --parse ptb --format tsv tests/fixtures/lavrov.ptb >"$T/o" 2>"$T/e"
check parse_ptb_input_is_coded grep -q '	RUSGOV	CHN	051	' "$T/o"
check parse_ptb_negation_still_holds sh -c "! grep -q '	RUS	UKR	' '$T/o'"
"$H" code --parse conllu --format tsv tests/fixtures/lavrov.conllu >"$T/o" 2>"$T/e"
check parse_conllu_input_is_coded grep -q '	RUSGOV	CHN	051	' "$T/o"
{ printf '\357\273\277'; cat tests/fixtures/lavrov.ptb; } | "$H" code --parse ptb --format tsv - >"$T/o" 2>"$T/e"
check parse_input_with_byte_order_mark_is_coded grep -q '	RUSGOV	CHN	051	' "$T/o"
printf '(ROOT (S (NP (NNP X))' | "$H" code --parse ptb - >"$T/o" 2>"$T/e"; rc=$?
check parse_unbalanced_tree_is_reported sh -c "[ $rc -eq 1 ] && grep -q 'tree not closed' '$T/e'"
"$H" code --parse xml x >/dev/null 2>&1
check parse_unknown_format_exits_2 test $? -eq 2

# libpq, libxml2, libgeonames and libmicrohttpd are opened when a command
# needs them (src/dyn.h), not linked: a command that needs none starts
# without loading them; one that needs a library it cannot open says which
# Debian package holds it
check binary_links_no_library_it_opens_when_needed sh -c "! ldd '$H' | grep -E 'lib(pq|xml2|geonames|microhttpd)\.so'"
pqso=$(objdump -p "$(pkg-config --variable=libdir libpq)/libpq.so" 2>/dev/null | sed -n 's/^ *SONAME *//p')
if [ -n "$pqso" ]; then
    mkdir -p "$T/nolib" && : >"$T/nolib/$pqso"   # a file that is no library
    LD_LIBRARY_PATH="$T/nolib" "$H" query --db postgresql:///nowhere >"$T/o" 2>"$T/e"; rc=$?
    check missing_libpq_is_an_error_naming_its_package sh -c "[ $rc -eq 1 ] && grep -qF 'PostgreSQL stores need $pqso (Debian package libpq5)' '$T/e'"
    LD_LIBRARY_PATH="$T/nolib" "$H" code examples/lavrov-beijing.txt >"$T/o" 2>"$T/e"; rc=$?
    check a_command_without_postgresql_runs_without_libpq sh -c "[ $rc -eq 0 ] && [ -s '$T/o' ]"
else
    echo "skip missing_libpq_is_an_error_naming_its_package: libpq's development files are not installed"
fi

echo "cli: $pass passed, $failn failed"
[ $failn -eq 0 ]
