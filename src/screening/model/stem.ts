// A crude, language-blind suffix stripper for the model's word features: "idiots", "idiotic",
// "idiota", "idioten" and "idiot" should share a word feature, so a word form the corpus never
// showed still carries its family's evidence. Not a linguist's stemmer: it only has to map the
// same family to the same key more often than it maps different families together.

// longest first; each needs a stem of at least MIN_STEM letters left
const SUFFIXES = [
  'ations',
  'ation',
  'ingly',
  'iness',
  'ness',
  'ments',
  'ment',
  'ables',
  'able',
  'ibles',
  'ible',
  'ings',
  'ing',
  'ies',
  'ied',
  'ish',
  'ful',
  'ous',
  'ic',
  'ers',
  'est',
  'en',
  'ed',
  'er',
  'ly',
  'es',
  'os',
  'as',
  's',
  'a',
  'o',
  'e',
  'i',
  'y',
] as const;
const MIN_STEM = 3;
const LATIN_WORD = /^[a-z]+$/;

/** The stem of a lowercased word; words outside a-z (other scripts, numbers, placeholders) are kept. */
export function stemWord(word: string): string {
  if (word.length <= MIN_STEM + 1 || !LATIN_WORD.test(word)) return word;
  let w = word;
  for (const suf of SUFFIXES) {
    if (w.length - suf.length >= MIN_STEM && w.endsWith(suf)) {
      w = w.slice(0, -suf.length);
      break;
    }
  }
  // "stopped" -> "stopp" -> "stop"
  const n = w.length;
  if (n > MIN_STEM && w[n - 1] === w[n - 2] && !'aeiouls'.includes(w[n - 1]!)) w = w.slice(0, -1);
  return w;
}
