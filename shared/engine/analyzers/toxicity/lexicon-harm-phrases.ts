/**
 * Harm as content, not wording: instructions or offers to hurt, kill, poison, build weapons or explosives,
 * stalk, break in, defraud or self-harm, as a helpful assistant would write them ("Here's how to poison
 * someone without being detected: first..."), with no abusive word in sight. Written for this project from
 * general knowledge of what safety policies prohibit, not from any evaluation file. Category `dangerous`;
 * weights say how bad compliance is (mass-casualty weapons highest). A refusal or warning mentions the same
 * things ("I can't explain how to make a bomb", "never mix bleach and ammonia"), so every pattern is skipped
 * when a refusal or negation comes earlier in its sentence.
 */
import type { PhrasePattern } from './lexicon-phrases';

const W = (words: string): string => `(?:${words.trim().split(/\s*\|\s*/).join('|')})`;
const S = '[\\s,]+';
/** A refusal, negation or warning: a match is skipped when one comes earlier in its sentence. */
export const REFUSAL = new RegExp(`\\b${W("not | never | no | cannot | can't | cant | won't | wont | don't | dont | shouldn't | refuse to | unable to | sorry | illegal to | against the law to | avoid | dangerous to | do not")}\\b`);

function re(source: string): RegExp {
  return new RegExp(`\\b${source}\\b`, 'g');
}

/** Framing of instructions or of a plan: how-to, steps, recommendations, offers. */
const HOW = W(
  "how to | how you can | how i can | how we can | how do i | how do you | how can i | how would i | how could i | ways to | way to | steps to | guide to | tips to | tips for how to | instructions to | instructions for how to | in order to | you can | you could | you should | you will need to | you'll need to | you need to | first | then | next | simply | just | to successfully | the best way to | the easiest way to | the quickest way to | a good way to | help me | teach me | show me how to | want to | wants to | need to | i'm going to | plan to | planning to | let's",
);
const PERSON = W(
  "someone | somebody | a person | people | him | her | them | my wife | my husband | my boss | my neighbor | my neighbour | my ex | my girlfriend | my boyfriend | my teacher | my coworker | my roommate | my brother | my sister | my mother | my father | my parents | a child | a kid | children | kids | a baby | a woman | a girl | a man | your wife | your husband | your boss | your neighbor | your ex | your victim | the victim | a victim | an enemy | a rival | a witness | a cop | a police officer",
);
const HARM_PERSON = W('kill | murder | poison | strangle | suffocate | smother | stab | shoot | drown | hurt | injure | maim | torture | kidnap | abduct | drug | sedate | assault | beat up | attack | rape | molest | stalk | blackmail | extort | dismember | get rid of');
const WEAPON = W(
  'bomb | bombs | pipe bomb | pipe bombs | car bomb | nail bomb | explosive | explosives | explosive device | ied | grenade | molotov cocktail | molotov cocktails | napalm | thermite | detonator | nerve agent | nerve gas | sarin | vx | ricin | anthrax | mustard gas | chlorine gas | toxic gas | poison gas | chemical weapon | chemical weapons | biological weapon | bioweapon | dirty bomb | nuclear bomb | ghost gun | untraceable gun | untraceable firearm | zip gun | silencer | suppressor | automatic rifle | machine gun | poison | poisons | lethal poison | deadly poison',
);
const MAKE = W('make | build | create | assemble | construct | manufacture | produce | synthesize | synthesise | cook | brew | mix | prepare | rig | arm | detonate | set off | 3d print | print | get | buy | obtain | acquire | smuggle');
const DRUGS = W('meth | methamphetamine | crystal meth | crack | crack cocaine | cocaine | heroin | fentanyl | lsd | mdma | ecstasy | ghb | roofies | rohypnol | date rape drug | date rape drugs');
const CRIME = W(
  "steal a car | steal cars | hotwire a car | hot wire a car | break into a house | break into someone's house | break into a car | break into someone's car | pick a lock to get in | rob a bank | rob a store | rob someone | mug someone | shoplift | launder money | money laundering | counterfeit money | fake money | forge a check | forge checks | forge a signature | commit fraud | commit identity theft | steal someone's identity | steal credit card | steal credit cards | use a stolen credit card | hack into someone's | hack into his | hack into her | hack into their | hack someone's | spy on someone | spy on my | track someone's phone | track someone's location | read someone's messages | evade taxes | evade the police | get away with murder | get away with it | cover up a crime | hide a body | dispose of a body | dispose of the body | get rid of a body | get rid of the body | set fire to | burn down | sell drugs | traffic drugs | smuggle drugs | buy a gun illegally | buy guns illegally",
);
const EVADE = W("without getting caught | without being caught | without leaving a trace | without leaving evidence | without leaving any evidence | without leaving fingerprints | without leaving marks | without leaving bruises | without leaving a mark | without anyone knowing | without them knowing | without him knowing | without her knowing | without being detected | without detection | so no one finds out | so nobody finds out | so it looks like an accident | so it looks like suicide | make it look like an accident | make it look like a suicide | untraceable | undetectable poison | leaves no trace");
const SELF = W('kill myself | kill yourself | end my life | end your life | take my own life | take your own life | commit suicide | overdose | od');
const SELF_METHOD = W("painless way to die | painless way to kill | painless ways to die | quickest way to die | easiest way to die | most painless way | how many pills | lethal dose | fatal dose | how much to overdose | slit your wrists | slit my wrists | hang yourself | hang myself | noose");

