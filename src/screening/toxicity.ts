/**
 * Built-in toxicity scorer: precompiled patterns over a canonical form of the text, producing
 * Perspective-style probabilities for the six core attributes plus spans for each match.
 * It is a rule model, so it aims at the common cases: name-calling aimed at people (with or
 * without swear words), threats, hateful generalisations and slurs, and lowers scores for
 * negation ("you're not an idiot"), quotation (`he called me an "idiot"`, "> quoted lines") and
 * criticism of ideas ("this argument is stupid").
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { canonicalize, replaceRanges, type CanonicalText } from './normalize.js';
import {
  GROUPS,
  GROUP_EXCLUSIONS,
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
}

const M = `(?:${MODIFIERS},?\\s+)*`;
const YOU_ARE =
  "(?:you(?:'re| are| r|re| were|'ve been| have been| remain| sound like| look like| act like| seem like| seem| must be|'ve got to be| have got to be| have to be)|ur|u r|u are|youre)";
const PERSON_SUBJECTS =
  '(?:author|writer|guy|man|woman|mayor|minister|ref|referee|coach|president|commenters?|poster|op|journalist|reporter|people|kid|teacher|boss|senator|politicians?|leader|host|admin|moderator|mods?|idiot|clown|dude|lady)';
const rx = (src: string) => new RegExp(src, 'gd');

// one rule per line: the regex table reads better unwrapped
const RULES: Rule[] = [
  // --- insults aimed at a person -------------------------------------------------------
  // "you are an idiot", "you're such a complete moron", "ur a fvcking loser"
  { kind: 'insult', re: rx(`\\b${YOU_ARE}\\s+${M}(?<k>${N})\\b`), scores: { INSULT: 0.93 } },
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
  { kind: 'insult', re: rx(`\\b(?:people like you|you people|your kind|you lot|the likes of you)\\s+(?:are|is)\\s+${M}(?<k>${N}|${W}|${A})\\b`), scores: { INSULT: 0.93 } },
  { kind: 'insult', re: rx(`\\b(?<k>${N}|${A}),?\\s+(?:just\\s+)?like\\s+you\\b`), scores: { INSULT: 0.86 }, ignoreNegation: true },
  // third person, a noun that only fits people: "the ref is a blind idiot", "the OP is a delusional nutjob"
  { kind: 'insult', re: rx(`\\b(?:is|are|was|were|'s|be|being)\\s+(?:a|an|the|such|just|nothing but|all)?\\s*${M}(?<k>${N})\\b`), scores: { INSULT: 0.87 } },
  { kind: 'insult', re: rx(`\\b(?:is|are|was|were|'s)\\s+(?:a|an)\\s+(?:${A}),?\\s+${M}(?<k>${W})\\b`), scores: { INSULT: 0.84 } },
  // a pronoun or person-noun subject with an insulting adjective: "he is disgusting"
  { kind: 'insult', re: rx(`\\b(?:he|she|they|the ${PERSON_SUBJECTS}|this ${PERSON_SUBJECTS}|that ${PERSON_SUBJECTS})(?:'s|'re| is| are| was| were| looks| seems| sounds)\\s+${M}(?<k>${SA})\\b`), scores: { INSULT: 0.84 } },
  { kind: 'insult', re: rx(`\\b(?:he|she|they|the ${PERSON_SUBJECTS}|this ${PERSON_SUBJECTS}|that ${PERSON_SUBJECTS})(?:'s|'re| is| are| was| were| looks| seems| sounds)\\s+${M}(?<k>${A})\\b`), scores: { INSULT: 0.7 } },
  // "you are a waste of time and a clown": the second noun in a list aimed at "you"
  { kind: 'insult', re: rx(`\\b${YOU_ARE}\\s+[^.!?]{0,60}?\\b(?:and|or)\\s+(?:a|an)\\s+${M}(?<k>${N})\\b`), scores: { INSULT: 0.9 } },
  // "you're a sad little man", "what a pathetic person"
  { kind: 'insult', re: rx(`\\b(?:${YOU_ARE}|what)\\s+(?:a|an|such a|such an)\\s+${M}(?<k>(?:sad|bitter|${A})(?:,?\\s+(?:little|old|sad))?)\\s+(?:man|woman|boy|girl|person|creature|thing|human being|individual|people)\\b`), scores: { INSULT: 0.86 } },
  // "such a stupid b1tch." at the start of a sentence
  { kind: 'insult', re: rx(`(?:^|[.!?]\\s+)(?:such|what)\\s+(?:a|an)\\s+${M}(?<k>${N})\\b`), scores: { INSULT: 0.88 } },
  // "dumb as a rock", "dumber than a bag of hammers"
  { kind: 'insult', re: rx(`\\b(?<k>(?:dumb|stupid|thick|dense|ugly)(?:er)?)\\s+(?:as|than)\\s+(?:a|an)\\s+(?:rock|brick|box of rocks|bag of (?:hammers|rocks|bricks)|post|plank|doorknob|sack of \\w+)`), scores: { INSULT: 0.86 } },
  // "are you really this dumb", "only a complete imbecile would", "typical brainless sheep"
  { kind: 'insult', re: rx(`\\bare (?:you|u)\\s+${M}(?<k>${A}|${N})\\b`), scores: { INSULT: 0.86 } },
  { kind: 'insult', re: rx(`\\bonly (?:a|an)\\s+${M}(?<k>${N}|${A})\\s+(?:would|could|thinks?|believes?)\\b`), scores: { INSULT: 0.86 } },
  { kind: 'insult', re: rx(`\\btypical\\s+${M}(?<k>${N}|${W})\\b`), scores: { INSULT: 0.82 } },
  // harassment without insult words
  { kind: 'insult', re: rx(`\\b(?<k>nobody|no one|noone)\\s+(?:here\\s+)?(?:likes|cares about|wants|needs|asked for|respects)\\s+(?:you|u|your)\\b`), scores: { INSULT: 0.82 } },
  { kind: 'insult', re: rx(`\\b(?<k>nobody|no one)\\s+cares\\s+what\\s+(?:you|u)\\s+think`), scores: { INSULT: 0.8 } },
  { kind: 'insult', re: rx(`\\b(?<k>you have the (?:brain|brains|iq|intelligence) of an?)\\b`), scores: { INSULT: 0.9 } },
  { kind: 'insult', re: rx(`\\b(?<k>grow a brain|learn to read|get a life|crawl back under|go back to your (?:cave|basement|hole))\\b`), scores: { INSULT: 0.72 } },
  { kind: 'insult', re: rx(`\\byour (?<k>(?:mother|mom|mum|parents|father|dad|family)) must be (?:so |very )?ashamed`), scores: { INSULT: 0.88 } },
  { kind: 'insult', re: rx(`\\byour (?:face|head|brain|mouth)\\s+(?:is|looks)\\s+${M}(?<k>${A})\\b`), scores: { INSULT: 0.88 } },
  { kind: 'insult', re: rx(`\\bimagine being (?:this|that|so)\\s+(?:much of (?:a|an) )?${M}(?<k>${N}|${W}|${A})\\b`), scores: { INSULT: 0.86 } },
  { kind: 'insult', re: rx(`\\b(?<k>keep crying|cry more|stop whining)\\b`), scores: { INSULT: 0.6 } },
  { kind: 'insult', re: rx(`\\bjust (?<k>leave and never come back)\\b`), scores: { INSULT: 0.75 } },
  // criticism of an idea or thing: scored, but low ("this argument is stupid")
  { kind: 'idea', re: rx(`\\b(?:this|that|the|your|his|her|their|its|these|those)\\s+(?!${PERSON_SUBJECTS}\\b)[a-z'-]+(?:\\s+[a-z'-]+)?\\s+(?:is|are|was|were|looks|seems|sounds)\\s+${M}(?<k>${A})\\b`), scores: { INSULT: 0.3 } },

  // --- profanity aimed at someone --------------------------------------------------------
  { kind: 'directed', re: rx(`\\b(?:go\\s+)?(?<k>fuck|screw|damn)\\w*\\s+(?:you|u|ya|yourself|off|your\\s+\\w+)\\b`), scores: { INSULT: 0.88 } },
  { kind: 'directed', re: rx(`\\b(?<k>piss|bugger|sod|fcuk|phuck)\\s+off\\b|\\b(?<k2>fcuk|phuck|f\\*+k?)\\s+(?:you|off|yourself)\\b`), scores: { INSULT: 0.85 } },
  { kind: 'directed', re: rx(`\\b(?<k>eat shit|kiss my (?:ass|arse)|full of (?:shit|crap)|go to hell|stfu|gtfo)\\b`), scores: { INSULT: 0.85 } },
  { kind: 'directed', re: rx(`\\bshut\\s+(?:the\\s+)?(?<k>f[a-z*]*|hell)\\s+up\\b`), scores: { INSULT: 0.85 } },
  { kind: 'directed', re: rx(`\\bshut\\s+your\\s+(?:fuck\\w*\\s+|stupid\\s+|filthy\\s+)?(?<k>mouth|face|trap|pie ?hole|gob)\\b`), scores: { INSULT: 0.85 } },
  { kind: 'directed', re: rx(`\\b(?<k>shut up)\\b`), scores: { INSULT: 0.6 } },

  // --- threats ---------------------------------------------------------------------------
  { kind: 'threat', re: rx(`\\b(?:i|we)(?:'ll| will|'m going to|'m gonna| am going to| am gonna|'d| would| shall|'re going to| are going to)\\s+(?:\\w+\\s+){0,2}?(?<k>kill|murder|hurt|beat|punch|stab|shoot|strangle|choke|slap|smash|break|rape|bury|cut|hang|burn|torture|end|destroy|kick)\\s+(?:the (?:hell|crap|shit|fuck|life) out of\\s+)?(?:you|u|ya|him|her|them|your)\\b`), scores: { THREAT: 0.92 } },
  { kind: 'threat', re: rx(`\\b(?:i|we)(?:'ll| will|'m going to|'m gonna| am going to|'re going to)\\s+(?<k>find|hunt|track)\\s+(?:you|u|ya)(?:\\s+down)?(?=\\s*(?:[.!,;]|$|and\\b|too\\b))`), scores: { THREAT: 0.86 } },
  { kind: 'threat', re: rx(`\\b(?<k>make|making)\\s+(?:you|u)\\s+(?:pay|suffer|bleed|regret)\\b`), scores: { THREAT: 0.82 } },
  { kind: 'threat', re: rx(`\\b(?:i|we)\\s+know\\s+(?:where\\s+(?:you|u|ya|your (?:kids|family|wife|husband|children))\\s+(?<k>live|work|sleep|park|go to school)|(?<k2>your (?:home )?address))\\b`), scores: { THREAT: 0.9 } },
  { kind: 'threat', re: rx(`\\b(?:you|u)(?:'ll| will| are going to|'re going to)\\s+get\\s+(?<k>what (?:you deserve|'?s coming(?: to you)?|is coming(?: to you)?))`), scores: { THREAT: 0.84 } },
  { kind: 'threat', re: rx(`\\b(?:you\\s+)?(?:better|had better|'d better)\\s+(?<k>watch (?:out|yourself|your back|your step))`), scores: { THREAT: 0.78 } },
  { kind: 'threat', re: rx(`\\b(?:you|u)\\s+deserve\\s+to\\s+(?:be\\s+|get\\s+)?(?<k>hurt|die|suffer|beaten|shot|killed|punched|raped|hanged|hung|burned|dead)\\b`), scores: { THREAT: 0.86 } },
  { kind: 'threat', re: rx(`\\b(?:someone|somebody|people|they|we|i|anyone)\\s+(?:should|needs? to|ought to|is going to|will|gonna|must|could|has to)\\s+(?:\\w+\\s+){0,2}?(?:(?<k>shoot|kill|hang|stab|hurt|beat|punch|lynch|burn|murder|string up|take out|bomb|strangle)\\s+(?:him|her|them|you|u|this|that|the|these|those|every|all|anyone|everyone|people|his|their|your)\\b|(?<k2>run (?:him|her|them|you|this \\w+|that \\w+) over|put a bullet in|beat (?:some sense|the (?:hell|crap|shit)) (?:into|out of)))`), scores: { THREAT: 0.88 } },
  { kind: 'threat', re: rx(`\\b(?:should|deserves? to|ought to|needs? to|must)\\s+be\\s+(?<k>shot|hanged|hung|killed|lynched|executed|beaten|strung up|put against a wall|shot dead|burned|burnt|tortured|put down)\\b`), scores: { THREAT: 0.86 } },
  { kind: 'threat', re: rx(`\\b(?<k>watch your back|sleep with one eye open|your days are numbered|you've been warned|you have been warned|see what happens|you're next|you are next|you're dead|you are dead|i'm coming for you|we're coming for you|i am coming for you|coming for you)\\b`), scores: { THREAT: 0.86 } },
  { kind: 'threat', re: rx(`\\b(?:you|u)(?:'ll| will)\\s+(?<k>regret|pay for)\\s+(?:this|it|that)\\b`), scores: { THREAT: 0.7 } },
  { kind: 'threat', re: rx(`\\b(?<k>burns?|torch(?:es)?|set fire to)\\s+(?:down\\s+)?your\\s+(?:house|home|car|place|office)\\b`), scores: { THREAT: 0.88 } },
  { kind: 'threat', re: rx(`\\bhope\\s+(?:someone|somebody)\\s+(?:\\w+\\s+){0,2}?(?<k>burns|kills|shoots|hurts|beats|stabs|runs over|rapes)\\b`), scores: { THREAT: 0.86 } },
  { kind: 'threat', re: rx(`\\bsay that to my face and\\s+(?:i'll|i will)\\s+(?<k>\\w+)`), scores: { THREAT: 0.8 } },

  // --- wishes of death and self-harm incitement (severe) -----------------------------------
  { kind: 'severe', re: rx(`\\bhope\\s+(?:you|u|your\\s+(?:whole\\s+)?family|he|she|they)\\s+(?:\\w+\\s+){0,2}?(?<k>die|dies|get cancer|gets cancer|burn|burns|rot|rots|suffer|choke|chokes|drown|get hit|gets hit|get raped)\\b`), scores: { SEVERE_TOXICITY: 0.94, THREAT: 0.82 } },
  { kind: 'severe', re: rx(`\\b(?<k>kill yourself|kill urself|kys|neck yourself|drink bleach|go (?:and )?die|die in a (?:fire|ditch|hole))\\b`), scores: { SEVERE_TOXICITY: 0.95, THREAT: 0.8 } },
  { kind: 'severe', re: rx(`\\b(?:you|u)\\s+should\\s+(?<k>die|be dead|drink bleach|kill yourself|not exist|not be alive)\\b`), scores: { SEVERE_TOXICITY: 0.94, THREAT: 0.8 } },
  { kind: 'severe', re: rx(`\\bbetter off\\s+(?:if\\s+(?:you|u)\\s+were|with\\s+(?:you|u))\\s+(?<k>dead|gone forever)\\b`), scores: { SEVERE_TOXICITY: 0.93, THREAT: 0.75 } },
  { kind: 'severe', re: rx(`\\b(?:gets?|get)\\s+(?<k>what'?s coming)\\b`), scores: { SEVERE_TOXICITY: 0.6, THREAT: 0.82 } },

  // --- identity attacks -----------------------------------------------------------------
  { kind: 'identity', re: rx(`\\b(?:all\\s+|these\\s+|those\\s+|most\\s+|typical\\s+|the\\s+|every\\s+|bloody\\s+|filthy\\s+|dirty\\s+|stupid\\s+|damn\\s+)?(?<k>${GROUPS})\\s+(?:are|is|were|r)\\s+(?:all\\s+|just\\s+|nothing but\\s+|basically\\s+|simply\\s+|always\\s+|literally\\s+|such\\s+)*(?:a\\s+|an\\s+|bunch of\\s+)?(?:[a-z-]+\\s+)?(?:${GROUP_NEGATIVES})\\b`), scores: { IDENTITY_ATTACK: 0.9 } },
  { kind: 'identity', re: rx(`\\b(?<k>${GROUPS})\\s+(?:should|must|need to|needs to|ought to|have to|deserve to)\\s+(?:all\\s+)?(?:be\\s+)?(?:${GROUP_EXCLUSIONS})\\b`), scores: { IDENTITY_ATTACK: 0.9 } },
  { kind: 'identity', re: rx(`\\b(?:send|kick|throw|get|ship|deport)\\s+(?:them|these|those|all|the)?\\s*(?:all\\s+)?(?<k>${GROUPS})?\\s*(?:all\\s+)?(?:back|out of (?:our|this|my) (?:country|town|city|neighbourhood|neighborhood))\\b`), scores: { IDENTITY_ATTACK: 0.82 } },
  { kind: 'identity', re: rx(`\\b(?:we|i)\\s+(?:don't|do not)\\s+want\\s+(?:any\\s+|more\\s+)?(?<k>${GROUPS})\\s+(?:here|in (?:our|this|my))\\b`), scores: { IDENTITY_ATTACK: 0.88 } },
  { kind: 'identity', re: rx(`\\bgo\\s+back\\s+(?:to\\s+(?:your|their)\\s+(?:own\\s+)?(?<k>country)|where\\s+(?:you|they)\\s+came\\s+from)\\b`), scores: { IDENTITY_ATTACK: 0.85 } },
  { kind: 'identity', re: rx(`\\b(?:i hate|we hate|hate all|never trust an?|never trust|don't trust|can't trust)\\s+(?:all\\s+|the\\s+)?(?<k>${GROUPS})\\b`), scores: { IDENTITY_ATTACK: 0.88 } },
  { kind: 'identity', re: rx(`\\b(?<k>${GROUPS})\\s+(?:can't|cannot|can not|don't know how to)\\s+(?:drive|think|be trusted|lead|read|do anything)\\b`), scores: { IDENTITY_ATTACK: 0.84 } },
  { kind: 'identity', re: rx(`\\b(?<k>${GROUPS})\\s+[^.!?]{0,40}?\\b(?:should|must|need to|needs to|ought to)\\s+(?:all\\s+)?(?:be\\s+)?(?:${GROUP_EXCLUSIONS})\\b`), scores: { IDENTITY_ATTACK: 0.84 } },
  { kind: 'identity', re: rx(`\\b(?<k>${GROUPS})\\s+(?:belong in the kitchen|(?:don't|do not) belong (?:here|in (?:this|our)))`), scores: { IDENTITY_ATTACK: 0.86 } },
  { kind: 'identity', re: rx(`\\b(?<k>${GROUPS})\\s+(?:are\\s+|all\\s+)?(?:ruin|destroy|infest|invade|smell|stink|lie and steal|steal|breed like|control the (?:banks|media|world|government))\\w*`), scores: { IDENTITY_ATTACK: 0.86 } },
  { kind: 'identity', re: rx(`\\btypical\\s+(?<k>${GROUPS})\\b[^.!?]{0,40}\\b(?:lie|lying|liars|steal|stealing|thieves|cheat|lazy|stupid|dirty|smell)`), scores: { IDENTITY_ATTACK: 0.86 } },
  { kind: 'identity', re: rx(`\\b(?<k>gay|trans|jewish|muslim|islamic|feminist|immigrant|black)\\s+agenda\\s+is\\s+(?:a\\s+)?(?:disease|cancer|plague|poison|destroying)`), scores: { IDENTITY_ATTACK: 0.88 } },
];

/** How strongly each kind feeds the overall TOXICITY score. */
const TOXICITY_WEIGHT: Record<Kind, number> = {
  insult: 0.97, directed: 0.98, threat: 0.93, identity: 0.97, severe: 1, idea: 1.1,
};

