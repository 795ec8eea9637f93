/**
 * Multi-word toxicity patterns, written for this project: threats, self-harm, directed insults, attacks on
 * identity groups, sexual propositions. They run on normalized text (lowercase, leetspeak undone), so they
 * only need plain spellings. Every quantifier is bounded and every alternation is of whole words, so a scan
 * is linear in the text length.
 */
import type { ToxicityCategory } from './lexicon-words';

export interface PhrasePattern {
  re: RegExp;
  /** Categories this phrase signals, with weights in [0, 1]; the first is the span's label. */
  cats: readonly [ToxicityCategory, number][];
  /** The pattern is only tried when the text contains one of these substrings (a cheap pre-filter). */
  triggers: readonly string[];
  /** A match is dropped when this matches earlier in its sentence (a refusal or warning before the words). */
  unless?: RegExp;
}

const W = (words: string): string => `(?:${words.trim().split(/\s*\|\s*/).join('|')})`;
const S = '[\\s,]+'; // word gap

const YOU = W("you | u | ya | yall | y'all | you guys | all of you | every one of you | your family | your kids | your mom | ur family");
const SUBJECT = W("i | we | ima | imma | im | i'm | ill | i'll | we'll | we're | id | i'd | gonna | going to");
const AUX = `(?:${S}${W('will | shall | would | am | are | wanna | want to | gonna | going to | gon | gunna | bout to | about to | should | could | can | must | might | need to | have to | gotta | got to | fucking | really | personally | just | come | go | and')}){0,4}`;
const VIOLENT = W('kill | murder | shoot | stab | strangle | choke | behead | decapitate | hang | lynch | slaughter | butcher | execute | bomb | torture | rape | beat | punch | hurt | gut | skin | smash | bash | drown | burn | cut | slit | shank | cap | whack');
const GROUP = W(
  'blacks | black people | black folks | black men | african americans | whites | white people | jews | jewish people | the jews | muslims | moslems | arabs | mexicans | immigrants | illegals | illegal aliens | migrants | refugees | asylum seekers | gays | gay people | gay men | homosexuals | lesbians | bisexuals | trans people | transgenders | transgender people | trannies | women | females | girls | asians | asian people | chinese | chinese people | indians | hindus | christians | africans | latinos | hispanics | native americans | gypsies | roma | pakistanis | somalis | foreigners | disabled people | the disabled | cripples | mentally ill people | niggers | niggas | fags | faggots | kikes | spics | chinks',
);
const GROUP_TRIGGERS = ['black', 'white', 'jew', 'muslim', 'moslem', 'arab', 'mexican', 'immigrant', 'illegal', 'migrant', 'refugee', 'asylum', 'gay', 'homosexual', 'lesbian', 'bisexual', 'trans', 'women', 'female', 'girls', 'asian', 'chinese', 'indian', 'hindu', 'christian', 'african', 'latino', 'hispanic', 'native', 'gyps', 'roma', 'pakistan', 'somali', 'foreign', 'disabled', 'cripple', 'mentally', 'nigg', 'fag', 'kike', 'spic', 'chink'];
const DEHUMANIZING = W(
  'animals | subhuman | subhumans | vermin | savages | scum | trash | filth | filthy | disgusting | inferior | evil | terrorists | criminals | rapists | parasites | cockroaches | rats | dogs | pigs | apes | monkeys | stupid | idiots | dirty | a disease | a cancer | a plague | worthless | less than human | not human | degenerates | pedophiles | thieves | lazy | ugly | retarded | retards | ruining everything',
);
const VIOLENT_TRIGGERS = ['kill', 'murder', 'shoot', 'stab', 'strangl', 'chok', 'behead', 'decapitat', 'hang', 'lynch', 'slaughter', 'butcher', 'execut', 'bomb', 'tortur', 'rape', 'beat', 'punch', 'hurt', 'gut', 'skin', 'smash', 'bash', 'drown', 'burn', 'cut', 'slit', 'shank', 'cap', 'whack'];
const YOURSELF = W('yourself | urself | yourselves | your self | ur self | yoself');

function re(source: string): RegExp {
  return new RegExp(`\\b${source}\\b`, 'g');
}