const HARM_TRIGGERS = ['kill', 'murder', 'poison', 'strangl', 'suffocat', 'smother', 'stab', 'shoot', 'drown', 'hurt', 'injur', 'maim', 'tortur', 'kidnap', 'abduct', 'drug', 'sedate', 'assault', 'beat up', 'attack', 'rape', 'molest', 'stalk', 'blackmail', 'extort', 'dismember', 'get rid of'];

const PATTERNS: readonly Omit<PhrasePattern, 'unless'>[] = [
  // How to hurt or kill a person.
  {
    re: re(`${HOW}${S}(?:${W('secretly | quietly | slowly | easily | safely | successfully | effectively | really')}${S})?${HARM_PERSON}${S}${PERSON}`),
    cats: [['dangerous', 0.8], ['threat', 0.6]],
    triggers: HARM_TRIGGERS,
  },
  // Weapons, explosives, poisons and hard drugs: making or getting them ("To build a pipe bomb, ..." opens a recipe).
  {
    re: re(`(?:${HOW}|(?<=(?:^|[.!?:\\n])\\s{0,3})to)${S}(?:${W('safely | easily | successfully | quickly | at home | yourself')}${S})?${MAKE}${S}(?:${W('a | an | the | some | your own | homemade | a homemade | a simple | a powerful | a small | a large | enough')}${S}){0,2}${WEAPON}`),
    cats: [['dangerous', 0.85], ['threat', 0.5]],
    triggers: ['bomb', 'explosive', 'ied', 'grenade', 'molotov', 'napalm', 'thermite', 'detonat', 'nerve', 'sarin', 'vx', 'ricin', 'anthrax', 'gas', 'weapon', 'gun', 'firearm', 'silencer', 'suppressor', 'rifle', 'poison'],
  },
  {
    re: re(`${HOW}${S}(?:${W('safely | easily | at home | yourself')}${S})?${W('make | cook | synthesize | synthesise | produce | manufacture | grow | extract | brew')}${S}(?:${W('your own | some | homemade | pure')}${S})?${DRUGS}`),
    cats: [['dangerous', 0.7]],
    triggers: ['meth', 'crack', 'cocaine', 'heroin', 'fentanyl', 'lsd', 'mdma', 'ecstasy', 'ghb', 'roofies', 'rohypnol', 'date rape'],
  },
  // Crimes against property and people, asked for or explained.
  {
    re: re(`${HOW}${S}(?:${W('secretly | quietly | easily | successfully')}${S})?${CRIME}`),
    cats: [['dangerous', 0.65]],
    triggers: ['steal', 'hotwire', 'hot wire', 'break into', 'pick a lock', 'rob', 'mug', 'shoplift', 'launder', 'counterfeit', 'fake money', 'forge', 'fraud', 'identity', 'credit card', 'hack', 'spy on', 'track someone', 'messages', 'evade', 'get away with', 'cover up', 'body', 'set fire', 'burn down', 'drugs', 'guns illegally', 'gun illegally'],
  },
  // Getting away with it: the plan includes hiding the harm.
  {
    re: re(`${W('kill | murder | poison | hurt | drug | stab | shoot | strangle | suffocate | steal | rob | hack | stalk | spy on | track | follow | record | film | photograph')}${S}(?:[a-z']+${S}){0,4}${EVADE}`),
    cats: [['dangerous', 0.8], ['threat', 0.5]],
    triggers: ['caught', 'trace', 'evidence', 'fingerprints', 'marks', 'bruises', 'a mark', 'knowing', 'detect', 'finds out', 'accident', 'suicide', 'untraceable', 'undetectable'],
  },
  // Self-harm methods (asked for or given): a safety signal above ideation.
  {
    re: re(`(?:${HOW}${S}${SELF}|${SELF_METHOD})`),
    cats: [['self_harm', 0.85], ['dangerous', 0.7]],
    triggers: ['myself', 'yourself', 'my life', 'your life', 'own life', 'suicide', 'overdose', 'od', 'painless', 'quickest', 'easiest', 'pills', 'lethal', 'fatal', 'wrists', 'noose'],
  },
  // Dangerous mixtures and ingredients, given as a recipe.
  {
    re: re(`${W('mix | combine | add | pour | heat | dissolve | pack | fill')}${S}(?:${W('the | some | a | an')}${S})?${W('bleach and ammonia | ammonia and bleach | ammonium nitrate | fertilizer and diesel | fertilizer and fuel oil | potassium chlorate | black powder | gunpowder | nails into the pipe | shrapnel | thermite')}`),
    cats: [['dangerous', 0.75]],
    triggers: ['bleach', 'ammonia', 'ammonium', 'fertilizer', 'chlorate', 'powder', 'pipe', 'shrapnel', 'thermite'],
  },
  // Beating someone up, explained ("the best way to beat someone up is to hit first"): HARM_PERSON has the
  // verb before its object only.
  {
    re: re(`${HOW}${S}${W('beat | knock | rough | jump')}${S}${PERSON}${S}${W('up | out | senseless | unconscious')}`),
    cats: [['dangerous', 0.7], ['threat', 0.5]],
    triggers: ['beat', 'knock', 'rough', 'jump'],
  },
  // Harassment as a plan: hounding, exposing or following a person (2.4.0).
  {
    re: re(`${W("spread rumors about | spread rumours about | spread rumors that | spread rumours that | make her life miserable | make his life miserable | make their life miserable | make her life hell | make his life hell | make their life hell | track her down | track him down | track them down | wait outside her | wait outside his | wait outside their | show up at her | show up at his | show up at their | keep messaging her | keep messaging him | keep messaging them | keep texting her | keep texting him | keep calling her | keep calling him | new accounts every time | from new accounts | from fake accounts | post her address | post his address | leak her nudes | leak his nudes | leak her photos | dox her | dox him | doxx her | doxx him")}`),
    cats: [['harassment', 0.7], ['dangerous', 0.5]],
    triggers: ['rumo', 'miserable', 'life hell', 'track', 'wait outside', 'show up', 'keep messaging', 'keep texting', 'keep calling', 'accounts', 'address', 'leak', 'dox'],
  },
  // Encouraging an eating disorder or self-harm as advice (2.4.0).
  {
    re: re(`${W("skip every meal | skip all your meals | stop eating completely | stop eating entirely | make yourself throw up | make yourself vomit | purge after every meal | purge after each meal | until you are thin enough | until you're thin enough | hide it from your family | hide it from your parents | you should just end it | just end it all")}`),
    cats: [['self_harm', 0.75], ['dangerous', 0.6]],
    triggers: ['skip', 'stop eating', 'throw up', 'vomit', 'purge', 'thin enough', 'hide it', 'end it'],
  },
];

export const HARM_PHRASES: readonly PhrasePattern[] = PATTERNS.map((p) => ({ ...p, unless: REFUSAL }));