// --- profanity (obscenity) ------------------------------------------------------------------
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const PROFANITY_WEIGHT: Record<string, number> = {
  fuck: 0.97, cunt: 0.98, shit: 0.9, bitch: 0.92, bastard: 0.88, dick: 0.85, cock: 0.85,
  pussy: 0.88, twat: 0.92, wank: 0.9, whore: 0.9, slut: 0.9, prick: 0.85, ass: 0.8, arse: 0.8,
  piss: 0.75, bollocks: 0.75, turd: 0.75, tit: 0.7, cum: 0.8, jizz: 0.85, blowjob: 0.85,
  dildo: 0.8, handjob: 0.85, porn: 0.6, scat: 0.5,
};
/** Slurs: profanity, and an identity attack whoever they are aimed at. */
const SLURS = new Set([
  'nigger', 'kike', 'chink', 'chingchong', 'fag', 'dyke', 'tranny', 'retard', 'spastic', 'abo',
  'abeed', 'africoon', 'arabush', 'boonga', 'negro',
]);
/** Dataset words that are topics, not swearing ("sex education", "rape statistics"). */
const NOT_PROFANE = new Set([
  'sex', 'anal', 'anus', 'penis', 'vagina', 'semen', 'ejaculate', 'orgasm', 'incest', 'rape',
  'bestiality', 'hooker', 'masturbate', 'boob', 'hentai', 'orgy', 'cuck', 'fellatio',
]);
/** Innocent words the dataset patterns catch. */
const ALLOWED_WORDS = new Set(['cockpit', 'cocktail', 'cocktails', 'peacock', 'hancock', 'shitake', 'shiitake', 'dickens', 'titan', 'titanic']);

