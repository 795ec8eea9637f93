/**
 * Single-word toxicity lexicon, written for this project. Words are in normalized form (lowercase, no
 * accents, leetspeak undone: see shared/text/normalize). Each weight is how toxic one occurrence is on its
 * own in general comments; words with a common innocent sense ("cock", "pussy", "hoe", "crap") weigh less,
 * and identity words on their own ("gay", "muslim", "black") are deliberately absent: only slurs and
 * attacks count. Contains highly offensive terms by necessity.
 */

export type ToxicityCategory = 'insult' | 'profanity' | 'threat' | 'identity_attack' | 'harassment' | 'sexual' | 'self_harm' | 'dangerous';

/**
 * harassment = abuse aimed at the person addressed (directed insults, threats, sexual propositions);
 * dangerous = harm as content: instructions or requests to hurt people, make weapons or drugs, commit crimes
 * (lexicon-harm-phrases.ts), however politely written.
 */
export const TOXICITY_CATEGORIES: readonly ToxicityCategory[] = ['insult', 'profanity', 'threat', 'identity_attack', 'harassment', 'sexual', 'self_harm', 'dangerous'];

/** [category, weight, space-separated words]. A word may appear under several categories. */
export const WORD_LIST: readonly [ToxicityCategory, number, string][] = [
  ['profanity', 0.9, 'motherfucker motherfuckers motherfucking mothafucka mothafuckas muthafucka muthafuckas mofo fck fcking fckin fcked fuk fuking fukin fukn fuq phuck phuk fvck fuc fucc fkn fking fkin fk'],
  ['profanity', 0.95, 'cunt cunts cunty'],
  ['profanity', 0.8, 'shite shitty shitting shitter shithole shitholes shitshow bullshit horseshit batshit apeshit chickenshit wtf stfu gtfo'],
  ['profanity', 0.75, 'bastard bastards twat twats wanker wankers wank wanking tosser tossers bollocks'],
  ['profanity', 0.4, 'asses'],
  ['profanity', 0.6, 'ass arse dick dicks prick pricks piss pissed pissing pisses pisser pissy douche effing effin mf omfg'],
  ['profanity', 0.5, 'pussy pussies cock cocks hoe tits titties crappy jerkoff'],
  ['profanity', 0.4, 'goddamn goddamnit goddammit ffs bugger sucks'],
  ['profanity', 0.35, 'crap damn damned damnit dammit craps'],
  ['profanity', 0.2, 'badass kickass freaking frickin frigging fml'],

  ['insult', 0.9, 'asshole assholes arsehole arseholes dickhead dickheads dickface dickwad cocksucker cocksuckers cocksucking douchebag douchebags dumbass dumbasses jackass jackasses fatass smartass asshat asswipe assclown shithead shitheads dipshit dipshits fuckface fuckwit fucktard fuckhead knobhead bellend scumbag scumbags motherfucker'],
  ['insult', 0.9, 'retard retards retarded tard libtard libtards feminazi feminazis subhuman subhumans'],
  ['insult', 0.85, 'moron morons moronic imbecile imbeciles cretin cretins bitch bitches bitchy bitchass slut sluts slutty whore whores skank skanks thot thots'],
  ['insult', 0.75, 'idiot idiots idiotic dimwit dimwits nitwit nitwits halfwit numbnuts twit twits scum vermin lowlife lowlifes pervert perverts wanker tosser douche prick'],
  ['insult', 0.6, 'stupid stupidest loser losers worthless psycho psychos hoes fatso buffoon buffoons degenerate degenerates brainless prat plonker sissy pedo pedophile pedophiles paedo liar liars'],
  ['insult', 0.5, 'dumb dumber dumbest fool fools ugly pathetic lunatic lunatics coward cowards hypocrite hypocrites bigot bigots clown clowns swine disgusting parasite parasites creep'],
  ['insult', 0.4, 'troll trolls dork dorks muppet wimp clueless incompetent disgrace pig pigs nazi nazis racist racists fascist fascists'],
  ['insult', 0.3, 'ignorant jerk jerks freak freaks'],

  ['identity_attack', 0.98, 'nigger niggers niggaz nigguh kike kikes wetback wetbacks raghead ragheads towelhead towelheads sandnigger faggot faggots fagot fagots'],
  ['identity_attack', 0.9, 'fag fags faggy spic spics chink chinks gook gooks beaner beaners darkie darkies jigaboo tranny trannies shemale dyke dykes sambo golliwog zipperhead'],
  ['identity_attack', 0.8, 'paki pakis wop wops dago dagos polack injun squaw mongoloid spaz heeb hymie retard retards'],
  ['identity_attack', 0.7, 'nigga niggas negro negroes coon coons jap japs chinaman kraut krauts yid yids halfbreed savages'],
  ['identity_attack', 0.4, 'redneck rednecks hillbilly hillbillies homo homos'],

  ['sexual', 0.9, 'cumshot blowjob blowjobs handjob rimjob cocksucker cocksucking jizz'],
  ['sexual', 0.75, 'cum cumming dildo dildos horny titties clit milf hentai masturbate masturbating masturbation porno pornhub slut whore sluts whores molest molested molesting molester'],
  ['sexual', 0.6, 'porn boobs boobies tits pussy orgasm orgasms rape raped raping rapist rapists nudes'],
  ['sexual', 0.4, 'cock cocks dick anal xxx erotic fetish bdsm hooker hookers incest bestiality nude'],
  ['sexual', 0.2, 'sex sexy naked penis vagina nipples pornography prostitute'],

  ['self_harm', 0.95, 'kys'],
  ['self_harm', 0.7, 'kms suicidal'],
  ['self_harm', 0.45, 'suicide selfharm'],

  ['threat', 0.5, 'kys'],
];

/**
 * Stems that mark profanity wherever they occur inside a token ("clusterfuck", "#fuckmondays",
 * "sonofabitch"); none occurs inside an ordinary English word.
 */
export const CONTAINED_STEMS: readonly [ToxicityCategory, number, string][] = [
  ['profanity', 0.9, 'fuck'],
  ['profanity', 0.8, 'shit'],
  ['insult', 0.85, 'bitch'],
  ['identity_attack', 0.98, 'nigger'],
  ['identity_attack', 0.7, 'nigga'],
  ['identity_attack', 0.95, 'faggot'],
  ['insult', 0.85, 'whore'],
  ['insult', 0.8, 'cunt'],
];

/** Tokens that contain a stem but are innocent. */
export const STEM_EXCEPTIONS: ReadonlySet<string> = new Set(['scunthorpe', 'shiitake', 'shitake', 'mishit', 'mishits']);

/** Two-word sequences whose first word is in the list but that are innocent as a whole. */
export const INNOCENT_BIGRAMS: ReadonlySet<string> = new Set([
  'homo sapiens', 'homo erectus', 'homo habilis', 'homo neanderthalensis', 'cum laude', 'magna cum', 'summa cum',
  'dick tracy', 'cock robin', 'idiots guide', 'jerk chicken', 'jerk pork', 'jerk seasoning', 'jerk sauce', 'jerk marinade',
]);
// Words after which a listed word is innocent ("magna cum laude", "Moby Dick", "Van Dyke", "guinea pigs").
export const INNOCENT_PREVIOUS: ReadonlySet<string> = new Set(['magna', 'summa', 'moby', 'van', 'knee', 'guinea']);
