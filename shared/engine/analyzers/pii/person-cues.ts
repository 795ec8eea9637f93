/**
 * Places in a sentence where English puts a person, written from general knowledge of how names appear in
 * running text (not from any evaluation file): cue words looked up by token, so they cost a set look-up each.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

// Creative and personal works "by" or "from" someone: "a song by ex-Zombie Kastner", "the novel by Ogasahara".
const WORKS = words(`song songs album albums book books novel novels poem poems painting paintings film films movie movies play plays article
  articles essay essays track tracks single story stories speech speeches lecture lectures interview interviews portrait portraits biography
  memoir memoirs letter letters photo photos photograph photographs sculpture sculptures opera operas symphony sonata quote quotes remarks
  poetry lyrics sketch sketches drawing drawings paper thesis recording recordings performance cover remix`);
// Past participles whose agent is nearly always a person: "written by", "sung by", "interviewed by".
const DONE_BY = words(`written sung performed directed painted composed recorded authored narrated co-written co-founded founded hosted coached
  sculpted photographed illustrated translated edited signed interviewed murdered killed attacked arrested stabbed shot elected appointed
  replaced succeeded defeated beaten adopted raised mentored taught trained played voiced portrayed arranged produced`);
// Attributes only a person has: "the true gender of Vehbija", "the widow of Ahtisaari".
const PERSONAL_OF = words(`gender age identity wife husband son daughter mother father parents sister brother widow widower death funeral
  birthday career biography childhood family lawyer attorney fiance fiancee girlfriend boyfriend grandson granddaughter grandmother
  grandfather murder killer killers assassination arrest resignation retirement`);
const OF_ADJECTIVE = words('true real actual late former first second new');
// Verbs whose object is nearly always a person: "heard nijito asano speak", "had given Belle his address".
const PERSON_OBJECT = words(`heard met meet meeting interviewed interview congratulated congratulate thanked thank invited invite hired hire
  fired emailed texted asked ask told tell telling helped introduced introduce married marry dated blamed paid pay given gave give giving sent
  send ping pinged remind reminded notify notified cc forwarded kissed hugged greeted phoned visited nominated promoted welcomed introducing
  accompanied interviewing asking thanking inviting hiring firing paying sending texting emailing calling refunded reimburse reimbursed
  compensate compensated`);
// Verbs of getting in touch: a name-like word after them is the person ("call Oyelaran at ...", "email Priya").
const CONTACT_VERB = words('call contact email e-mail text message reach dm phone ring');
// Relations after a possessive: "my colleague Inger", "her late husband Ahtisaari".
const POSSESSIVE = words('my our your his her their');
const RELATION_ADJECTIVE = words('old best dear new late former younger older little big eldest youngest');
const RELATION = words(`friend colleague boss manager wife husband son daughter mother father mom mum dad brother sister cousin uncle aunt
  nephew niece neighbor neighbour coworker co-worker teammate roommate flatmate boyfriend girlfriend fiance fiancee grandma grandpa
  grandmother grandfather grandson granddaughter landlord landlady tenant patient student teacher tutor doctor lawyer dentist
  therapist assistant secretary intern supervisor mentor coach classmate buddy pal spouse child kid baby stepson stepdaughter stepmother
  stepfather caregiver nurse`);
// Titles and roles right before a name: "CEO Tim Cook", "Senator Warren", "novelist Ogasahara".
const TITLE = words(`ceo cto cfo coo founder co-founder president chairman chairwoman senator governor mayor minister judge officer detective
  inspector sergeant captain colonel general lieutenant professor coach pastor rabbi imam councillor councilor congressman congresswoman
  ambassador prince princess actor actress singer rapper author novelist poet painter composer guitarist drummer director producer
  journalist reporter attorney agent`);
const DESCRIPTOR = words('former late singer songwriter rapper writer author artist poet actor actress director producer composer musician guitarist drummer painter photographer journalist novelist');

// "a song by ex-Zombie Kastner", "written by singer Mette": the name comes after the descriptor.
function skipDescriptor(tokens: readonly SlotToken[], j: number, next: (i: number) => number): number {
  if (j < 0) return -1;
  const d = tokens[j]!;
  return DESCRIPTOR.has(d.key) || d.key.startsWith('ex-') ? next(j) : j;
}

// "a man named Bartosz", "my cousin nicknamed Kiki": what follows a person noun and these is a name (a product or a
// file can be named too, so the noun before decides).
const NAMED = words('named nicknamed called');
const PERSON_NOUN = words(`guy guys man men woman women girl girls boy boys lady ladies gentleman person people someone somebody customer customers
  client clients agent driver officer player kid kids child children baby user rep representative technician courier guest visitor caller`);
// Company a person keeps: "lunch with Ingrid", "I work with Zoltán", "she lives with Eero" (not "works with Stripe":
// the word after must read as a name, see anyCapital).
const WITH_AFTER = words(`lunch dinner breakfast coffee drinks meeting meetings call calls chat chats appointment talk talks session sessions date
  interview spoke speak speaking talked talking chatted met meet meets work works worked working live lives lived living went go going stay
  stayed staying travelled traveled travelling traveling came come danced dancing played playing married engaged friends together along`);

// Only words a product or a company is never the other end of ("a message for StellarWorks" is marketing).
const FOR_FROM_AFTER = words('refund gift present flowers greetings regards love hugs kisses condolences');

// Every key personSlotAfter acts on, so all other words cost one look-up.
const SLOT_KEYS: ReadonlySet<string> = new Set(['by', 'from', 'of', 'and', 'with', 'for', ...NAMED, ...PERSON_OBJECT, ...CONTACT_VERB, ...RELATION, ...TITLE]);

interface SlotToken {
  key: string;
  text: string;
}

/**
 * Where a person's name should start after the cue that ends at token i, or -1. `anyCapital`: a capitalised
 * English word there is a name too ("had given Belle his address"); after titles and works English words are
 * too often something else ("the Princess Royal", "a song by Queen"). `next(i)` is the index of the token after
 * i when only spaces separate them, else -1.
 */
