// Whether a comment reads as English, for the model's calibration: the model has far more
// English than other text to learn from, so it is less sure of itself on other languages (their
// toxic comments score lower), and one alignment for all would either hold too few toxic comments
// in other languages or too many clean English ones. Each segment gets its own shift instead,
// each keeping the same share of its clean comments published. A comment too short to tell
// counts as English (the default segment).

/** Common English function words: their share of a text's words tells English apart. */
const ENGLISH_WORDS = new Set(
  (
    'the a an and or but is are was were be been being am to of in on at for with from by as ' +
    'that this these those it its you your yours he him his she her they them their we us our ' +
    'i me my mine not no do does did done have has had will would can could should must may ' +
    'just so if then than what who whom which how why when where there here all any some ' +
    'about like more most very too also only even still out up down over into off again ' +
    'im dont doesnt didnt cant wont isnt arent wasnt ive youre theyre thats whats get got'
  ).split(' '),
);

/** The same for the other languages the corpus has most of (de, fr, es, it, pt, nl, pl, sv, tr, id). */
const OTHER_WORDS = new Set(
  (
    'der die das und ist nicht ich du wir sie ein eine mit auf für von zu den dem des auch ' +
    'noch wie aber nur schon hat sind war mal doch le la les et est une un des du pas je tu ' +
    'il elle nous vous ce cette que qui dans pour sur avec mais très el los las es un una del ' +
    'que por con para pero como muy más yo eso esta este lo il di che è non per con una sono ' +
    'ma gli della anche o os as um uma não com para mas muito você isso de het een en dat niet ' +
    'ik je van op met voor maar zijn ook wat nie jest się na że to co jak ale tak jestem och ' +
    'att det som är inte jag för bir ve bu da de ne çok ben sen yang dan ini itu tidak aku'
  ).split(' '),
);

const MIN_WORDS = 3;
const MIN_SHARE = 0.08;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const isAsciiLetter = (c: number) => c >= 0x61 && c <= 0x7a;
const LONGEST_LISTED = Math.max(...[...ENGLISH_WORDS, ...OTHER_WORDS].map((w) => w.length));

/**
 * True when `text` (canonical: lower case, accents folded) reads as English, or is too short to
 * tell. One pass over the characters (a regex only for those outside ASCII), then the ASCII
 * words: scoring calls this for every comment.
 */
export function looksEnglish(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) {
        letters++;
        latin++;
      }
      continue;
    }
    const ch = text[i]!;
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
  }
  if (letters > 0 && latin < letters / 2) return false;
  // the ASCII words ([a-z]+, one inner apostrophe dropped: "don't" reads "dont"), scanned by
  // hand: a regex's match arrays were most of this function's garbage
  let words = 0;
  let english = 0;
  let other = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
    let end = j;
    if (j + 1 < n && text.charCodeAt(j) === 39 /* ' */ && isAsciiLetter(text.charCodeAt(j + 1))) {
      end = j + 2;
      while (end < n && isAsciiLetter(text.charCodeAt(end))) end++;
    }
    words++;
    // longer words are in neither list: no string for them
    if (end - i <= LONGEST_LISTED + 1) {
      const w = end === j ? text.slice(i, j) : text.slice(i, j) + text.slice(j + 1, end);
      if (ENGLISH_WORDS.has(w)) english++;
      else if (OTHER_WORDS.has(w)) other++;
    }
    i = end;
  }
  if (words < MIN_WORDS) return true;
  return english > other && english / words >= MIN_SHARE;
}
