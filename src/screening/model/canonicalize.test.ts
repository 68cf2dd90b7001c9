import { expect, test } from 'vitest';
import { canonicalize, deLeetWord, readable } from './canonicalize.js';

const text = (s: string) => readable(canonicalize(s).text);
const leet = (s: string) => readable(canonicalize(s).leet);

test('when text is fullwidth or in math letters, then it reads as plain lowercase ASCII', () => {
  expect(text('Ｙｏｕ ａｒｅ ａｎ ＩＤＩＯＴ')).toBe('you are an idiot');
  expect(text('𝐢𝐝𝐢𝐨𝐭')).toBe('idiot');
});

test('when Cyrillic or Greek lookalikes hide inside a Latin word, then they fold to Latin', () => {
  expect(text('ѕtupid іdiot')).toBe('stupid idiot');
  expect(text('cаsino')).toBe('casino');
});

test('when a whole word is Cyrillic, then it stays Cyrillic', () => {
  expect(text('Привет, как дела')).toBe('привет, как дела');
});

test('when zero-width characters or soft hyphens split a word, then they are removed', () => {
  expect(text('st\u200Bu\u00ADp\u200Did\u2060')).toBe('stupid');
});

test('when accents decorate Latin letters, then they are dropped', () => {
  expect(text('IDIÓT, naïve, Muzułmanie')).toBe('idiot, naive, muzulmanie');
});

test('when letters are spaced or dotted out, then they are rejoined', () => {
  expect(text('you are s t u p i d')).toBe('you are stupid');
  expect(text('s.h.i.t')).toBe('shit');
  expect(text('f-u-c-k off')).toBe('fuck off');
});

test('when three single letters stand apart, then they are ordinary words', () => {
  expect(text('u r a clown')).toBe('u r a clown');
  expect(text('e.g. this one')).toBe('e.g. this one');
});

test('when a character repeats three times or more, then the run is squeezed to two', () => {
  expect(text('loooooser!!!!')).toBe('looser!!');
  expect(text('stuuuupid')).toBe('stuupid');
});

test('when the text has URLs, e-mail addresses and numbers, then they become placeholders', () => {
  const c = canonicalize(
    'Visit https://bit.ly/abc or mail bob.smith@gmail.com, call 0161 496 0000 before 2.30pm',
  );
  expect(readable(c.text)).toBe(
    'visit <url> or mail <email>, call <num> <num> <num> before <num>pm',
  );
  expect(c.links.map((l) => l.host)).toEqual(['bit.ly']);
  expect(c.emails).toBe(1);
});

test('when a link is spelt out letter by letter, then it is still found', () => {
  const c = canonicalize('w w w . r e a l v o t e s 2 0 2 4 . n e t');
  expect(c.links.map((l) => l.host)).toEqual(['realvotes2024.net']);
});

test('when two long numbers differ, then their canonical texts are the same', () => {
  expect(text('order 123456789 arrived')).toBe(text('order 987654 arrived'));
});

test('when digits and symbols stand for letters inside a word, then the leet view folds them', () => {
  expect(leet('1d10t, sh1t, a$$hole, m0r0n, b!tch')).toBe('idiot, shit, asshole, moron, bitch');
  // the canonical view keeps what was written
  expect(text('m0r0n')).toBe('m0r0n');
});

test('when punctuation ends a word or @ starts a mention, then the leet view leaves them', () => {
  expect(leet('idiot! @simon wow!!')).toBe('idiot! @simon wow!!');
  expect(deLeetWord('h8')).toBe('h8');
});

test('when the leet view folds a word, then lengths and word boundaries are unchanged', () => {
  const c = canonicalize('ur a 1d10t and a $h1tty c0der!');
  expect(c.leet.length).toBe(c.text.length);
  expect([...c.leet].map((ch, i) => ch === ' ' && c.text[i] === ' ')).toEqual(
    [...c.text].map((ch) => ch === ' '),
  );
});

test('when typed text contains private-use characters, then they cannot pose as placeholders', () => {
  expect(text('a \uE000 b \uE002')).toBe('a b');
});
