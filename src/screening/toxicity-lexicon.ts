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
  // contempt nouns that only ever describe people
  'know-?it-?alls?', 'crybab(?:y|ies)', 'weasels?', 'hicks?', 'rubes?', 'dingbats?', 'dunderheads?',
  'dullards?', 'boneheads?', 'knuckleheads?', 'meatheads?', 'pinheads?', 'blockheads?',
  'nincompoops?', 'chumps?', 'oafs?', 'ignoramus(?:es)?', 'bigots?', 'sleazeballs?', 'slimeballs?',
  'scoundrels?', 'charlatans?', 'sociopaths?', 'psychopaths?', 'kooks?', 'crackpots?', 'nutters?',
  'windbags?', 'blowhards?', 'dipshits?', 'dumbos?', 'twerps?', 'troglodytes?', 'plonkers?',
  'pillocks?', 'bellends?', 'bell-ends?', 'knobheads?', 'numbskulls?', 'nimrods?', 'dweebs?',
  'pea-?brains?', 'lamebrains?', 'shit-?for-?brains', 'ninn(?:y|ies)', 'wimps?', 'wuss(?:es)?',
  'whiners?', 'sycophants?', 'lackeys?', 'bottom-?feeders?', 'incels?', 'weirdos?', 'dumb-?dumbs?',
  // dehumanising: people as pests
  'cockroach(?:es)?', 'maggots?', 'sewer rats?', 'pond scum',
  'suck-?ups?', 'brown-?nosers?', 'ass-?kissers?', 'basement[- ]dwellers?', 'keyboard warriors?',
  'neckbeards?', 'man-?child', 'man-?bab(?:y|ies)', 'dicks?', 'goblins?', 'gremlins?',
  'bloodsuckers?', 'dumb ?ass(?:es)?', 'shit[- ]?for[- ]?brains', 'wretch(?:es)?', 'scolds?', 'sad sacks?',
]);

/** Nouns that insult only when clearly aimed at someone ("you're a joke", not "the code is a hack"). */
export const WEAK_PERSON_INSULTS = alt([
  'jokes?', 'disgrace', 'failures?', 'frauds?', 'liars?', 'hacks?', 'trash', 'garbage', 'filth',
  'animals?', 'snakes?', 'rats?', 'pigs?', 'sheep', 'cows?', 'dogs?', 'embarrassment', 'shills?',
  'savages?', 'creeps?', 'waste of (?:time|breath)',
  // dehumanising metaphors: fine words for things, contempt when "you" are one
  'slugs?', 'leech(?:es)?', 'lice', 'louse', 'rodents?', 'toads?', 'vultures?', 'hyenas?',
  'pests?', 'has-?been', 'saps?', 'cocks?',
  // words that are also verbs ("you stain the wood") only count after an article or adjective
  "(?<=\\b(?:a|an|the|walking|festering|giant|human|total|complete|absolute|utter) )(?:boil|blight|stain|tumou?r|cancer(?! (?:survivor|patient|researcher|doctor|nurse|specialist|ward|scare|research))|plague|virus|nobody(?!'))",
]);

