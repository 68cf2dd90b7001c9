/**
 * Word lists for the built-in toxicity scorer, as regex source fragments. They run on the
 * canonical text (lowercase, de-leeted, accents and stretched letters removed), so entries are
 * plain lowercase words.
 */

const alt = (words: string[]) => `(?:${words.join('|')})`;

/** Nouns that insult a person whatever the sentence ("idiot", "moron"). */
export const PERSON_INSULTS = alt([
  'idiots?', 'morons?', 'imbeciles?', 'cretins?', 'dimwits?', 'halfwits?', 'nitwits?', 'losers?',
  'clowns?', 'fools?', 'buffoons?', 'scum', 'scumbags?', 'lowlifes?', 'parasites?', 'vermin',
  'worms?', 'cowards?', 'hypocrites?', 'simpletons?', 'dolts?', 'dunces?', 'numpty', 'numpties',
  'muppets?', 'twits?', 'jerks?', 'degenerates?', 'psychos?', 'lunatics?', 'maniacs?',
  'freaks?', 'nutjobs?', 'nutcases?', 'sheeple', 'snowflakes?', 'bootlickers?', 'grifters?',
  'bozos?', 'doofus(?:es)?', 'airheads?', 'neanderthals?', 'subhumans?', 'mouth-?breathers?',
  'perverts?', 'dumbass(?:es)?', 'jackass(?:es)?', 'dickheads?', 'assholes?', 'arseholes?',
  'bastards?', 'bitch(?:es)?', 'pricks?', 'twats?', 'wankers?', 'tossers?', 'cunts?',
  'motherfuckers?', 'shitheads?', 'douche(?:bag)?s?', 'retards?', 'traitors?', 'trolls?',
  'scumbag', 'knuckle-?draggers?', 'hags?', 'waste of (?:space|oxygen|skin|air)',
  'piece of (?:shit|crap|garbage|trash|work|filth|dirt)', 'sack of (?:shit|crap)',
  'excuse for a (?:human(?: being)?|person|man|woman|journalist|reporter|writer|parent)',
]);

/** Nouns that insult only when clearly aimed at someone ("you're a joke", not "the code is a hack"). */
export const WEAK_PERSON_INSULTS = alt([
  'jokes?', 'disgrace', 'failures?', 'frauds?', 'liars?', 'hacks?', 'trash', 'garbage', 'filth',
  'animals?', 'snakes?', 'rats?', 'pigs?', 'sheep', 'cows?', 'dogs?', 'embarrassment', 'shills?',
  'savages?', 'creeps?', 'waste of (?:time|breath)',
]);

const STRONG_ADJECTIVES = [
  'stupid(?:er|est)?', 'dumb(?:er|est)?', 'idiotic', 'moronic', 'pathetic', 'brainless',
  'brain-?dead', 'worthless', 'ugly', 'uglier', 'ugliest', 'disgusting', 'retarded', 'vile',
  'repulsive', 'hideous', 'dimwitted', 'thick(?:er|est)', 'spineless', 'gutless',
];
const MILD_ADJECTIVES = [
  'ignorant', 'clueless', 'useless', 'incompetent', 'delusional', 'deranged', 'dense',
  'miserable', 'filthy', 'pitiful', 'thick', 'unhinged', 'mentally ill', 'insane', 'crazy',
  'senile', 'fat', 'gross',
];
/** Adjectives that insult when aimed at "you". */
export const INSULT_ADJECTIVES = alt([...STRONG_ADJECTIVES, ...MILD_ADJECTIVES]);
/** The subset that still reads as an insult said about a third person ("he is stupid"). */
export const STRONG_INSULT_ADJECTIVES = alt(STRONG_ADJECTIVES);

