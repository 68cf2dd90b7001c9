import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { expect, test } from 'vitest';
import { readCorpus } from './model/corpus.js';
import { canonicalize } from './normalize.js';
import { createProfanityMatcher } from './profanity-matcher.js';

// obscenity's own matcher is the reference: ours must find exactly what it finds
const options = { ...englishDataset.build(), ...englishRecommendedTransformers };
const reference = new RegExpMatcher(options);
const matcher = createProfanityMatcher(options);

const crafted = [
  'what the fuck',
  'f u c k this, fuuuuuck, fvck, f*ck, phuck, sh1t, $hit, a55hole',
  'ＦＵＣＫ fullwidth and 𝐟𝐮𝐜𝐤 mathematical bold',
  'a lone high surrogate \ud83d then text, and a lone low \udc00 one: shit',
  'emoji 🤬 fuck 🤬 and a pair at the very end 💩',
  'the assassin from scunthorpe passed the class on cockburn street',
  'bitch, bitches, b!tch, biatch, son of a bitch',
  'niggardly is a word; the n-word is not written here',
  'cumming, cum, cummerbund, document, circumstance',
  'pussycat and the pussy willow; dickens and dick',
  '',
  'fuck',
  'shitshitshit fuckfuckfuck',
  '\ufeffshit after a byte order mark, and \ufeff one inside: fuck',
  '\ud800',
];

function compare(text: string) {
  expect(matcher.getAllMatches(text, true), text).toEqual(reference.getAllMatches(text, true));
}

test('when texts are crafted to obfuscate, whitelist or split characters, then both matchers agree', () => {
  for (const text of crafted) {
    compare(text);
    compare(canonicalize(text).text);
  }
});

test('when every corpus comment is matched, as written and canonicalised, then both matchers agree', () => {
  const rows = readCorpus();
  let compared = 0;
  let withMatches = 0;
  for (let i = 0; i < rows.length; i++) {
    const text = rows[i]!.text;
    compare(text);
    compare(canonicalize(text).text);
    if (reference.getAllMatches(text).length > 0) withMatches++;
    compared++;
  }
  // the comparison covers texts that do match, not only clean ones
  expect(withMatches).toBeGreaterThan(compared / 50);
}, 120_000);