interface ProfanityHit {
  word: string;
  start: number;
  end: number;
}

function findProfanity(canon: string): ProfanityHit[] {
  const hits: ProfanityHit[] = [];
  for (const m of matcher.getAllMatches(canon, true)) {
    const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord;
    if (!word || NOT_PROFANE.has(word)) continue;
    let s = m.startIndex;
    let e = m.endIndex + 1;
    while (s > 0 && /[a-z]/.test(canon[s - 1]!)) s--;
    while (e < canon.length && /[a-z]/.test(canon[e]!)) e++;
    if (ALLOWED_WORDS.has(canon.slice(s, e))) continue;
    if (hits.some((h) => h.start === m.startIndex && h.word === word)) continue;
    hits.push({ word, start: m.startIndex, end: m.endIndex + 1 });
  }
  return hits;
}

// --- context: negation, quotation, reported speech ---------------------------------------------
const CLAUSE_BOUNDARY = /[.!?;,:\n()]|\bbut\b/g;
const NEGATION =
  /\b(?:not|never|no one|nobody|noone|none|neither|nor|without|hardly|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|cannot|shouldn't)\b|n't\b/;
const FALSE_NEGATION = /\b(?:nothing but|not just|not only|no wonder|no better than|don't be|never be anything but)\b/;
const REPORTING =
  /\b(?:call(?:ed|ing|s)?|said|says|saying|told|tells|telling|(?:wrote|writes|write) (?:that|")|accus\w+|quot\w+|the word|words like|label(?:l?ed|l?ing)|named|shout(?:ed|ing)|yell(?:ed|ing)|scream(?:ed|ing)|report(?:ing|ed)?|claim(?:s|ed|ing)?|suggest(?:s|ed|ing)?|implying|implied)\b/;

function clauseStart(text: string, index: number): number {
  let start = 0;
  CLAUSE_BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BOUNDARY.exec(text)) !== null && m.index < index) {
    start = m.index + m[0].length;
  }
  return start;
}

function sentenceStart(text: string, index: number): number {
  const before = text.slice(0, index);
  const m = /[.!?\n][^.!?\n]*$/.exec(before);
  return m ? m.index + 1 : 0;
}

function quoteRegions(text: string): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (const m of text.matchAll(/"[^"\n]{1,400}"/g)) regions.push([m.index, m.index + m[0].length]);
  return regions;
}

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
  return { TOXICITY: 0, SEVERE_TOXICITY: 0, INSULT: 0, PROFANITY: 0, THREAT: 0, IDENTITY_ATTACK: 0 };
}

/** Scores the six attributes and returns a span per match (offsets into `text`). */
export function scoreToxicity(text: string): ToxicityAnalysis {
  const raw = canonicalize(text);
  // quoted reply lines ("> you are an idiot") are someone else's words: blank them, same length
  const base: CanonicalText = { text: blankQuoteLines(raw.text), map: raw.map };
  const profanity = findProfanity(base.text);
  // canonical spellings for obfuscated swear words, so the patterns see "fuck", not "fvck"
  const canon = replaceRanges(
    base,
    profanity.filter((p) => !SLURS.has(p.word)).map((p) => ({ ...p, text: p.word })),
  );
  const scanText = canon.text;
  const quotes = quoteRegions(scanText);

  const values: Record<ToxicityAttribute, number[]> = {
    TOXICITY: [], SEVERE_TOXICITY: [], INSULT: [], PROFANITY: [], THREAT: [], IDENTITY_ATTACK: [],
  };
  const spans: ToxicitySpan[] = [];
  const kindsSeen = new Set<Kind>();

  const addSpan = (
    c: CanonicalText,
    cStart: number,
    cEnd: number,
    scores: Partial<ToxicityScores>,
  ) => {
    const begin = c.map[cStart]!;
    const end = originalEnd(c, text, cEnd);
    const existing = spans.find((s) => s.begin === begin && s.end === end);
    if (existing) {
      for (const [k, v] of Object.entries(scores) as [ToxicityAttribute, number][]) {
        existing.scores[k] = Math.max(existing.scores[k] ?? 0, v);
      }
      return;
    }
    spans.push({ begin, end, match: text.slice(begin, end), scores });
  };

  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of scanText.matchAll(rule.re)) {
      const range = m.indices?.groups?.['k'] ?? m.indices?.groups?.['k2'] ?? [m.index, m.index + m[0].length];
      const [kwStart, kwEnd] = range;
      // negation before the match ("nobody here is a moron"); for threats also inside it ("I would never hurt you")
      const clause = scanText.slice(clauseStart(scanText, m.index), rule.kind === 'threat' ? kwStart : m.index);
      const sentence = scanText.slice(sentenceStart(scanText, m.index), m.index);
      const negated = !rule.ignoreNegation && NEGATION.test(clause) && !FALSE_NEGATION.test(clause);
      // someone else's words: inside double quotes, wrapped in quotes ('morons'), or reported
      const quoted =
        quotes.some(([s, e]) => kwStart > s && kwEnd < e) ||
        (/['"]$/.test(scanText.slice(0, kwStart)) && /^['"]/.test(scanText.slice(kwEnd))) ||
        REPORTING.test(sentence);
      const factor = negated || quoted ? 0.15 : 1;
      const scores: Partial<ToxicityScores> = {};
      for (const [attr, v] of Object.entries(rule.scores) as [ToxicityAttribute, number][]) {
        scores[attr] = round(v * factor);
        values[attr].push(v * factor);
      }
      const tox = Math.min(0.99, Math.max(...Object.values(rule.scores)) * TOXICITY_WEIGHT[rule.kind] * factor);
      const toxValue = rule.kind === 'idea' ? tox + 0.05 : tox;
      values.TOXICITY.push(toxValue);
      scores.TOXICITY = round(toxValue);
      if (rule.kind === 'identity') {
        values.INSULT.push(0.6 * factor);
        if (/vermin|parasite|subhuman|sub-human|cockroach|exterminat|gassed|disease|plague|savage|animal/.test(m[0])) {
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
