/**
 * Built-in toxicity scorer: precompiled patterns over a canonical form of the text, producing
 * Perspective-style probabilities for the six core attributes plus spans for each match.
 * It is a rule model, so it aims at the common cases: name-calling aimed at people (with or
 * without swear words), threats, hateful generalisations and slurs, and lowers scores for
 * negation ("you're not an idiot"), quotation (`he called me an "idiot"`, "> quoted lines") and
 * criticism of ideas ("this argument is stupid").
 */
import { englishDataset, englishRecommendedTransformers } from 'obscenity';
import { canonicalize, replaceRanges, type CanonicalText } from './normalize.js';
import { createProfanityMatcher } from './profanity-matcher.js';
import {
  GROUPS,
  GROUP_EXCLUSIONS,
  GROUP_FILLERS,
  GROUP_NEGATIVES,
  INSULT_ADJECTIVES as A,
  MODIFIERS,
  PERSON_INSULTS as N,
  STRONG_INSULT_ADJECTIVES as SA,
  WEAK_PERSON_INSULTS as W,
} from './toxicity-lexicon.js';
import { TOXICITY_ATTRIBUTES, type ToxicityAttribute, type ToxicityScores } from './types.js';

/** One match, in UTF-16 offsets of the original text, with the scores it contributes. */
export interface ToxicitySpan {
  begin: number;
  end: number;
  /** the matched word as written, e.g. "a$$hole" */
  match: string;
  scores: Partial<ToxicityScores>;
}

export interface ToxicityAnalysis {
  scores: ToxicityScores;
  spans: ToxicitySpan[];
}

type Kind = 'insult' | 'threat' | 'identity' | 'severe' | 'directed' | 'idea';

interface Rule {
  kind: Kind;
  re: RegExp;
  /** scores when the match is neither negated nor quoted */
  scores: Partial<ToxicityScores>;
  /** the pattern carries its own target, so a negation elsewhere in the clause does not undo it */
  ignoreNegation?: boolean;
  /** a cheap test the text must pass before the (costlier) rule runs at all */
  need?: RegExp;
}

const M = `(?:${MODIFIERS},?\\s+)*`;
const YOU_ARE =
  "(?:you(?:'re| are| r|re| were|'ve been| have been| remain| sound like| look like| act like| seem like| seem| must be|'ve got to be| have got to be| have to be)|ur|u r|u are|youre|your(?= an? )|you (?:really|truly|clearly|obviously|honestly|seriously|actually|definitely|literally|still|certainly|sure) (?:are|were))";
const PERSON_SUBJECTS =
  '(?:author|writer|guy|man|woman|mayor|minister|ref|referee|coach|president|commenters?|poster|op|journalist|reporter|people|kid|teacher|boss|senator|politicians?|leader|host|admin|moderator|mods?|idiot|clown|dude|lady)';
const rx = (src: string) => new RegExp(src, 'gd');
/** Someone a violent verb can be aimed at: a pronoun, or a determiner and a word for a person. */
const PERSON_OBJECT = `(?:him|her|them|you|u|anyone|everyone|people|every\\s+\\w+|all\\s+\\w+|(?:this|that|the|these|those|his|their|your)\\s+(?:[a-z'-]+\\s+)?(?:${PERSON_SUBJECTS}|${N}|${GROUPS}|bastards?|fuckers?|thugs?|crooks?|cops?|police(?:m[ae]n)?|officers?|judges?|ceos?|owners?|drivers?|neighbou?rs?|wife|husband|kids?|family|guys?|girls?|boys?|men|women|folks|person|landlords?|protesters?|councill?ors?|bitch(?:es)?|asshole))`;
/** Intensifiers that, between "you" and any noun, make it a vocative insult ("you absolute walnut"). */
const VOCATIVE_INTENSIFIERS =
  '(?:absolute|utter|colossal|massive|giant|fucking|bloody|proper|complete and utter|total and utter)';
/** Nouns of praise: "you absolute legend" is a compliment. */
const PRAISE =
  '(?:legends?|heroe?s?|stars?|champions?|champs?|gems?|beasts?|units?|madm[ae]n|lads?|saints?|angels?|treasures?|kings?|queens?|boss(?:es)?|wizards?|machines?|icons?|diamonds?|rock ?stars?|superstars?|godsends?|lifesavers?|geniuses|genius|gents?|gentlem[ae]n|sweethearts?|darlings?|babes?|mate|pal|buddy|bro|ledge|g|goat|star)';
/** Words after ", you" that make an ordinary clause, not a vocative insult (", you know.", ", you did well."). */
const VOCATIVE_NOT_INSULT =
  '(?:know|see|guys|two|all|both|too|included|again|first|there|here|mean|bet|wish|think|said|say|win|won|lose|lost|go|got|get|did|do|does|should|could|would|will|can|may|might|must|have|had|are|were|need|want|like|love|rock|also|really|always|never|still|just|probably|definitely|certainly|clearly|obviously|it|that|this|me|us|them|him|her|so|well|now|back|up|out|off|on|in|beautiful|lovely|wonderful|brilliant|magnificent|lucky|clever|smart|kind|sweet|gorgeous|amazing|awesome|good|great|fine|dear|old|crazy|absolute|people|folks|made|make|saved|helped|nailed|deserve|earned|right|wrong|correct|guessed|asked|agree|understand|too|all|ones|first|last|next|included|yourself|ok|okay|alright|here|fine)';
/** A word between "<group> are" and a negative that turns it into something else ("are fleeing violent regimes", "are not criminals"). */
const GROUP_NOT_GENERALISING =
  '(?:[a-z]+ing|not|never|rarely|seldom|no|less|more|often|sometimes|called|label+ed|branded|unfairly|wrongly|falsely|hardly|victims|targets)';
const HOLDABLE =
  '(?:car|house|home|shop|store|business|restaurant|bar|office|place|family|kids|children|wife|husband|dog|cat|daughter|son|windows?|tyres|tires|garage|truck|van|bike|mum|mom|mother|parents)';

