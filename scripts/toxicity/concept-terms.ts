/**
 * Seed words of the concepts whose nearness in word-vector space the toxicity model reads
 * (concept-features.ts), written for this project from general knowledge (never from an evaluation file).
 * A seed list only places a centroid: what counts is how close an unseen word lies to it, so a word a source
 * never used ("cockroaches" when training saw "vermin") still weighs. Words in model-token form.
 */
import { DEMEANING_WORDS } from '../../shared/engine/analyzers/toxicity/group-terms';
import { WORD_LIST, type ToxicityCategory } from '../../shared/engine/analyzers/toxicity/lexicon-words';

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/**
 * Grammar words, skipped by the concept features: their vectors say how a word is used, not what it means,
 * and by chance lie near some centroid ("will" near threat, "had" near violence), which would give every
 * window the same high similarity.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(words(`
  the a an of to and in for that on is was with as it by at from be has are have but were not this who they had
  which will their or its after been also we would more about up when there all out she other her than over into
  some if no can do only could us most so them what him before may since many while where because now like between
  he his i me my mine you your yours youre im ive id ill its our ours theirs hers himself herself itself themselves
  myself yourself am being does did doing dont doesnt didnt isnt arent wasnt werent cant cannot wont wouldnt
  shouldnt couldnt should shall must might just then than too very any each every both either neither nor yet
  these those here how why whom whose such same own off again further once through during under above below
  until against among per via ok oh yes yeah lol u ur`));
const lexiconWords = (category: ToxicityCategory): readonly string[] => WORD_LIST.filter(([c]) => c === category).flatMap(([, , w]) => w.split(' '));

/** Concepts of abuse aimed at a person first, then of what is said about a group (concept-features.ts lays out its features in this order). */
export const CONCEPTS = ['insult', 'threat', 'sexual', 'violence', 'demeaning', 'dehumanising'] as const;
export type Concept = (typeof CONCEPTS)[number];

export const CONCEPT_SEEDS: Readonly<Record<Concept, readonly string[]>> = {
  insult: lexiconWords('insult'),
  // What is done to a person: the verbs of threats ("I will ... you").
  threat: words(`kill murder shoot stab hang lynch hunt strangle choke behead burn execute exterminate torture beat
    bury slaughter slit punch smash crush drown`),
  // Violence as a topic: weapons, attacks, bloodshed.
  violence: words(`violence violent attack attacks assault bomb bombing massacre genocide blood bloody gun guns weapon
    weapons knife riot terror brutal brutality slaughter rape war`),
  demeaning: [...DEMEANING_WORDS],
  // Likening people to animals, pests, dirt and disease.
  dehumanising: words(`animals animal apes ape monkeys monkey rats rat vermin cockroaches roaches parasites parasite
    insects pests pest beasts beast savages savage subhuman infestation plague disease cancer virus filth filthy
    trash garbage scum breed primitive barbaric barbarians dogs pigs swine leeches`),
  sexual: lexiconWords('sexual'),
};