/** Words that can sit between "you are" and the insult ("such a complete", "a fucking"). */
export const MODIFIERS = alt([
  'such', 'so', 'too', 'this', 'that', 'very', 'really', 'truly', 'just', 'complete(?:ly)?',
  'total(?:ly)?', 'absolute(?:ly)?', 'utter(?:ly)?', 'fuck(?:ing|in)?', 'bloody', 'little', 'big',
  'old', 'sad', 'blind', 'drooling', 'lying', 'dirty', 'a', 'an', 'the', 'nothing but',
  '(?:a )?(?:bunch|pack|load|gang|herd) of', 'one', 'real', 'proper', 'massive', 'huge', 'damn',
  'tiny', 'stinking', 'worthless', 'pathetic', 'stupid', 'dumb', 'ignorant', 'clueless',
  'useless', 'spineless', 'brainless', 'brain-?dead', 'disgusting', 'ugly', 'miserable',
  'filthy', 'deranged', 'delusional', 'corrupt', 'incompetent', 'lazy', 'arrogant', 'smug',
  'fake', 'dishonest', 'sorry', 'even', 'still', 'always', 'honestly', 'obviously', 'clearly',
  'being', 'acting like', 'behaving like',
]);

/** People and groups referred to by identity, for identity-attack patterns. */
export const GROUPS = alt([
  'muslims?', 'islamists?', 'jews', 'jewish people', 'christians?', 'catholics?', 'hindus?',
  'sikhs?', 'atheists?', 'buddhists?', 'mormons?', 'immigrants?', 'migrants?', 'refugees?',
  'asylum seekers?', 'foreigners?', 'blacks', 'black people', 'whites', 'white people', 'asians?',
  'mexicans?', 'arabs?', 'africans?', 'chinese', 'indians?', 'pakistanis?', 'poles', 'polish people',
  'romanians?', 'gypsies', 'gypsy', 'roma', 'gays', 'gay people', 'lesbians?', 'homosexuals?',
  'trans people', 'transgender people', 'trans women', 'trans men', 'women', 'females', 'men',
  'feminists?', 'disabled people', 'the disabled', 'autistic people', 'latinos?', 'hispanics?',
  'russians?', 'ukrainians?', 'turks?', 'kurds?', 'somalis?', 'nigerians?', 'lgbt(?:q\\+?)? people',
  'queers?', 'jew', 'muslim', 'black', 'gay', 'trannies', 'albanians?', 'syrians?', 'afghans?',
  'bangladeshis?', 'filipinos?', 'vietnamese', 'koreans?', 'japanese', 'irish', 'scots',
]);

/** What hateful generalisations about a group say it "is". */
export const GROUP_NEGATIVES = alt([
  'terrorists?', 'criminals?', 'rapists?', 'parasites?', 'vermin', 'animals?', 'savages?',
  'sub-?human', 'subhumans?', 'scum', 'filth(?:y)?', 'trash', 'garbage', 'inferior', 'evil',
  'disgusting', 'dirty', 'lazy', 'stupid', 'idiots?', 'thieves', 'liars?', 'a disease',
  'a plague', 'a cancer', 'a burden(?: on [a-z ]+)?', 'a threat', 'mentally ill', 'sick',
  'freaks?', 'degenerates?', 'degenerate', 'brainwashed', 'dangerous', 'violent', 'invaders?',
  'not (?:really )?human', 'less than human', 'cockroaches', 'rats', 'pigs', 'dogs', 'monkeys',
  'apes', 'the problem', 'the enemy', 'ugly', 'hags?', 'too (?:emotional|stupid|weak|dumb)',
  'unclean', 'backwards?', 'primitive', 'worthless', 'useless', 'a mistake', 'abominations?',
  'perverts?', 'pedophiles?', 'paedophiles?', 'groomers?', 'smelly', 'dumb', 'incapable',
  'greedy', 'untrustworthy', 'sneaky', 'barbaric', 'uncivili[sz]ed', 'inbred', 'a menace',
  'vile', 'low iq', 'ruining [a-z ]+', 'destroying [a-z ]+',
]);

/** What a group "should" suffer in exclusionary calls. */
export const GROUP_EXCLUSIONS = alt([
  'banned', 'deported', 'sent back', 'go back', 'leave', 'kicked out', 'locked up', 'removed',
  'exterminated', 'wiped out', 'gassed', 'shot', 'killed', 'die', 'burn', 'rounded up',
  'thrown out', 'sterili[sz]ed', 'not be allowed', 'never be allowed', 'be kept out', 'kept out',
  'get out', 'disappear', 'be stopped', 'segregated',
]);