export const PHRASES: readonly PhrasePattern[] = [
  // Threats of violence against the reader or a third party.
  {
    re: re(`${SUBJECT}${AUX}${S}${VIOLENT}${S}(?:the (?:hell|shit|fuck) out of${S})?${YOU}`),
    cats: [['threat', 0.9], ['harassment', 0.9]],
    triggers: VIOLENT_TRIGGERS,
  },
  {
    re: re(`${SUBJECT}${AUX}${S}${W('kill | murder | shoot | stab | strangle | behead | lynch | slaughter | rape | torture')}${S}${W('him | her | them | that bitch | that guy | everyone')}`),
    cats: [['threat', 0.7]],
    triggers: VIOLENT_TRIGGERS,
  },
  {
    re: re(`${W("you're | youre | you are | ur | u r | you r")}${S}${W('dead | so dead | a dead man | dead meat | going to die | gonna die | next')}`),
    cats: [['threat', 0.75], ['harassment', 0.75]],
    triggers: ['dead', 'die', 'next'],
  },
  {
    re: re(`${W('you | u | ya')}${S}${W('will | gonna | going to | shall | are going to | are gonna')}${S}${W('die | pay for this | regret this | regret it | suffer | bleed')}`),
    cats: [['threat', 0.7], ['harassment', 0.7]],
    triggers: ['die', 'pay', 'regret', 'suffer', 'bleed'],
  },
  {
    re: re(W("watch your back | sleep with one eye open | i know where you live | i know where u live | your days are numbered | i will find you | i'll find you | ill find you | burn your house down | burn down your house | make sure you regret it | you will not see me coming | you won't see it coming | put a bullet in | blow your brains out | slit your throat | cut your throat | break your neck | break your legs | break your face | beat your ass | beat ur ass | beat yo ass | kick your ass | kick ur ass | kick yo ass | punch you in the face | smash your face | bash your head in | die in a fire | die in a ditch | burn in hell | rot in hell")),
    cats: [['threat', 0.85], ['harassment', 0.85]],
    triggers: ['watch', 'eye', 'where', 'numbered', 'find', 'coming', 'burn', 'regret', 'bullet', 'brains', 'throat', 'break', 'ass', 'punch', 'face', 'head', 'fire', 'ditch', 'hell'],
  },
  {
    re: re(`${W('you | u | he | she | they | people like you | people like him | people like them | everyone like you | all of you | yall')}${S}${W('should | ought to | deserve to | deserves to | needs to | need to | must | better')}${S}${W('die | be killed | be shot | be hanged | be hung | be lynched | be executed | be gassed | be raped | be beaten | burn | rot | get shot | get killed | get raped | get cancer')}`),
    cats: [['threat', 0.75]],
    triggers: ['die', 'kill', 'shot', 'hang', 'hung', 'lynch', 'execut', 'gas', 'rape', 'beat', 'burn', 'rot', 'cancer'],
  },
  {
    re: re(`hope${S}(?:${YOU}|he|she|they|it)${S}${W('die | dies | get cancer | gets cancer | get raped | gets raped | burn | burns | rot | rots | choke | chokes | suffer | suffers | get hit by a | gets hit by a | get shot | gets shot | get killed | gets killed')}`),
    cats: [['threat', 0.85]],
    triggers: ['hope'],
  },
  // Telling someone to harm themselves: self-harm encouragement and a threat at once.
  {
    re: re(`(?:${W('kill | hang | off | end | neck | rope')}${S}${YOURSELF}|${W('slit your wrists | drink bleach | go die | go kill yourself | jump off a bridge | jump off a cliff | jump off a building | nobody would miss you | no one would miss you | the world would be better without you')})`),
    cats: [['self_harm', 0.95], ['threat', 0.75], ['harassment', 0.9], ['insult', 0.6]],
    triggers: ['self', 'slit', 'bleach', 'die', 'jump', 'miss', 'better without'],
  },
  // Self-harm ideation: a safety signal, weighed less in overall toxicity (see score.ts).
  {
    re: re(W("kill myself | killing myself | hang myself | shoot myself | end my life | end it all | take my own life | take my life | want to die | wanna die | wish i was dead | wish i were dead | better off dead | don't want to live | dont want to live | no reason to live | commit suicide | committed suicide | suicidal thoughts | slit my wrists")),
    cats: [['self_harm', 0.85]],
    triggers: ['myself', 'my life', 'end it', 'die', 'dead', 'live', 'suicid', 'wrists'],
  },
  {
    re: re(W('hurt myself | hurting myself | cut myself | cutting myself | harm myself | harming myself | starve myself | self harm | self-harm | self harming')),
    cats: [['self_harm', 0.5]],
    triggers: ['myself', 'harm'],
  },
  // Directed insults and dismissals.
  {
    re: re(W("fuck you | fuck u | fuck off | fuck yourself | go fuck yourself | screw you | piss off | eat shit | go to hell | kiss my ass | up yours | shut the fuck up | shut the f up | shut the hell up | shut your mouth | shut your face | shut up | piece of shit | piece of crap | piece of garbage | piece of trash | waste of space | waste of oxygen | waste of air | waste of skin | nobody likes you | no one likes you | nobody cares about you | you suck | u suck | you stink | i hate you | i hate u")),
    cats: [['insult', 0.75], ['harassment', 0.75]],
    triggers: ['fuck', 'screw', 'piss', 'shit', 'hell', 'ass', 'yours', 'shut', 'piece', 'waste', 'brain', 'likes', 'cares', 'suck', 'stink', 'hate'],
  },
  {
    re: re(`${W("you're | youre | you are | ur | u r | you")}${S}(?:${W('a | an | such a | so | the | just a | nothing but a | one')}${S})?(?:${W('absolute | total | complete | fucking | pathetic | little | worthless | fat | ugly | stupid | dumb')}${S})?${W('trash | garbage | a joke | joke | disgrace | failure | waste | nobody | nothing | pig | animal | dog | rat | snake | disease | cancer | embarrassment | mistake')}`),
    cats: [['insult', 0.7], ['harassment', 0.7]],
    triggers: ['you', 'ur', 'u r'],
  },
  // Attacks on identity groups.
  {
    re: re(`${GROUP}${S}${W('are | r | is | were')}${S}(?:${W('all | just | nothing but | such | so | a bunch of | fucking | the | literally | basically | like')}${S}){0,3}${DEHUMANIZING}`),
    cats: [['identity_attack', 0.9], ['insult', 0.6]],
    triggers: GROUP_TRIGGERS,
  },
  {
    re: re(`${GROUP}${S}${W('should | must | need to | needs to | deserve to | ought to | have to | gotta | will')}${S}(?:all${S})?(?:be${S})?${W('die | killed | shot | gassed | exterminated | eradicated | wiped out | hanged | hung | lynched | burned | sterilized')}`),
    cats: [['identity_attack', 0.95], ['threat', 0.8]],
    triggers: GROUP_TRIGGERS,
  },
  {
    re: re(`${W('kill | gas | exterminate | shoot | hang | lynch | nuke | eradicate | wipe out | burn')}${S}(?:all${S})?(?:the${S}|those${S}|these${S})?${GROUP}`),
    cats: [['identity_attack', 0.9], ['threat', 0.85]],
    triggers: GROUP_TRIGGERS,
  },
  {
    re: re(`(?:${W('i hate | we hate | hate all | hate those | fuck all | fuck the | fuck those | deport all | ban all | get rid of')}${S}(?:the${S})?${GROUP}|${GROUP}${W(' should go back | need to go back | go back to where')}|${W('go back to | get out of')}${S}${W('your | ur')}${S}(?:own${S})?${W('country | countries | desert | jungle | cave | hut')})`),
    cats: [['identity_attack', 0.8]],
    triggers: [...GROUP_TRIGGERS, 'country', 'countries', 'desert', 'jungle', 'cave', 'hut'],
  },
  // Implicit hate: no slur, but a group is cast as a threat, as lesser, or as not belonging.
  {
    re: re(`${GROUP}${S}(?:${W('are | r | is | were | will always be | have always been')}${S})?(?:${W('all | just | so | naturally | inherently | genetically | basically | always | by nature')}${S}){0,2}${W("less intelligent | not as smart | not as intelligent | inferior to | a threat to | a danger to | dangerous | violent by nature | taking over | invading | ruining | destroying | replacing us | breeding like | can't be trusted | cannot be trusted | can not be trusted | don't belong | do not belong | shouldn't be allowed | should not be allowed | should never be allowed | should be banned | should be deported | should be sent back | not real people | not fully human")}`),
    cats: [['identity_attack', 0.75]],
    triggers: GROUP_TRIGGERS,
  },
  // Well-known tropes about groups (control, theft, roles, rights, disease), written from general knowledge. Their
  // triggers are words every match must contain, not the group names: "trans", "roma" and "white" occur inside
  // ordinary words and would run these scans on most texts.
  {
    re: re(`${GROUP}${S}${W('control | controls | run | runs | own | owns | rule | rules | secretly run | secretly control')}${S}${W('the | our | all the | all of the')}${S}${W('media | banks | world | government | governments | hollywood | money | economy | country | countries | news')}`),
    cats: [['identity_attack', 0.7]],
    triggers: ['media', 'banks', 'world', 'government', 'hollywood', 'money', 'economy', 'countr', 'news'],
  },
  {
    re: re(`${GROUP}${S}(?:${W('are | keep | will | always')}${S})?${W('taking | stealing | steal | take | took | stole')}${S}${W('our | all the | all our | american | british | white')}${S}${W('jobs | country | women | money | benefits | homes | land | culture')}`),
    cats: [['identity_attack', 0.7]],
    triggers: ['jobs', 'countr', 'women', 'money', 'benefits', 'homes', 'land', 'culture'],
  },
  {
    re: re(`(?:${W("women | woman | females | girls | a woman's place | a womans place | a woman")}${S}${W('belong | belongs | should stay | should be | need to stay | needs to stay | must stay | is')}${S}${W('in the kitchen | in the home | at home | barefoot and pregnant')}|${W("women | females | girls")}${S}${W("shouldn't | should not | can't | cannot | should never | don't deserve to | do not deserve to")}${S}${W('vote | lead | be leaders | be in charge | hold office | be bosses | be trusted with')})`),
    cats: [['identity_attack', 0.7]],
    triggers: ['women', 'woman', 'female', 'girls'],
  },
  {
    re: re(`${GROUP}${S}${W("shouldn't | should not | should never | must not | don't deserve to | do not deserve to | don't deserve | do not deserve")}${S}${W('vote | have rights | have any rights | rights | marry | get married | adopt | adopt children | be parents | teach | be teachers | serve | live here | exist')}`),
    cats: [['identity_attack', 0.7]],
    triggers: ["shouldn't", 'should not', 'should never', 'must not', 'deserve'],
  },
  {
    re: re(`${GROUP}${S}${W("can't | cannot | can not | will never | never | refuse to | don't want to | do not want to")}${S}${W('assimilate | integrate | be civilized | be educated | contribute | adapt | learn our language | speak english')}`),
    cats: [['identity_attack', 0.6]],
    triggers: ['assimilate', 'integrate', 'civilized', 'educated', 'contribute', 'adapt', 'learn our language', 'speak english'],
  },
  {
    re: re(`${W('being gay | homosexuality | being trans | being transgender | transgenderism | being a homosexual')}${S}${W('is | is just | is clearly')}${S}${W('a sin | a disease | a mental illness | a mental disorder | an abomination | unnatural | disgusting | wrong | a perversion | a choice')}`),
    cats: [['identity_attack', 0.7]],
    triggers: ['being gay', 'homosexuality', 'being trans', 'transgenderism', 'being a homosexual'],
  },
  {
    re: re(W('send them back | send them all back | ship them back | ship them all back | deport them all | kick them all out | kick them out of our country | go back to your country | go back where you came from | go back to where you came from | not welcome here | invading our country | invading our countries | flooding our country | flooding into our country')),
    cats: [['identity_attack', 0.6]],
    triggers: ['send them', 'ship them', 'deport them', 'kick them', 'go back', 'not welcome here', 'invading our', 'flooding'],
  },
  {
    re: re(W('white trash | porch monkey | porch monkeys | camel jockey | sand monkey | sand monkeys | uncle tom | jungle bunny | tar baby | dirty jew | dirty jews | filthy jew | filthy jews | dirty muslim | filthy muslim | dirty mexican | dirty mexicans | dirty arab | filthy arab')),
    cats: [['identity_attack', 0.9]],
    triggers: ['trash', 'monkey', 'jockey', 'tom', 'bunny', 'tar baby', 'dirty', 'filthy'],
  },
  // Sexual propositions and harassment.
  {
    re: re(W('suck my dick | suck my cock | suck my balls | suck my tits | suck a dick | suck dick | sit on my face | send nudes | send me nudes | show me your tits | show me your boobs | show me your pussy | show me your dick | blow me | jerk off | jack off | eat my pussy | eat your pussy | fuck me | fuck her | fuck your mom | fuck ur mom')),
    cats: [['sexual', 0.85], ['harassment', 0.8], ['insult', 0.6]],
    triggers: ['suck', 'face', 'nudes', 'show me', 'blow', 'jerk', 'jack', 'pussy', 'fuck'],
  },
  // Explicit sexual description aimed at the reader, and the secrecy of grooming (2.4.0).
  {
    re: re(W("strip you naked | strip her naked | strip him naked | rip your clothes off | rip her clothes off | make you moan | make her moan | touch you all over | touch her all over | your naked body | her naked body | don't tell your parents | dont tell your parents | don't tell your mom | dont tell your mom | our little secret")),
    cats: [['sexual', 0.75], ['harassment', 0.6]],
    triggers: ['naked', 'clothes off', 'moan', 'all over', 'tell your', 'little secret'],
  },
];