// one rule per line: the regex table reads better unwrapped
const RULES: Rule[] = [
  // --- insults aimed at a person -------------------------------------------------------
  // "you are an idiot", "you're such a complete moron", "ur a fvcking loser"
  {
    kind: 'insult',
    re: rx(`\\b${YOU_ARE}\\s+${M}(?:[a-z]+-[a-z]+\\s+)?(?<k>${N})\\b`),
    scores: { INSULT: 0.93 },
  },
  { kind: 'insult', re: rx(`\\b${YOU_ARE}\\s+${M}(?<k>${A})\\b`), scores: { INSULT: 0.9 } },
  { kind: 'insult', re: rx(`\\b${YOU_ARE}\\s+${M}(?<k>${W})\\b`), scores: { INSULT: 0.84 } },
  // "you moron", "you ignorant fool", "you ugly, useless waste of space"
  { kind: 'insult', re: rx(`\\b(?:you|u)\\s+${M}(?<k>${N}|${W})\\b`), scores: { INSULT: 0.9 } },
  // vocative at the end of a clause: "Shut up, clown." "Nice try, halfwit."
  { kind: 'insult', re: rx(`[,:-]\\s*${M}(?<k>${N})\\s*(?=[.!?,;]|$)`), scores: { INSULT: 0.88 } },
  { kind: 'insult', re: rx(`^\\s*(?<k>${N})[.!,]`), scores: { INSULT: 0.85 } },
  // "what a pathetic loser", "what an absolute moron this mayor is"
  { kind: 'insult', re: rx(`\\bwhat (?:a|an)\\s+${M}(?<k>${N}|${W})\\b`), scores: { INSULT: 0.9 } },
  // "people like you are scum", "you people are vermin", "idiots like you"
  {
    kind: 'insult',
    re: rx(
      `\\b(?:people like you|you people|your kind|you lot|the likes of you)\\s+(?:are|is)\\s+${M}(?<k>${N}|${W}|${A})\\b`,
    ),
    scores: { INSULT: 0.93 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?<k>${N}|${A}|${W}),?\\s+(?:just\\s+)?like\\s+you\\b`),
    scores: { INSULT: 0.86 },
    ignoreNegation: true,
    need: /like\s+you\b/,
  },
  // third person, a noun that only fits people: "the ref is a blind idiot", "the OP is a delusional nutjob"
  {
    kind: 'insult',
    re: rx(
      `\\b(?:is|are|was|were|'s|be|being)\\s+(?:a|an|the|such|just|nothing but|all)?\\s*${M}(?<k>${N})\\b`,
    ),
    scores: { INSULT: 0.87 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?:is|are|was|were|'s)\\s+(?:a|an)\\s+(?:${A}),?\\s+${M}(?<k>${W})\\b`),
    scores: { INSULT: 0.84 },
  },
  // a pronoun or person-noun subject with an insulting adjective: "he is disgusting"
  {
    kind: 'insult',
    re: rx(
      `\\b(?:he|she|they|the ${PERSON_SUBJECTS}|this ${PERSON_SUBJECTS}|that ${PERSON_SUBJECTS})(?:'s|'re| is| are| was| were| looks| seems| sounds)\\s+${M}(?<k>${SA})\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:he|she|they|the ${PERSON_SUBJECTS}|this ${PERSON_SUBJECTS}|that ${PERSON_SUBJECTS})(?:'s|'re| is| are| was| were| looks| seems| sounds)\\s+${M}(?<k>${A})\\b`,
    ),
    scores: { INSULT: 0.7 },
  },
  // "you are a waste of time and a clown": the second noun in a list aimed at "you"
  {
    kind: 'insult',
    re: rx(`\\b${YOU_ARE}\\s+[^.!?]{0,60}?\\b(?:and|or)\\s+(?:a|an)\\s+${M}(?<k>${N})\\b`),
    scores: { INSULT: 0.9 },
  },
  // "you're a sad little man", "what a pathetic person"
  {
    kind: 'insult',
    re: rx(
      `\\b(?:${YOU_ARE}|what)\\s+(?:a|an|such a|such an)\\s+${M}(?<k>(?:sad|bitter|${A})(?:,?\\s+(?:little|old|sad))?)\\s+(?:man|woman|boy|girl|person|creature|thing|human being|individual|people)\\b`,
    ),
    scores: { INSULT: 0.86 },
  },
  // "such a stupid b1tch." at the start of a sentence
  {
    kind: 'insult',
    re: rx(`(?:^|[.!?]\\s+)(?:such|what)\\s+(?:a|an)\\s+${M}(?<k>${N})\\b`),
    scores: { INSULT: 0.88 },
  },
  // "dumb as a rock", "dumber than a bag of hammers"
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>(?:dumb|stupid|thick|dense|ugly)(?:er)?)\\s+(?:as|than)\\s+(?:a|an)\\s+(?:rock|brick|box of rocks|bag of (?:hammers|rocks|bricks)|post|plank|doorknob|sack of \\w+)`,
    ),
    scores: { INSULT: 0.86 },
  },
  // "are you really this dumb", "only a complete imbecile would", "typical brainless sheep"
  {
    kind: 'insult',
    re: rx(`\\bare (?:you|u)\\s+${M}(?<k>${A}|${N})\\b`),
    scores: { INSULT: 0.86 },
  },
  {
    kind: 'insult',
    re: rx(`\\bonly (?:a|an)\\s+${M}(?<k>${N}|${A})\\s+(?:would|could|thinks?|believes?)\\b`),
    scores: { INSULT: 0.86 },
  },
  { kind: 'insult', re: rx(`\\btypical\\s+${M}(?<k>${N}|${W})\\b`), scores: { INSULT: 0.82 } },
  // harassment without insult words
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>nobody|no one|noone)\\s+(?:here\\s+)?(?:likes|cares about|wants|needs|asked for|asked|respects)\\s+(?:you|u|your)\\b`,
    ),
    scores: { INSULT: 0.82 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?<k>nobody|no one)\\s+cares\\s+what\\s+(?:you|u)\\s+think`),
    scores: { INSULT: 0.8 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?<k>you have the (?:brain|brains|iq|intelligence) of an?)\\b`),
    scores: { INSULT: 0.9 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>grow a brain|learn to read|get a life|crawl back under|go back to your (?:cave|basement|hole))\\b`,
    ),
    scores: { INSULT: 0.72 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\byour (?<k>(?:mother|mom|mum|parents|father|dad|family)) must be (?:so |very )?ashamed`,
    ),
    scores: { INSULT: 0.88 },
  },
  {
    kind: 'insult',
    re: rx(`\\byour (?:face|head|brain|mouth)\\s+(?:is|looks)\\s+${M}(?<k>${A})\\b`),
    scores: { INSULT: 0.88 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\bimagine being (?:this\\s+|that\\s+|so\\s+)?(?:much of (?:a|an) )?${M}(?<k>${N}|${W}|${A})\\b`,
    ),
    scores: { INSULT: 0.86 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?<k>keep crying|cry more|stop whining)\\b`),
    scores: { INSULT: 0.6 },
  },
  {
    kind: 'insult',
    re: rx(`\\bjust (?<k>leave and never come back)\\b`),
    scores: { INSULT: 0.75 },
  },
  // "you absolute walnut", "you utter plank": an intensifier makes any noun a vocative insult
  {
    kind: 'insult',
    re: rx(
      `\\b(?:you|u)\\s+${VOCATIVE_INTENSIFIERS}\\s+(?:[a-z'-]+\\s+)?(?<k>(?!(?:me|us|him|her|them|it|this|that|the|a|an|and|or|to|${PRAISE})\\b)[a-z'-]+)\\s*(?=[.!?,;:)]|$)`,
    ),
    scores: { INSULT: 0.86 },
  },
  // a sentence that is only an insult: "Absolute buffoon." "Utter clowns, the lot of you."
  {
    kind: 'insult',
    re: rx(
      `(?:^|[.!?]\\s+)(?:oh|hey|look|listen|wow|yeah|ok|okay|sure)?[,\\s]*${M}(?<k>${N})\\s*(?=[.!?,]|$)`,
    ),
    scores: { INSULT: 0.86 },
  },
  // "it proves how thick you are", "just how clueless are you"
  {
    kind: 'insult',
    re: rx(
      `\\bhow\\s+(?:${MODIFIERS}\\s+)?(?<k>${A})\\s+(?:you|u)\\s+(?:really\\s+|truly\\s+|actually\\s+|must\\s+)?(?:are|were|sound|look|seem|be)\\b`,
    ),
    scores: { INSULT: 0.86 },
  },
  {
    kind: 'insult',
    re: rx(`\\bhow\\s+(?<k>${A})\\s+(?:are|were)\\s+(?:you|u)\\b`),
    scores: { INSULT: 0.86 },
  },
  // contempt for someone's mind: brain cells, IQ, dropped on the head, evolution in reverse
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>(?:lowers?|lowered|lowering|drops?|dropped|dragging down|drags down|reduc\\w+)\\s+the\\s+(?:\\w+\\s+)?iq|(?:lose|loses|losing|lost|drop|drops|dropping)\\s+(?:\\w+\\s+)?iq points|your\\s+(?:one|two|three|only|single|last|remaining|few)\\s+(?:working\\s+|functioning\\s+)?(?:brain\\s?cells?|neurons?)|(?:no ?one|nobody|anyone|someone|anybody)\\s+with\\s+(?:a|an|half a|one)\\s+(?:working|functioning|functional|single|brain|ounce|shred)\\s*(?:brain(?:\\s?cell)?|of (?:sense|intelligence|brains))?|dropped on (?:your|his|her|their) head|(?:brain|head)\\s+(?:must be|is)\\s+(?:the\\s+)?size of (?:a|an) (?:pea|walnut|peanut|raisin|grape|marble|lentil)|pea-sized brain|(?:degree|diploma|licen[cs]e|education|qualifications?)\\s+(?:from|out of|in)\\s+(?:a|an)\\s+(?:cereal box|crackerjack box|gumball machine|christmas cracker|vending machine)|(?:practi[cs]e|work at|train for|rehearse)\\s+being\\s+(?:this|that|so)\\s+(?:wrong|dumb|stupid|clueless|dense|thick|ignorant|obtuse)|room[- ]temperature iq|evolution (?:can go|going|goes|went|run|running|ran|in) (?:backwards?|in reverse|reverse)|not the (?:sharpest|brightest)\\s+(?:tool|bulb|knife|crayon)|smooth[- ]?brain(?:ed)?)`,
    ),
    scores: { INSULT: 0.86 },
    ignoreNegation: true,
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:you|u|your|youre|he|she)\\b[^.!?]{0,30}?\\b(?<k>(?:iq|brains?|intelligence|reading comprehension|comprehension|attention span|memory|wit|logic|common sense|maturity|self-awareness|critical thinking skills) of (?:a|an) (?:\\w+\\s+)?(?:potato|rock|goldfish|toddler|houseplant|turnip|gnat|doorknob|brick|sponge|walnut|peanut|amoeba|squirrel|fruit fly|mayfly|lemming|five-year-old|five year old|child|cabbage|carrot|teaspoon|hamster))`,
    ),
    scores: { INSULT: 0.86 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\byour\\s+(?:brain|head|skull)\\s+(?:is|runs?|must be|was)\\s+(?:\\w+\\s+){0,2}?(?<k>on dial-?up|empty|mush|hollow|full of (?:rocks|air|sawdust|cotton)|made of (?:rocks|wood|cotton)|smooth|a vacuum)`,
    ),
    scores: { INSULT: 0.86 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:explain|spell|draw)\\w*\\s+(?:it|this|that|things)\\s+(?:out\\s+)?(?:to|for)\\s+(?:you|u)\\b[^.!?]{0,60}?\\b(?<k>crayons?|sock puppets?|puppets|small(?:er)? words|very slowly|picture books?)`,
    ),
    scores: { INSULT: 0.84 },
  },
  // parents' shame: "your mother must be so disappointed in you"
  {
    kind: 'insult',
    re: rx(
      `\\byour\\s+(?<k>mother|mom|mum|parents|father|dad|family)\\s+(?:must|should)\\s+be\\s+(?:so\\s+|very\\s+|really\\s+)?(?:disappointed|embarrassed|mortified)`,
    ),
    scores: { INSULT: 0.86 },
  },
  // back to where "you" crawled from: "crawl back under your rock", "go back to the sewer you came from"
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>(?:go|crawl|slither|slink|scurry|run|get)\\s+back\\s+(?:to|under|into|in)\\s+(?:the|your|whatever|whichever|that|which(?:ever)?)\\s+(?:\\w+\\s+)?(?:sewer|hole|cave|swamp|rock|basement|gutter|pit|bridge|cesspit|cesspool|trailer|dumpster|cage|kennel|burrow|bog|slime))\\b`,
    ),
    scores: { INSULT: 0.85 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>let the (?:adults|grown-?ups|big (?:boys|kids)) (?:talk|speak|handle|discuss|decide)|the (?:adults|grown-?ups) are (?:talking|speaking))\\b`,
    ),
    scores: { INSULT: 0.85 },
  },
  // sarcasm aimed at the commenter
  {
    kind: 'insult',
    re: rx(
      `\\b(?:stop|quit|keep|never stop|you're|you are|you keep|youre)\\s+(?<k>embarrassing yourself|making a fool of yourself|humiliating yourself|making yourself look (?:stupid|dumb|like an idiot))`,
    ),
    scores: { INSULT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'insult',
    re: rx(
      `(?:^|[.!?,]\\s*)(?:sure|okay|ok|thanks|thank you|nice try|good one|great job|well done|cool story|whatever|yeah|right|wow|calm down|relax|settle down|sit down|bless your heart|try again|keep trying|good luck with that)\\s*,\\s*(?<k>champ|sport|sweetie|sweetheart|einstein|sherlock|kiddo|princess|skippy|slick|professor|junior|hotshot|big guy|tough guy)\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `(?:^|[.!?,]\\s*)(?:sit down|calm down|settle down|relax|nice try|good one|cool story|whatever|sure|okay|ok|try again|wow)\\s*,\\s*(?<k>genius|smart guy|smartypants|smarty pants|mastermind|big brain)\\b(?=\\s*(?:[,.!?]|$))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `,\\s*(?<k>einstein|sherlock|champ|skippy|sweetie|kiddo|slick|princess|hotshot|tough guy)\\s*(?=[.!?]|$)`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:has|have|'s|just|finally)\\s+(?<k>learn(?:ed|t) (?:a new word|how to (?:google|type|read|spell|use a search engine)))`,
    ),
    scores: { INSULT: 0.82 },
  },
  // comparisons and "your stupidity": "I've met smarter houseplants than you"
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>smarter|brighter|more intelligent|wiser|sharper|more coherent|more articulate)\\s+(?:[a-z'-]+\\s+){0,2}?than\\s+(?:you|u)\\b(?!'|\\s+(?:(?:would|could|might|may|will|can|probably|ever)\\s+)?(?:think|thought|expect|imagine|reali[sz]e|know|guess|believe|give|might|may))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\byour\\s+(?:sheer\\s+|utter\\s+|breathtaking\\s+|staggering\\s+|astounding\\s+|willful\\s+|wilful\\s+|own\\s+)?(?<k>stupidity|idiocy|ignorance|incompetence|cluelessness|cowardice|dumbness|imbecility)\\b|\\b(?:you|your)\\b[^.!?]{0,60}\\b(?:level|degree|amount|brand|depth|display|feat) of (?<k2>stupidity|idiocy|ignorance|incompetence|cluelessness|dumbness)\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  // a comma, "you", one or two words and the end of the sentence: a vocative ("Read a book, you uneducated oaf.")
  {
    kind: 'insult',
    re: rx(
      `,\\s*(?:you|u)\\s+(?<k>(?!(?:${PRAISE}|${VOCATIVE_NOT_INSULT})\\b)[a-z'-]+\\s+(?!(?:${PRAISE}|${VOCATIVE_NOT_INSULT})\\b)[a-z'-]+)\\s*(?=[.!?]|$)`,
    ),
    scores: { INSULT: 0.82 },
  },
  {
    kind: 'insult',
    re: rx(`\\bas\\s+(?<k>${A})\\s+as\\s+(?:you|u|your)\\b`),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:making|made|make|makes)\\s+(?:everyone|everybody|us all|all of us|the world|this thread|the thread|people)\\s+(?<k>dumber|stupider|more stupid)\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `(?:^|[.!?]\\s+|\\b(?:classic|typical|pure|peak|total|such|what|more|absolute|utter)\\s+)(?<k>(?:${N})\\s+(?:behaviou?r|move|take|energy|logic|talk))\\b`,
    ),
    scores: { INSULT: 0.82 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:you|u)(?:'re| are)\\s+(?<k>the reason)\\s+(?:\\w+\\s+){0,4}?(?:instructions|warning labels?|we can't have nice things)`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:you|u)\\s+(?:still\\s+)?(?<k>live|living)\\s+(?:with|in)\\s+your\\s+(?:parents|mom'?s|mum'?s|mother'?s|mommy'?s)(?:\\s+basement)?`,
    ),
    scores: { INSULT: 0.8 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:can't|couldn't|cannot|unable to|wouldn't trust (?:you|u|him|her) to)\\s+(?<k>tie (?:your|their|his|her) (?:own )?shoe(?:lace)?s|boil (?:an egg|water)|count to (?:ten|10|three)|find (?:your|his|her) (?:own )?(?:backside|ass|arse))`,
    ),
    scores: { INSULT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'insult',
    re: rx(
      `(?:^|[.!?]\\s+)(?<k>${N})\\s+(?:over here|over there|here|there)\\s+(?:thinks|reckons|wants|believes|says)\\b`,
    ),
    scores: { INSULT: 0.85 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna|'re going to| are going to| keep| am going to)\\s+(?:\\w+\\s+)?(?<k>(?:reply|respond) to|follow|comment on|answer|quote|downvote)\\s+every\\s+(?:single\\s+)?(?:comment|post|thing|reply|word|article)\\s+(?:you|u|she|he)\\s+(?:make|post|write|say|publish)`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(`\\b(?<k>bless your (?:little )?heart),?\\s+(?:you|u)\\b`),
    scores: { INSULT: 0.82 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:it's|its|it is|how|so) (?<k>cute|adorable|sweet|precious|hilarious|amusing|quaint|rich) (?:that |how )?(?:you|u) (?:still |really |actually |honestly |genuinely |seriously )?(?:think|believe|imagine|assume|expect|thought|pretend)`,
    ),
    scores: { INSULT: 0.84 },
  },
  // "the thread's resident clown", "our village idiot"
  {
    kind: 'insult',
    re: rx(
      `\\b(?:thread's|forum's|site's|board's|section's|internet's|resident|official|village|town|local)\\s+${M}(?<k>${N})\\b`,
    ),
    scores: { INSULT: 0.86 },
  },
  // harassment: hounding someone off the site, dogpiles, contacting their employer
  {
    kind: 'insult',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna| am going to|'re going to| are going to| won't stop| will not stop| keep| 'll keep| will keep| am not stopping|'m not stopping)\\b[^.!?]{0,80}?\\b(?<k>until\\s+(?:you|u|she|he|they)\\s+(?:\\w+\\s+)?(?:quit|leave|delete|log off|go away|give up|stop|shut up|disappear|cry|break|apologi[sz]e|beg|cave|run))`,
    ),
    scores: { INSULT: 0.86 },
    ignoreNegation: true,
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna|'re going to| are going to| keep)?\\s+(?<k>follow(?:ing)?\\s+(?:you|u|her|him)\\s+(?:around|everywhere|from thread to thread|to every))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?<k>(?:flood|spam|bombard|swarm|brigade|raid|mass-?report|dogpile)\\s+(?:her|his|their|your)\\s+(?:inbox|dms?|mentions|profile|page|account|phone|email|replies|comments))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:i|we)(?:'ve| have| will|'ll|'m going to|'m| am|'re| are| just| already)?\\s+(?:\\w+\\s+){0,5}?(?:sent|send|sending|forwarded|forwarding|emailed|emailing|mailed|shown|showed|showing|reported|reporting)\\b[^.!?]{0,30}?\\bto\\s+(?<k>your\\s+(?:employer|boss|work|workplace|wife|husband|family|parents|school|landlord|manager|hr department))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:just\\s+|go\\s+|please\\s+)(?<k>(?:delete|deactivate|close) your (?:account|profile))\\b`,
    ),
    scores: { INSULT: 0.72 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\bmake sure (?<k>(?:everyone|everybody|all|people|the whole \\w+)\\s+(?:at|in|from)\\s+your\\s+(?:work|job|office|school|church|family|town|street|company))`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:let's all|let us all|everyone|everybody|all of us|y'all|guys),?\\s+(?:go\\s+)?(?<k>report|flag|spam|flood|message|dm|tag|harass|dogpile|mass-?report)\\s+(?:her|him|them|this (?:guy|woman|man|idiot|clown)|his|their)\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  {
    kind: 'insult',
    re: rx(
      `\\b(?:another|a new|new|more|ten|fifty|\\d+)\\s+accounts?\\b[^.!?]{0,40}?\\b(?<k>find|follow|harass|message|reply to|come after|keep after)\\s+(?:you|u|her|him)\\b`,
    ),
    scores: { INSULT: 0.84 },
  },
  // criticism of an idea or thing: scored, but low ("this argument is stupid")
  {
    kind: 'idea',
    re: rx(
      `\\b(?:this|that|the|your|his|her|their|its|these|those)\\s+(?!${PERSON_SUBJECTS}\\b)[a-z'-]+(?:\\s+[a-z'-]+)?\\s+(?:is|are|was|were|looks|seems|sounds)\\s+${M}(?<k>${A})\\b`,
    ),
    scores: { INSULT: 0.3 },
  },

  // --- profanity aimed at someone --------------------------------------------------------
  {
    kind: 'directed',
    re: rx(`\\b(?:go\\s+)?(?<k>fuck|screw|damn)\\w*\\s+(?:you|u|ya|yourself|off|your\\s+\\w+)\\b`),
    scores: { INSULT: 0.88 },
  },
  {
    kind: 'directed',
    re: rx(
      `\\b(?<k>piss|bugger|sod|fcuk|phuck)\\s+off\\b|\\b(?<k2>fcuk|phuck|f\\*+k?)\\s+(?:you|off|yourself)\\b`,
    ),
    scores: { INSULT: 0.85 },
  },
  {
    kind: 'directed',
    re: rx(`\\b(?<k>eat shit|kiss my (?:ass|arse)|full of (?:shit|crap)|go to hell|stfu|gtfo)\\b`),
    scores: { INSULT: 0.85 },
  },
  {
    kind: 'directed',
    re: rx(`\\bshut\\s+(?:the\\s+)?(?<k>f[a-z*]*|hell)\\s+up\\b`),
    scores: { INSULT: 0.85 },
  },
  {
    kind: 'directed',
    re: rx(
      `\\bshut\\s+your\\s+(?:fuck\\w*\\s+|stupid\\s+|filthy\\s+)?(?<k>mouth|face|trap|pie ?hole|gob)\\b`,
    ),
    scores: { INSULT: 0.85 },
  },
  { kind: 'directed', re: rx(`\\b(?<k>shut up)\\b`), scores: { INSULT: 0.6 } },

  // --- threats ---------------------------------------------------------------------------
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna| am going to| am gonna|'d| would| shall|'re going to| are going to)\\s+(?:\\w+\\s+){0,2}?(?<k>kill|murder|hurt|beat|punch|stab|shoot|strangle|choke|slap|smash|break|rape|bury|cut|hang|burn|torture|end|destroy|kick)\\s+(?:the (?:hell|crap|shit|fuck|life) out of\\s+)?(?:you|u|ya|him|her|them|your)\\b`,
    ),
    scores: { THREAT: 0.92 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna| am going to|'re going to)\\s+(?<k>find|hunt|track)\\s+(?:you|u|ya)(?:\\s+down)?(?=\\s*(?:[.!,;]|$|and\\b|too\\b))`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>make|making)\\s+(?:you|u)\\s+(?:pay|suffer|bleed|regret|beg|disappear|eat (?:those|your|these|them|the) words|eat dirt)\\b`,
    ),
    scores: { THREAT: 0.82 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)\\s+know\\s+(?:where\\s+(?:you|u|ya|your (?:kids|family|wife|husband|children))\\s+(?<k>live|work|sleep|park|go to school)|(?<k2>your (?:home )?address))\\b`,
    ),
    scores: { THREAT: 0.9 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)(?:'ll| will| are going to|'re going to)\\s+get\\s+(?<k>what (?:you deserve|'?s coming(?: to you)?|is coming(?: to you)?))`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you\\s+)?(?:better|had better|'d better)\\s+(?<k>watch (?:out|yourself|your back|your step))`,
    ),
    scores: { THREAT: 0.78 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)\\s+deserve\\s+to\\s+(?:be\\s+|get\\s+)?(?<k>hurt|die|suffer|beaten|shot|killed|punched|raped|hanged|hung|burned|dead)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:someone|somebody|people|they|we|i|anyone)\\s+(?:should|needs? to|ought to|is going to|will|gonna|must|could|has to)\\s+(?:\\w+\\s+){0,2}?(?:(?<k>shoot|kill|hang|stab|hurt|beat|punch|lynch|burn|murder|string up|take out|bomb|strangle)\\s+${PERSON_OBJECT}\\b|(?<k2>run ${PERSON_OBJECT} (?:over|off the road|out of town)|put a bullet in|beat (?:some sense|the (?:hell|crap|shit)) (?:into|out of)))`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:should|deserves? to|ought to|needs? to|must)\\s+be\\s+(?<k>shot|hanged|hung|killed|lynched|executed|beaten|strung up|put against a wall|shot dead|burned|burnt|tortured|put down)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>watch your back|sleep with one eye open|sleep with the lights on|your days are numbered|you've been warned|you have been warned|see what happens|you're next|you are next|you're dead|you are dead|i'm coming for you|we're coming for you|i am coming for you|coming for you)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(`\\b(?:you|u)(?:'ll| will)\\s+(?<k>regret|pay for)\\s+(?:this|it|that)\\b`),
    scores: { THREAT: 0.7 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>burns?|torch(?:es)?|set fire to)\\s+(?:down\\s+)?your\\s+(?:house|home|car|place|office)\\b`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\bhope\\s+(?:someone|somebody)\\s+(?:\\w+\\s+){0,2}?(?<k>burns|kills|shoots|hurts|beats|stabs|runs over|rapes)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(`\\bsay that to my face and\\s+(?:i'll|i will)\\s+(?<k>\\w+)`),
    scores: { THREAT: 0.8 },
  },
  // veiled threats: "shame if something happened to your car", "accidents happen to people like you"
  {
    kind: 'threat',
    re: rx(
      `\\b(?:shame|pity|terrible|awful|sad|tragic)\\s+if\\s+(?:[a-z']+\\s+){0,4}?(?<k>happen(?:ed|s)?\\s+to\\s+(?:you|u|your|him|her)|caught fire|catch(?:es)? fire|burn(?:ed|t|s)? down|got (?:hurt|smashed|broken|keyed|torched|damaged|vandali[sz]ed|burned|burnt)|(?:was|were) (?:hurt|smashed|keyed|torched|vandali[sz]ed|burned|burnt))`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:don't|do not|wouldn't|won't|shouldn't)\\s+be\\s+surprised\\s+if\\s+(?:you|your|u)\\b[^.!?]{0,40}?\\b(?<k>slashed|smashed|burn\\w*|broken|torched|vandali[sz]ed|keyed|hurt|attacked|beaten|disappear\\w*|catch\\w* fire|caught fire|go(?:es)? missing|end up (?:in|dead|hurt))`,
    ),
    scores: { THREAT: 0.86 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna|'re going to| are going to| can| could)?\\s+(?:find out|figure out|look up|track down|find)\\s+(?<k>where\\s+(?:you|u|your\\s+\\w+)\\s+(?:live|lives|work|works|sleep|park|go to school))`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)(?:'ll| will|'m going to|'m gonna|'re going to| are going to| might| should)\\s+(?:\\w+\\s+)?(?<k>pay (?:you|u|him|her|your \\w+) a (?:little |friendly |personal )?visit|(?:show|turn) up at your (?:door|house|home|work|office|place|doorstep)|be waiting (?:outside|for you|at your))`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we|they)\\s+(?:\\w+\\s+)?(?<k>(?:show|turn|come|pop) up (?:at|on|outside) your (?:door|doorstep|house|home|work|office|place|street))`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\byour\\s+(?:kids|family|children|wife|husband|parents|daughter|son)\\s+(?:will|are going to|'ll|gonna|is going to)\\s+(?<k>pay|suffer|regret|be sorry)\\b`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:when|once|if|after|till|until)\\s+(?:i|we)\\s+(?<k>find|catch|get (?:hold of|my hands on))\\s+(?:you|u|ya)\\b(?=\\s*(?:[.!,;]|$))`,
    ),
    scores: { THREAT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:pray|hope)\\s+(?:that\\s+)?(?:you|u)\\s+(?:never|don't|do not)\\s+(?<k>run into|meet|see|bump into|cross paths with)\\s+me\\b`,
    ),
    scores: { THREAT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)\\s+deserve\\s+(?:\\w+\\s+){0,4}?(?<k>pain|suffering|misery|beating|bullet|bullets)\\b|\\b(?<k2>(?:that's|that is|what's|what is) coming (?:to you|your way))`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\byour\\s+(?:\\w+\\s+)?${HOLDABLE}\\s+(?:get|gets|got|are|is|will be|will get)\\s+(?<k>smashed|slashed|torched|burned|burnt|keyed|vandali[sz]ed|firebombed)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:people|folks|men|women|reporters|journalists|others|guys)\\s+have\\s+(?<k>disappeared|died|gone missing|been hurt|ended up dead|been killed)\\s+for\\s+(?:saying|writing|doing|posting)\\s+(?:much\\s+|a lot\\s+|far\\s+)?less\\b(?=\\s*(?:[.!]|$|,?\\s*(?:you know|just saying|remember that|think about (?:it|that))))`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)(?:'d| had)\\s+better\\s+not\\s+(?<k>be there|show up|show your face|come back|be around)`,
    ),
    scores: { THREAT: 0.8 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(`\\b(?:you|u)\\s+(?<k>can(?:'t|not) hide)(?:\\s+from\\s+(?:me|us))?\\s*(?=[.!]|$)`),
    scores: { THREAT: 0.8 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>make (?:your|his|her) life (?:a (?:living )?)?(?:hell|misery|miserable|nightmare))\\b`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\bmake sure (?:you|u|he|she|they)\\s+(?<k>never (?:work|post|write|show|walk|set foot|comment|speak|get hired))`,
    ),
    scores: { THREAT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)(?:'ll| will| are going to|'re going to)\\s+(?<k>be sorry|regret (?:it|this|that|the day))\\b`,
    ),
    scores: { THREAT: 0.78 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:shame|pity|terrible|awful|sad|tragic)\\s+if\\s+(?:something|anything|an accident)\\s+(?:[a-z']+\\s+){0,3}?(?<k>happen(?:ed|s)?)\\s+to\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:would|'d)\\s+hate\\s+(?:for|to see)\\s+(?:something|anything)\\s+(?:\\w+\\s+){0,2}?(?<k>happen\\w*)\\s+to\\s+(?:you|u|your)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>accidents)\\s+(?:can\\s+|do\\s+|tend to\\s+)?happen\\s+to\\s+(?:people|folks|those|guys|men|women|reporters?|journalists?|snitches|loudmouths)\\s+(?:like you|who)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:people like you|you people|your kind|you lot|the likes of you|[a-z]+s like (?:you|u|him|her|them|that)|(?:you|u|he|she|they))\\s+(?:should|need to|needs to|must|ought to|will|'ll|are going to|deserve to|is going to)\\s+be\\s+(?<k>dealt with|taken care of|handled|eliminated|silenced|put down|wiped out|taken out(?: back)?|made to pay|punished|rounded up|disappeared|removed permanently)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>bricks?|rocks?|stones?|molotovs?|bullets?|firebombs?)\\s+(?:(?:goes|going|comes|coming|flies|flying|thrown|sent|ends up)\\s+)?(?:through|in|into)\\s+your\\s+(?:\\w+\\s+)?(?:windows?|door|windscreen|windshield|head|skull|car|face)\\b`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:shut|silence)\\s+(?:you|u|him|her|them)(?:\\s+up)?\\s+(?<k>for good|permanently|forever|once and for all)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?<k>put|putting|see|seeing)\\s+(?:you|u|him|her|the\\s+\\w+|that\\s+\\w+|this\\s+\\w+)\\s+(?:in|into|under|six feet under|in\\s+(?:a|the))\\s*(?:the ground|a grave|a coffin|a box|a body bag|hospital|the hospital|a wheelchair|the morgue|the dirt)\\b`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:you|u)(?:'ll| will| are going to|'re going to| might| could)\\s+(?:\\w+\\s+)?(?<k>(?:end up|wake up|find yourself)\\s+(?:in (?:a|the) (?:hospital|ditch|morgue|grave|river|wheelchair|trunk|body bag)|with (?:a broken|no teeth|broken)))`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:keep\\s+(?:it up|talking|that up|(?:on\\s+)?running your mouth|posting|pushing|mouthing off)|try (?:it|that)|do (?:it|that) again)\\b[^.!?]{0,40}?\\b(?:and|then)\\s+(?:you'll\\s+|you will\\s+)?(?<k>(?:see|find out|learn)\\s+what\\s+(?:happens|will happen))`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:count|lose|losing|knock\\s+(?:out\\s+)?(?:your|his|her))\\s+(?:\\w+\\s+){0,4}?(?<k>teeth)\\b|\\bhow many (?<k2>teeth) (?:you|u)\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:say|repeat)\\s+(?:that|it|this)\\s+(?<k>to my face|in person|irl|in real life|outside)\\b`,
    ),
    scores: { THREAT: 0.8 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\byour\\s+(?:family|kids|children|wife|husband|daughter|son|mother|mom|mum|parents|girlfriend|boyfriend)\\s+(?:should|had better|better|might want to|needs? to|would do well to)\\s+(?<k>be (?:very |really )?careful|watch (?:out|their backs?)|stay (?:inside|indoors|safe|home)|lock (?:the|their) doors?)`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)\\s+know\\s+(?:which|what)\\s+\\w+\\s+(?:you|your\\s+\\w+)\\s+(?<k>live|lives|work|works|go|goes|park|parks|drive|drives|attend|attends|sleep)\\b`,
    ),
    scores: { THREAT: 0.88 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:burn|torch|firebomb|set fire to|smash|trash|vandali[sz]e|key|slash)\\w*\\s+(?:down\\s+)?(?<k>your\\s+(?:\\w+\\s+)?${HOLDABLE})\\b`,
    ),
    scores: { THREAT: 0.86 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:deserves?|needs?|ought to get|should get|is asking for|are asking for|is going to get|gonna get|(?:'re|are|is|'s) getting|will get|'ll get)\\s+(?:a|an)\\s+(?:good\\s+|proper\\s+|real\\s+|serious\\s+|severe\\s+)?(?<k>beating|kicking|thrashing|pounding|bullet|slap|punch|smack|hiding|beatdown|lynching|bat to the \\w+)\\b`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:better|'d better|had better)\\s+(?<k>hope|pray)\\s+(?:we|i)\\s+(?:never|don't|do not|won't)\\s+(?:meet|run into|see|bump into|find)`,
    ),
    scores: { THREAT: 0.84 },
    ignoreNegation: true,
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:someone|somebody|people|we|i)\\s+(?:should|needs? to|ought to|is going to|will|gonna|must)\\s+(?<k>teach)\\s+(?:you|u|him|her|them|that \\w+|this \\w+)\\s+a\\s+(?:\\w+\\s+)?lesson\\b`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\benjoy\\s+(?:your|these|the)\\s+(?:last|final|remaining)\\s+(?<k>peaceful|quiet|safe|calm|good)\\s+(?:days?|weeks?|nights?|months?|moments?)`,
    ),
    scores: { THREAT: 0.84 },
  },
  {
    kind: 'threat',
    re: rx(
      `\\b(?:i|we)\\s+(?:have|got|found|know)\\s+(?<k>your\\s+(?:home address|address|phone number|real name|workplace|kids' school|licen[cs]e plate|plate number))\\b`,
    ),
    scores: { THREAT: 0.86 },
  },

  // --- wishes of death and self-harm incitement (severe) -----------------------------------
  {
    kind: 'severe',
    re: rx(
      `\\bhope\\s+(?:you|u|your\\s+(?:whole\\s+)?family|he|she|they)\\s+(?:\\w+\\s+){0,2}?(?<k>die|dies|get cancer|gets cancer|burn|burns|rot|rots|suffer|choke|chokes|drown|get hit|gets hit|get raped)\\b`,
    ),
    scores: { SEVERE_TOXICITY: 0.94, THREAT: 0.82 },
  },
  {
    kind: 'severe',
    re: rx(
      `\\b(?<k>kill yourself|kill urself|kys|neck yourself|drink bleach|go (?:and )?die|die in a (?:fire|ditch|hole))\\b`,
    ),
    scores: { SEVERE_TOXICITY: 0.95, THREAT: 0.8 },
  },
  {
    kind: 'severe',
    re: rx(
      `\\b(?:you|u)\\s+should\\s+(?<k>die|be dead|drink bleach|kill yourself|not exist|not be alive)\\b`,
    ),
    scores: { SEVERE_TOXICITY: 0.94, THREAT: 0.8 },
  },
  {
    kind: 'severe',
    re: rx(
      `\\bbetter off\\s+(?:if\\s+(?:you|u)\\s+were|with\\s+(?:you|u))\\s+(?<k>dead|gone forever)\\b`,
    ),
    scores: { SEVERE_TOXICITY: 0.93, THREAT: 0.75 },
  },
  {
    kind: 'severe',
    re: rx(`\\b(?:gets?|get)\\s+(?<k>what'?s coming)\\b`),
    scores: { SEVERE_TOXICITY: 0.6, THREAT: 0.82 },
  },

  // --- identity attacks -----------------------------------------------------------------
  {
    kind: 'identity',
    re: rx(
      `\\b(?:all\\s+|these\\s+|those\\s+|most\\s+|typical\\s+|the\\s+|every\\s+|bloody\\s+|filthy\\s+|dirty\\s+|stupid\\s+|damn\\s+)?(?<k>${GROUPS})\\s+(?:are|is|were|r)\\s+(?:all\\s+|just\\s+|nothing but\\s+|basically\\s+|simply\\s+|always\\s+|literally\\s+|such\\s+)*(?:a\\s+|an\\s+|bunch of\\s+)?(?:(?!${GROUP_NOT_GENERALISING}\\b)[a-z-]+\\s+)?(?:${GROUP_NEGATIVES})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.9 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:should|must|need to|needs to|ought to|have to|deserve to)\\s+(?:all\\s+)?(?:be\\s+)?(?:${GROUP_EXCLUSIONS})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.9 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?:send|kick|throw|get|ship|deport)\\s+(?:them|these|those|all|the)?\\s*(?:all\\s+)?(?<k>${GROUPS})?\\s*(?:all\\s+)?(?:back|out of (?:our|this|my) (?:country|town|city|neighbourhood|neighborhood))\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.82 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?:we|i)\\s+(?:don't|do not)\\s+want\\s+(?:any\\s+|more\\s+)?(?<k>${GROUPS})\\s+(?:here|in (?:our|this|my))\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.88 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\bgo\\s+back\\s+(?:to\\s+(?:your|their)\\s+(?:own\\s+)?(?<k>country)|where\\s+(?:you|they)\\s+came\\s+from)\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.85 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?:i hate|we hate|hate all|never trust an?|never trust|don't trust|can't trust)\\s+(?:all\\s+|the\\s+)?(?<k>${GROUPS})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.88 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:can't|cannot|can not|don't know how to)\\s+(?:drive|think|be trusted|lead|read|do anything)\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.84 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+[^.!?]{0,40}?\\b(?:should|must|need to|needs to|ought to)\\s+(?:all\\s+)?(?:be\\s+)?(?:${GROUP_EXCLUSIONS})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.84 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:belong in the kitchen|(?:don't|do not) belong (?:here|in (?:this|our)))`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:are\\s+|all\\s+)?(?:ruin|destroy|infest|invade|smell|stink|lie and steal|steal|breed like|control (?:the (?:banks|media|world|government|money)|everything|it all|hollywood)|are behind (?:every|all|the) (?:wars?|crimes?|problems?|crisis|crises)|flood(?:ing)? (?:our|the|this|into)|swarm|overrun|pour(?:ing)? into|take over|outbreed|replac(?:e|ing) us)\\w*`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\btypical\\s+(?<k>${GROUPS})\\b[^.!?]{0,40}\\b(?:lie|lying|liars|steal|stealing|thieves|cheat|lazy|stupid|dirty|smell)`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  // generalisations: "every Arab is a potential bomber", "they're all thieves, those immigrants"
  {
    kind: 'identity',
    re: rx(
      `\\b(?:all|every|each|any|every single|most|these|those)\\s+(?<k>${GROUPS})\\s+(?:[a-z'-]+\\s+){0,4}?(?:is|are|was|were)\\s+(?:${GROUP_FILLERS}\\s+){0,3}(?:${GROUP_NEGATIVES})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:are|were|r)\\s+(?:${GROUP_FILLERS}\\s+){1,4}(?:${GROUP_NEGATIVES})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?:they(?:'re| are| r)|theyre)\\s+(?:all|every (?:one|last one|single one)(?: of them)?)\\s+(?:${GROUP_FILLERS}\\s+){0,2}(?:${GROUP_NEGATIVES})\\b[^.!?]{0,60}\\b(?<k>${GROUPS})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\b[^.!?]{0,60}\\b(?:they(?:'re| are| r)|theyre)\\s+all\\s+(?:${GROUP_FILLERS}\\s+){0,2}(?:${GROUP_NEGATIVES})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:shouldn't|should not|must not|mustn't|should never|must never)\\s+be\\s+(?:allowed|let|permitted)\\s+(?:anywhere\\s+)?(?:near|around|to|in|into|on)\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(`\\b(?<k>${GROUPS})\\s+(?:are\\s+)?(?:only|just)\\s+good\\s+(?:for|at)\\b`),
    scores: { IDENTITY_ATTACK: 0.86 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:can't|cannot|can not|could never|will never|are incapable of)\\s+(?:run(?:ning)?\\s+(?:a|an|any|their|anything)|govern|handle|control (?:themselves|their)|be civili[sz]ed|learn|do (?:maths?|science|anything right))`,
    ),
    scores: { IDENTITY_ATTACK: 0.84 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?:never|don't|do not|won't|will not|shouldn't)\\s+(?<k>hire|rent to|serve|vote for|let in|marry)\\s+(?:a|an|any|the)?\\s*(?:${GROUPS})\\b|\\b(?:${GROUPS})\\b[^.!?]{0,40}?\\b(?:don't|do not|never)\\s+(?<k2>hire|rent to|trust|let) them\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.84 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>${GROUPS})\\s+(?:who|that)?\\s*(?:\\w+\\s+)?(?:needs?|deserves?)\\s+(?:${GROUP_EXCLUSIONS})\\b`,
    ),
    scores: { IDENTITY_ATTACK: 0.84 },
  },
  {
    kind: 'identity',
    re: rx(
      `\\b(?<k>gay|trans|jewish|muslim|islamic|feminist|immigrant|black)\\s+agenda\\s+is\\s+(?:a\\s+)?(?:disease|cancer|plague|poison|destroying)`,
    ),
    scores: { IDENTITY_ATTACK: 0.88 },
  },
];

// Identity rules that name a group only run when the text mentions one (one scan instead of ~20).
const GROUP_GATE = new RegExp(`\\b(?:${GROUPS})\\b`);
for (const rule of RULES) {
  const required = rule.re.source.includes(GROUPS) && !rule.re.source.includes(`(?<k>${GROUPS})?`);
  if (rule.kind === 'identity' && required) rule.need ??= GROUP_GATE;
}

/** How strongly each kind feeds the overall TOXICITY score. */
const TOXICITY_WEIGHT: Record<Kind, number> = {
  insult: 0.97,
  directed: 0.98,
  threat: 0.93,
  identity: 0.97,
  severe: 1,
  idea: 1.1,
};

// --- profanity (obscenity) ------------------------------------------------------------------
const matcher = createProfanityMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

const PROFANITY_WEIGHT: Record<string, number> = {
  fuck: 0.97,
  cunt: 0.98,
  shit: 0.9,
  bitch: 0.92,
  bastard: 0.88,
  dick: 0.85,
  cock: 0.85,
  pussy: 0.88,
  twat: 0.92,
  wank: 0.9,
  whore: 0.9,
  slut: 0.9,
  prick: 0.85,
  ass: 0.8,
  arse: 0.8,
  piss: 0.75,
  bollocks: 0.75,
  turd: 0.75,
  tit: 0.7,
  cum: 0.8,
  jizz: 0.85,
  blowjob: 0.85,
  dildo: 0.8,
  handjob: 0.85,
  porn: 0.6,
  scat: 0.5,
};
/** Slurs: profanity, and an identity attack whoever they are aimed at. */
const SLURS = new Set([
  'nigger',
  'kike',
  'chink',
  'chingchong',
  'fag',
  'dyke',
  'tranny',
  'retard',
  'spastic',
  'abo',
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'negro',
]);
/** Dataset words that are topics, not swearing ("sex education", "rape statistics"). */
const NOT_PROFANE = new Set([
  'sex',
  'anal',
  'anus',
  'penis',
  'vagina',
  'semen',
  'ejaculate',
  'orgasm',
  'incest',
  'rape',
  'bestiality',
  'hooker',
  'masturbate',
  'boob',
  'hentai',
  'orgy',
  'cuck',
  'fellatio',
]);
/** Innocent words the dataset patterns catch. */
const ALLOWED_WORDS = new Set([
  'cockpit',
  'cocktail',
  'cocktails',
  'peacock',
  'hancock',
  'shitake',
  'shiitake',
  'dickens',
  'titan',
  'titanic',
]);

/** Swear words with letters masked by symbols ("c*nt", "b#tch", "f***"): the dataset misses these. */
const MASKED =
  /(?<![a-z])(?:(?<fuck>f[*#]{1,2}(?:ck|k|c)|f[*#]{3})(?:ing|in|er|ers|ed)?|(?<cunt>c[*#]{1,2}nts?|c[*#]{2}t)|(?<shit>sh[*#]t)|(?<bitch>b[*#]{1,2}tch)(?:es)?|(?<dick>d[*#]ck)|(?<prick>pr[*#]ck)|(?<twat>tw[*#]t)|(?<whore>wh[*#]re)|(?<slut>sl[*#]t)|(?<ass>a[*#]{1,2})hole|(?<ass2>a[*#]{2})|(?<dumb>d[*#]mb)|(?<bastard>b[*#]{1,2}stard))(?![a-z*#])/g;

function unmask(c: CanonicalText): CanonicalText {
  if (!/[*#]/.test(c.text)) return c;
  const ranges: Array<{ start: number; end: number; text: string }> = [];
  for (const m of c.text.matchAll(MASKED)) {
    const [group, value] = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined) ?? [];
    if (!group || !value) continue;
    const word = group.replace(/\d+$/, '');
    const start = m.index + m[0].indexOf(value);
    ranges.push({ start, end: start + value.length, text: word });
  }
  return replaceRanges(c, ranges);
}

interface ProfanityHit {
  word: string;
  start: number;
  end: number;
}

const isLowerLatin = (c: number) => c >= 97 && c <= 122;
const LONGEST_ALLOWED_WORD = Math.max(...[...ALLOWED_WORDS].map((w) => w.length));

function findProfanity(canon: string): ProfanityHit[] {
  const hits: ProfanityHit[] = [];
  const seen = new Set<string>();
  // the a-z word around a hit; runs found once per text, not walked per hit (a long run of
  // hits inside one word was quadratic)
  let runStart: Int32Array | undefined;
  let runEnd: Int32Array | undefined;
  for (const m of matcher.getAllMatches(canon, true)) {
    const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord;
    if (!word || NOT_PROFANE.has(word)) continue;
    if (!runStart || !runEnd) [runStart, runEnd] = letterRuns(canon);
    const s = runStart[m.startIndex]!;
    const e = runEnd[m.endIndex + 1]!;
    if (e - s <= LONGEST_ALLOWED_WORD && ALLOWED_WORDS.has(canon.slice(s, e))) continue;
    const key = `${m.startIndex}:${word}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ word, start: m.startIndex, end: m.endIndex + 1 });
  }
  return hits;
}

