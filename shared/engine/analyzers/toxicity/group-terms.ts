/**
 * Word lists for what is said about groups of people, written for this project from general knowledge of
 * how hate speech is built (never from an evaluation file). Implicit hate needs no slur: it names a group and
 * says something demeaning about all of it ("they are all criminals", "they should go back"). The model reads
 * these as features (group-features.ts), so it learns how much each combination weighs from the training
 * sources, and the same weight carries over to groups and wordings a source never showed. Words are in
 * model-token form: lower case, apostrophes removed ("dont").
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Nouns and adjectives naming groups by religion, ethnicity, nationality, gender, sexuality or disability. */
export const IDENTITY_WORDS = words(`
  jew jews jewish judaism muslim muslims moslem moslems islam islamic arab arabs christian christians catholic catholics
  hindu hindus sikh sikhs buddhist buddhists atheist atheists black blacks white whites african africans asian asians
  chinese japanese korean koreans indian indians mexican mexicans latino latinos latina latinas hispanic hispanics
  immigrant immigrants migrant migrants refugee refugees foreigner foreigners native natives aboriginal indigenous
  gypsy gypsies roma pakistani pakistanis somali somalis middle eastern iranian iranians syrian syrians
  woman women girl girls female females feminist feminists gay gays lesbian lesbians homosexual homosexuals bisexual
  transgender trans queer lgbt lgbtq disabled disability disabilities handicapped autistic deaf blind wheelchair
  mentally ill illegals minorities minority ethnic race races racial
`);

/**
 * Predicates that demean when said of a group: criminality and violence, likening to animals, dirt and disease,
 * low intelligence or worth, invasion and replacement, secret control, sexual deviance, being a burden.
 */
export const DEMEANING_WORDS = words(`
  criminal criminals crime crimes thug thugs thief thieves steal steals stealing gang gangs violent violence
  dangerous terrorist terrorists terrorism jihad jihadi jihadis jihadist jihadists bomber bombers rapist rapists
  murderer murderers killers savage savages barbaric barbarian barbarians primitive uncivilized backward backwards
  animal animals beast beasts vermin rats cockroaches roaches parasite parasites leech leeches apes ape monkeys monkey
  subhuman subhumans infestation infested plague disease diseases diseased filthy filth dirty smelly stink stinks
  unclean inferior stupid dumb unintelligent incapable incompetent lazy useless worthless weak weaker hysterical
  irrational emotional invaders invader invade invading invasion overrun outbreed breed breeding breeders replace
  replacing replacement infiltrate infiltrating control controls controlling greedy greed globalist globalists
  puppet puppets cabal pervert perverts perverted deviant deviants degenerate degenerates abomination unnatural
  disgusting gross sick groomer groomers predator predators pedophile pedophiles freak freaks mutilation
  welfare handouts freeloader freeloaders moochers burden leeching deport deported deporting deportation deportations
  ban banned expel expelled belong illegal illegally alien aliens inbred
`);

/** Words that sweep a whole group into one claim. */
export const GENERALIZING_WORDS = words(`
  all always every everyone entire whole typical typically inherently naturally genetically nature kind
  these those them they their most
`);

/** Negation: "they are not criminals" says the opposite of "they are criminals". */
export const NEGATION_WORDS = words(`
  not no never nor dont doesnt isnt arent wasnt werent cant cannot wont shouldnt wouldnt couldnt aint neither
`);