export function personSlotAfter(tokens: readonly SlotToken[], i: number, next: (i: number) => number): { at: number; anyCapital: boolean } | null {
  const k = tokens[i]!.key;
  // A cue ending its sentence ("... we paid. Feel free") puts no one after it.
  if (!SLOT_KEYS.has(k) || tokens[i]!.text.endsWith('.')) return null;
  if (k === 'by' || k === 'from') {
    const prev = tokens[i - 1];
    if (prev && (WORKS.has(prev.key) || (k === 'by' && DONE_BY.has(prev.key)))) return { at: skipDescriptor(tokens, next(i), next), anyCapital: false };
    // "greetings from Ayodele", "a message from Ingrid": things sent by a person.
    return k === 'from' && FOR_FROM_AFTER.has(prev?.key ?? '') ? { at: next(i), anyCapital: false } : null;
  }
  if (k === 'of') {
    const attr = tokens[i - 1];
    if (!attr || !PERSONAL_OF.has(attr.key)) return null;
    const the = tokens[i - 2]?.key === 'the' ? tokens[i - 2] : OF_ADJECTIVE.has(tokens[i - 2]?.key ?? '') && tokens[i - 3]?.key === 'the' ? tokens[i - 3] : undefined;
    return the ? { at: skipDescriptor(tokens, next(i), next), anyCapital: false } : null;
  }
  if (k === 'with') return WITH_AFTER.has(tokens[i - 1]?.key ?? '') ? { at: next(i), anyCapital: false } : null;
  // "the refund for Tariq", "flowers for Ingrid": things meant for a person.
  if (k === 'for') return FOR_FROM_AFTER.has(tokens[i - 1]?.key ?? '') ? { at: next(i), anyCapital: false } : null;
  if (NAMED.has(k)) {
    const before = tokens[i - 1]?.key ?? '';
    return PERSON_NOUN.has(before) || RELATION.has(before) ? { at: next(i), anyCapital: false } : null;
  }
  if (PERSON_OBJECT.has(k)) return { at: next(i), anyCapital: true };
  if (CONTACT_VERB.has(k)) return { at: next(i), anyCapital: false };
  if (RELATION.has(k)) {
    const before = tokens[i - 1]?.key ?? '';
    if (POSSESSIVE.has(before) || (RELATION_ADJECTIVE.has(before) && POSSESSIVE.has(tokens[i - 2]?.key ?? ''))) return { at: next(i), anyCapital: false };
    return null;
  }
  if (TITLE.has(k)) return { at: next(i), anyCapital: false };
  // "me and X": the other one of a pair of people.
  if (k === 'and' && (tokens[i - 1]?.key === 'me' || tokens[i - 1]?.key === 'myself')) return { at: next(i), anyCapital: true };
  return null;
}

/** After these a capitalised word at a sentence start is its subject: "X and I went", "X and me". */
export const BEFORE_I = /^[ \t]+and[ \t]+(?:I|me|myself)\b/;

/**
 * Predicates said of people right after a one-word subject ("Ciset lives on ...", "Ley began writing"). The
 * first group only for words that are no English word; the second also for capitalised English words ("Walker
 * began writing", "Belle was born"), since no thing does them.
 */