/**
 * For each offset i: where the run of a-z letters just before it starts (i itself when
 * text[i - 1] is not one), and where the run from i ends (i when text[i] is not one).
 */
function letterRuns(text: string): [Int32Array, Int32Array] {
  const n = text.length;
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) start[i] = isLowerLatin(text.charCodeAt(i - 1)) ? start[i - 1]! : i;
  end[n] = n;
  for (let i = n - 1; i >= 0; i--) end[i] = isLowerLatin(text.charCodeAt(i)) ? end[i + 1]! : i;
  return [start, end];
}

// --- context: negation, quotation, reported speech ---------------------------------------------
const CLAUSE_BOUNDARY = /[.!?;,:\n()]|\bbut\b/g;
const NEGATION =
  /\b(?:not|never|no one|nobody|noone|none|neither|nor|without|hardly|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|cannot|shouldn't)\b|n't\b/;
const FALSE_NEGATION =
  /\b(?:nothing but|not just|not only|no wonder|no better than|don't be|never be anything but)\b/;
const REPORTING =
  /\b(?:call(?:ed|ing|s)?|(?:said|says)(?!\s+(?:no ?one|nobody))|saying|told|tells|telling|(?:wrote|writes|write) (?:that|")|accus\w+|quot\w+|the word|words like|label(?:l?ed|l?ing)|named|shout(?:ed|ing)|yell(?:ed|ing)|scream(?:ed|ing)|report(?:ing|ed)?|claim(?:s|ed|ing)?|suggest(?:s|ed|ing)?|implying|implied)\b/;

/**
 * Where the clause and the sentence around a match start, for every match of one text: the
 * boundaries are found once, then each look-up is a binary search (a scan from the text's
 * start per match was quadratic in a long comment with many matches).
 */
function contextStarts(text: string) {
  const clauseAt: number[] = [];
  const clauseEnd: number[] = [];
  const sentenceMarks: number[] = [];
  // found at the first look-up: most comments have no match to look up for
  let found = false;
  const find = () => {
    found = true;
    for (const m of text.matchAll(CLAUSE_BOUNDARY)) {
      clauseAt.push(m.index);
      clauseEnd.push(m.index + m[0].length);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // . ! ? and newline
      if (c === 46 || c === 33 || c === 63 || c === 10) sentenceMarks.push(i);
    }
  };
  /** how many of `sorted` are below `index` */
  const below = (sorted: number[], index: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    /** after the last clause boundary that starts before `index` */
    clause(index: number): number {
      if (!found) find();
      const k = below(clauseAt, index);
      return k === 0 ? 0 : clauseEnd[k - 1]!;
    },
    /** after the last sentence mark before `index` */
    sentence(index: number): number {
      if (!found) find();
      const k = below(sentenceMarks, index);
      return k === 0 ? 0 : sentenceMarks[k - 1]! + 1;
    },
  };
}

const SINGLE_QUOTED = /(?<![a-z0-9])'(?:[^'\n]|(?<=[a-z])'(?=[a-z])){1,200}'(?![a-z0-9])/g;

function quoteRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"\n]{1,400}"/g)) regions.push([m.index, m.index + m[0].length]);
  // 'single quotes' too, when the quote marks are not apostrophes inside words ("you're")
  for (const m of text.matchAll(SINGLE_QUOTED)) regions.push([m.index, m.index + m[0].length]);
  return regions;
}