const STRONG_ADJECTIVES = [
  'stupid(?:er|est)?', 'dumb(?:er|est)?', 'idiotic', 'moronic', 'pathetic', 'brainless',
  'brain-?dead', 'worthless', 'ugly', 'uglier', 'ugliest', 'disgusting', 'retarded', 'vile',
  'repulsive', 'hideous', 'dimwitted', 'thick(?:er|est)', 'spineless', 'gutless',
  'pea-?brained', 'witless', 'half-?witted', 'insufferable', 'contemptible', 'despicable',
  'loathsome', 'revolting', 'slimy', 'sleazy', 'cowardly', 'gormless', 'imbecilic', 'cretinous',
  'subhuman',
];
const MILD_ADJECTIVES = [
  'ignorant', 'clueless', 'useless', 'incompetent', 'delusional', 'deranged', 'dense',
  'miserable', 'filthy', 'pitiful', 'thick', 'unhinged', 'mentally ill', 'insane', 'crazy',
  'senile', 'fat', 'gross',
  'dim', 'dimmer', 'daft', 'dopey', 'dozy', 'thick-?headed', 'obtuse', 'simple-?minded',
  'small-?minded', 'narrow-?minded', 'petty', 'whiny', 'spiteful', 'pompous', 'smug', 'arrogant',
  'hopeless', 'unbearable', 'braindead', 'brainwashed', 'illiterate', 'slow-?witted',
  'uneducated', 'gullible',
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
  'walking', 'festering', 'whiny', 'whining', 'snivell?ing', 'pompous', 'insufferable', 'mindless',
  'gutless', 'thick', 'dim', 'dense', 'cowardly', 'slimy', 'sleazy', 'bitter', 'jealous',
  'pitiful', 'self-righteous', 'sanctimonious', 'two-faced', 'unhinged', 'fkn', 'fking', 'effing',
  'frigging', 'friggin', 'freaking', 'flipping', 'bleeding', 'god ?damn(?:ed)?', 'colossal',
  'giant', 'certified', 'card-carrying', 'hopeless', 'rotten', 'nasty', 'vile', 'creepy',
  'wannabe', 'armchair', 'keyboard', 'entitled', 'spoiled', 'spoilt', 'rabid', 'raving',
  'knuckle-dragging', 'mouth-breathing', 'inbred', 'small-minded', 'narrow-minded', 'witless',
  'pea-brained', 'gormless', 'whingeing', 'whinging', 'crybaby', 'snotty', 'bratty',
  'as', 'biggest', 'worst', 'human', 'most', 'uneducated', 'gullible', 'joyless', 'washed-up',
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
  '(?:gay|black|white|brown|jewish|muslim|christian|hindu|disabled|autistic|deaf|blind|old|elderly|trans|transgender|queer|asian|mexican|chinese|indian|african|arab|native|foreign|immigrant|migrant) (?:people|folks|men|women|guys|persons|kids|families)',
  'trans folks', 'transgenders?', 'bisexuals?', 'the elderly', 'natives', 'aboriginals?',
  'evangelicals?', 'protestants?', 'illegals', 'latinas?', 'brits', 'americans?', 'germans?',
  'frenchmen', 'the french', 'italians?', 'greeks?', 'canadians?', 'australians?', 'iranians?',
  'iraqis?', 'palestinians?', 'israelis?', 'ethiopians?', 'haitians?', 'jamaicans?',
  'brazilians?', 'cubans?', 'puerto ricans?', 'arabs', 'the english', 'the irish',
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
  'spies', 'crooks?', 'drunks?', 'drunkards?', 'junkies', 'bombers?', 'hysterical', 'confused',
  'diseased', 'dishonest', 'cheats?', 'leeches', 'a drain(?: on [a-z ]+)?', 'burdens?', 'cowards?',
  'fanatics?', 'extremists?', 'zealots?', 'freeloaders?', 'scroungers?', 'moochers?', 'deviants?',
  'predators?', 'nothing but trouble', 'not to be trusted', 'all the same', 'thugs?', 'gangsters?',
  'psychos?', 'morons?', 'imbeciles?', 'retards?', 'brainless', 'filthy', 'crazy', 'insane',
  'part of (?:the same|a|one|the) (?:[a-z]+ )?(?:scheme|plot|conspiracy|cabal|agenda)', 'the same',
  'men in (?:dresses|wigs|skirts|makeup)', 'not (?:real )?(?:women|men|people|human beings)',
]);

/**
 * Words allowed between a group and what it is said to be, in "they're all" and "every <group>"
 * generalisations ("Gypsies are born thieves", "they're all just lazy drunks"). A closed list, so
 * "refugees are fleeing violent regimes" does not read as "refugees are violent".
 */
export const GROUP_FILLERS = alt([
  'all', 'just', 'nothing but', 'basically', 'simply', 'always', 'literally', 'such', 'so', 'very',
  'really', 'mostly', 'naturally', 'inherently', 'genetically', 'born', 'only', 'way', 'far', 'too',
  'total', 'complete', 'utter', 'dirty', 'filthy', 'lazy', 'stupid', 'useless', 'confused', 'sick',
  'drunken', 'lying', 'thieving', 'sneaky', 'greedy', 'potential', 'mentally', 'a', 'an',
  '(?:a )?(?:bunch|pack|nation|race|load|gang|horde|herd) of', 'the same', 'still', 'all just',
  'worthless', 'dangerous', 'violent', 'sick', 'little', 'nasty', 'vile', 'future', 'closet',
]);

/** What a group "should" suffer in exclusionary calls. */
export const GROUP_EXCLUSIONS = alt([
  'banned', 'deported', 'sent back', 'go back', 'leave', 'kicked out', 'locked up', 'removed',
  'exterminated', 'wiped out', 'gassed', 'shot', 'killed', 'die', 'burn', 'rounded up',
  'thrown out', 'sterili[sz]ed', 'not be allowed', 'never be allowed', 'be kept out', 'kept out',
  'get out', 'disappear', 'be stopped', 'segregated',
  'fixed', 'cured', 'locked away', 'locking up', 'rounding up', 'shipped (?:back|out|off|home)',
  'sent home', 'put down', 'dealt with', 'gotten rid of', 'got rid of', 'purged', 'hanged',
  'castrated', 'deporting', 'removing', 'shooting', 'fixing', 'curing', 'put in camps',
]);