export const PERSON_PREDICATE =
  /^[ \t]+(?:(?:will|would|can|could|should|must|might|may|did|didn't|won't|can't|will not|cannot)[ \t]+(?:be (?:there|here|late|back|away|in touch)|come|go|pick|call|meet|send|bring|take|help|join|arrive|visit|stay|sign|pay|drive|review|check|email|text|reply|confirm|attend|contact|explain)|went|came|bought|ordered|booked|signed|received|arrived|drove|flew|walked|paid|sent|gave|took|brought|forgot|lost|decided|agreed|promised|helped|met|spoke|talked|returned|stayed|slept|apologi[sz]ed|complained|answered|replied|left (?:the|a|for|early|yesterday|today|home|work)|lives|lived|was born|grew up|began (?:writing|working|studying)|studied|married|died|works|worked|said|says|asked|asks|told|tells|replied|wrote|writes|wants|wanted|needs|needed|thinks|thought|believes|feels|felt|knows|knew|likes|liked|loves|loved|hates|hated|joined|retired|smiled|laughed|cried|called|emailed|texted|visited|moved to|is (?:married|pregnant|a (?:friend|colleague|student|teacher|doctor|nurse|writer|singer|customer|client|patient))|was (?:a|an) \w+ (?:who|at|in|for))\b/;
// First words of PERSON_PREDICATE, so the long regex runs only after one of them.
const PREDICATE_FIRST = words(`will would can could should must might may did didn't won't can't cannot went came bought ordered booked signed
  received arrived drove flew walked paid sent gave took brought forgot lost decided agreed promised helped met spoke talked returned stayed slept
  apologised apologized complained answered replied left lives lived was grew began studied married died works worked said says asked asks told
  tells wrote writes wants wanted needs needed thinks thought believes feels felt knows knew likes liked loves loved hates hated joined retired
  smiled laughed cried called emailed texted visited moved is`);

/** Whether the text right after a one-word subject is a predicate said of people (PERSON_PREDICATE). */
export function personPredicateAfter(after: string): boolean {
  const first = /^[ \t]+([a-z']+)/.exec(after);
  return first !== null && PREDICATE_FIRST.has(first[1]!) && PERSON_PREDICATE.test(after);
}

/** First words of STRONG_PERSON_PREDICATE, so the regex runs only after one of them. */
export const PREDICATE_START = words('was grew began studied worked works trained served married died passed retired graduated has told said says wrote writes explained added is');
export const STRONG_PERSON_PREDICATE = /^[ \t]+(?:was born|grew up|began (?:writing|singing|painting|working|studying|acting|recording|performing)|(?:studied|worked|works|trained|served) as an?|married|died (?:in|on|at|of)|passed away|retired|graduated|has been (?:appointed|named|elected)|was (?:appointed|named|elected|arrested|sentenced|hired|fired)|told (?:me|us|him|her|them|reporters)|(?:said|says|wrote|writes|explained|added|told)[,:]? ["“]|is (?:married|pregnant|a (?:writer|singer|doctor|teacher|nurse|lawyer|student|journalist|painter|poet|musician|actor|actress|novelist|professor)))/;

/** Words that stand where a person does but are not names ("Everyone was born...", "Nobody married..."). */
export const NOT_A_PERSON = new Set('everyone everybody someone somebody anyone anybody nobody noone people nothing something everything anything one none all each both either neither another other others many most some few several he she they we you it this that there here who which'.split(' '));

/**
 * Family names by their endings in languages whose surnames are built that way: Czech and Slovak "-ová",
 * Polish "-ski/-ska/-wicz", South Slavic "-ović/-ić", Nordic "-sson/-dóttir", Finnish "-nen", Greek
 * "-poulos/-akis", Romanian "-escu", Ukrainian "-enko/-chuk", Armenian "-yan", Georgian "-shvili/-dze",
 * Lithuanian "-auskas/-aitė", Turkish "-oğlu", Gaelic Mc/Mac/O'. Checked on capitalised words that are no
 * English word only, so "Baltic" or "Mackintosh" stay out.
 */
const SURNAME_SHAPE =
  /^(?:\p{Lu}\p{Ll}{2,}(?:ová|ská|ský|cká|cký|[sc]ki|[sc]ka|dzki|dzka|wicz|wiczowa|czyk|czak|owski|ewski|ović|ević|ić|vić|čić|enko|chuk|czuk|yuk|sson|ssen|sdottir|sdóttir|dóttir|nen|poulos|opoulou|akis|idis|iadis|escu|eanu|yan|shvili|dze|auskas|auskienė|aitis|aitė|ytė|iūtė|oğlu|ogullari|zadeh|ovich|evich|ovna|evna)|Mc\p{L}{3,}|(?:Mac|O['’])\p{Lu}\p{Ll}{2,})$/u;

export const surnameShaped = (word: string): boolean => SURNAME_SHAPE.test(word);