/** ' or " (NaN, outside the text, is neither) */
const isQuoteMark = (c: number) => c === 39 || c === 34;

/** Blanks quoted reply lines ("> you are an idiot") so nothing in them is scored. */
function blankQuoteLines(text: string): string {
  return text.replace(/^[ \t]*>[^\n]*/gm, (line) => ' '.repeat(line.length));
}

// --- scoring --------------------------------------------------------------------------------
/** Noisy-or of the two strongest signals: a second hit adds, without saturating at once. */
function combine(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => b - a);
  const [a = 0, b = 0] = sorted;
  return Math.min(0.99, a + (1 - a) * 0.5 * b);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function originalEnd(canon: CanonicalText, original: string, end: number): number {
  if (end <= 0) return 0;
  const startOfLast = canon.map[end - 1]!;
  const cp = original.codePointAt(startOfLast) ?? 0;
  return startOfLast + (cp > 0xffff ? 2 : 1);
}

function zeroScores(): ToxicityScores {
  return {
    TOXICITY: 0,
    SEVERE_TOXICITY: 0,
    INSULT: 0,
    PROFANITY: 0,
    THREAT: 0,
    IDENTITY_ATTACK: 0,
  };
}

/** Scores the six attributes and returns a span per match (offsets into `text`). */
export function scoreToxicity(text: string): ToxicityAnalysis {
  const raw = canonicalize(text);
  // quoted reply lines ("> you are an idiot") are someone else's words: blank them, same length
  const base: CanonicalText = unmask({ text: blankQuoteLines(raw.text), map: raw.map });
  const profanity = findProfanity(base.text);
  // canonical spellings for obfuscated swear words, so the patterns see "fuck", not "fvck"
  const canon = replaceRanges(
    base,
    profanity.filter((p) => !SLURS.has(p.word)).map((p) => ({ ...p, text: p.word })),
  );
  const scanText = canon.text;
  const quotes = quoteRegions(scanText);
  const starts = contextStarts(scanText);

  const values: Record<ToxicityAttribute, number[]> = {
    TOXICITY: [],
    SEVERE_TOXICITY: [],
    INSULT: [],
    PROFANITY: [],
    THREAT: [],
    IDENTITY_ATTACK: [],
  };
  const spans: ToxicitySpan[] = [];
  // spans by begin:end, so a second match of the same words adds to the first
  const spanAt = new Map<string, ToxicitySpan>();
  const kindsSeen = new Set<Kind>();

  const addSpan = (
    c: CanonicalText,
    cStart: number,
    cEnd: number,
    scores: Partial<ToxicityScores>,
  ) => {
    const begin = c.map[cStart]!;
    const end = originalEnd(c, text, cEnd);
    const existing = spanAt.get(`${begin}:${end}`);
    if (existing) {
      for (const [k, v] of Object.entries(scores) as [ToxicityAttribute, number][]) {
        existing.scores[k] = Math.max(existing.scores[k] ?? 0, v);
      }
      return;
    }
    const span = { begin, end, match: text.slice(begin, end), scores };
    spans.push(span);
    spanAt.set(`${begin}:${end}`, span);
  };

  const gates = new Map<RegExp, boolean>();
  const passes = (gate: RegExp) => {
    let ok = gates.get(gate);
    if (ok === undefined) {
      ok = gate.test(scanText);
      gates.set(gate, ok);
    }
    return ok;
  };
  for (const rule of RULES) {
    if (rule.need && !passes(rule.need)) continue;
    const re = rule.re;
    re.lastIndex = 0;
    // exec, not matchAll: matchAll copies the pattern on every call, ~130 times a comment
    for (let m = re.exec(scanText); m !== null; m = re.exec(scanText)) {
      if (m[0] === '') re.lastIndex++;
      const range = m.indices?.groups?.['k'] ??
        m.indices?.groups?.['k2'] ?? [m.index, m.index + m[0].length];
      const [kwStart, kwEnd] = range;
      // negation before the match ("nobody here is a moron"); for threats also inside it ("I would never hurt you")
      const clause = scanText.slice(
        starts.clause(m.index),
        rule.kind === 'threat' ? kwStart : m.index,
      );
      const sentence = scanText.slice(starts.sentence(m.index), m.index);
      const negated = !rule.ignoreNegation && NEGATION.test(clause) && !FALSE_NEGATION.test(clause);
      // someone else's words: inside double quotes, wrapped in quotes ('morons'), or reported
      const quoted =
        quotes.some(([s, e]) => kwStart > s && kwEnd < e) ||
        (isQuoteMark(scanText.charCodeAt(kwStart - 1)) &&
          isQuoteMark(scanText.charCodeAt(kwEnd))) ||
        (REPORTING.test(sentence) &&
          !(/\b(?:said|says)\s+$/.test(sentence) && /^(?:no ?one|nobody)\b/.test(m[0])));
      const factor = negated || quoted ? 0.15 : 1;
      const scores: Partial<ToxicityScores> = {};
      for (const [attr, v] of Object.entries(rule.scores) as [ToxicityAttribute, number][]) {
        scores[attr] = round(v * factor);
        values[attr].push(v * factor);
      }
      const tox = Math.min(
        0.99,
        Math.max(...Object.values(rule.scores)) * TOXICITY_WEIGHT[rule.kind] * factor,
      );
      const toxValue = rule.kind === 'idea' ? tox + 0.05 : tox;
      values.TOXICITY.push(toxValue);
      scores.TOXICITY = round(toxValue);
      if (rule.kind === 'identity') {
        values.INSULT.push(0.6 * factor);
        if (
          /vermin|parasite|subhuman|sub-human|cockroach|exterminat|gassed|disease|plague|savage|animal/.test(
            m[0],
          )
        ) {
          values.SEVERE_TOXICITY.push(0.85 * factor);
          scores.SEVERE_TOXICITY = round(0.85 * factor);
        }
      }
      if (factor === 1) kindsSeen.add(rule.kind);
      addSpan(canon, kwStart, kwEnd, scores);
    }
  }

  for (const p of profanity) {
    const slur = SLURS.has(p.word);
    const weight = slur ? 0.95 : (PROFANITY_WEIGHT[p.word] ?? 0.75);
    values.PROFANITY.push(weight);
    const scores: Partial<ToxicityScores> = { PROFANITY: weight };
    if (slur) {
      values.IDENTITY_ATTACK.push(0.9);
      values.SEVERE_TOXICITY.push(0.88);
      values.TOXICITY.push(0.95);
      Object.assign(scores, { IDENTITY_ATTACK: 0.9, SEVERE_TOXICITY: 0.88, TOXICITY: 0.95 });
      kindsSeen.add('identity');
    } else {
      // undirected swearing is rude but not an attack: "this is bullshit" stays under 0.8
      const tox = 0.35 + 0.35 * weight;
      values.TOXICITY.push(tox);
      scores.TOXICITY = round(tox);
    }
    addSpan(base, p.start, p.end, scores);
  }

  const scores = zeroScores();
  for (const attr of TOXICITY_ATTRIBUTES) scores[attr] = round(combine(values[attr]));
  // combinations read as severe: insult plus swearing or threats aimed at the same person
  const aimed = kindsSeen.has('insult') || kindsSeen.has('directed');
  if (aimed && scores.PROFANITY >= 0.85) {
    scores.SEVERE_TOXICITY = Math.max(scores.SEVERE_TOXICITY, round(0.55 + 0.3 * scores.INSULT));
  }
  if (kindsSeen.has('threat') && (aimed || kindsSeen.has('identity'))) {
    scores.SEVERE_TOXICITY = Math.max(scores.SEVERE_TOXICITY, 0.9);
  }
  if (aimed && scores.PROFANITY > 0) scores.INSULT = round(combine([scores.INSULT, 0.5]));
  scores.TOXICITY = Math.max(scores.TOXICITY, round(scores.SEVERE_TOXICITY * 0.98));
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  return { scores, spans };
}
