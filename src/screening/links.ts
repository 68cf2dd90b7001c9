/**
 * Link detection: real links (counted against the limit) and obfuscated ones
 * ("example dot com", "hxxp://", "w w w . x . com"), which only spammers write.
 */
import { countAlnumRuns } from './chars.js';
import { foldText } from './normalize.js';

/** TLDs we accept for bare domains ("cheap-pills.ru"); keeps "node.js" or "file.txt" out. */
const TLDS =
  'com|net|org|info|biz|ru|su|ua|cn|xyz|top|io|co|uk|de|fr|it|es|nl|pl|in|br|au|ca|us|me|tv|cc|ws|' +
  'online|site|shop|store|club|live|life|app|dev|ly|to|pw|tk|ml|ga|cf|gq|link|click|bid|win|' +
  'loan|vip|pro|mobi|name|eu|ch|se|no|fi|dk|be|at|cz|jp|kr|vn|id|ph|ng|za|mx|ar|tr|ir|gr|pt|' +
  'ro|hu|bg|sk|nz|sg|hk|tw|my|th|news|blog|space|website|today|world|fun|icu|buzz|cam|casino|' +
  'bet|poker|games|money|cash|finance|email|solutions|agency|services|store|edu|gov';

// http(s) URLs, www. hosts, and bare domains; markdown links are covered because their target is a URL
const LINK_RE = new RegExp(
  String.raw`\bhttps?:\/\/[^\s<>()\[\]"']+` +
    String.raw`|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>()\[\]"']*` +
    String.raw`|(?<![@\w.\/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLDS})\b(?![.-]?\w)(?:\/[^\s<>()\[\]"']*)?`,
  'gi',
);

// every link has "://", or a letter or digit, a dot and another (www.x, x.com): without one,
// LINK_RE (which tries its host pattern at every word) need not run
const LINK_HINT = /:\/\/|[a-z0-9]\.[a-z0-9-]/i;

export interface FoundLink {
  url: string;
  host: string;
  index: number;
}

function hostOf(url: string): string {
  const m = /^(?:https?:\/\/)?([^/?#:\s]+)/i.exec(url);
  return (m?.[1] ?? url)
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/** All links in the text, in order, each counted once (a markdown link is one link). */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  if (!LINK_HINT.test(text)) return out;
  LINK_RE.lastIndex = 0;
  for (const m of text.matchAll(LINK_RE)) {
    const url = m[0].replace(/[.,;:!?*_]+$/, '');
    out.push({ url, host: hostOf(url), index: m.index });
  }
  return out;
}

/** Words left once links and markdown link syntax are removed. */
export function countNonLinkWords(text: string, links: FoundLink[]): number {
  let rest = text;
  for (const l of links) rest = rest.replace(l.url, ' ');
  rest = rest.replace(/\[([^\]]*)\]\(\s*\)/g, '$1');
  return countAlnumRuns(rest);
}

const OBF_TLD = '(?:com|net|org|info|biz|ru|xyz|top|io|co|online|site|shop|club|live|me|us|cc)';
// Each pattern with a cheap test of a string it cannot match without; the patterns try a host at
// every word, the tests look for their rare part first.
const OBFUSCATED_RES: Array<[hint: RegExp, pattern: RegExp]> = [
  // hxxp://, h**p://, http ://
  [
    /h(?:xx|\*\*|\[tt\])|https?(?:\s|:\s|\[)/i,
    /\bh(?:xx|\*\*|\[tt\])ps?\b|\bhttps?\s+:\s*\/\/|\bhttps?:\s+\/\s*\/|\bhttps?\[:\]\/\//i,
  ],
  // example dot com, example [dot] com, example (.) com, example[.]com
  [
    /dot|[[({]\s*\./i,
    new RegExp(
      String.raw`\b(?!(?:the|a|an|of|old|early|late|this|that|during|era|bubble|in)\b)[a-z0-9-]{2,}\s*` +
        String.raw`(?:[\[({]\s*(?:dot|\.)\s*[\])}]|\s+dot\s+|\s*-dot-\s*)\s*${OBF_TLD}\b`,
      'i',
    ),
  ],
  // w w w . x . com, www . example . com, www example com
  [
    /w\s+w\s+w|www/i,
    new RegExp(
      String.raw`\bw\s+w\s+w\b|\bwww\s*(?:\.\s+|\s+\.)\s*[a-z0-9-]+|\bwww\s+[a-z0-9-]{3,}\s+${OBF_TLD}\b`,
      'i',
    ),
  ],
  // spaced-out domains: "cheap pills . ru", "site . com"
  [/\s\./, new RegExp(String.raw`\b[a-z0-9-]{3,}\s+\.\s*${OBF_TLD}\b`, 'i')],
  // "site. com": a full stop and a space are also how sentences end, so only after top-level
  // domains that are not words ("…on Mars. Me, …", "bin day. Top adulting")
  [
    /\.\s+(?:com|net|org|info|biz|ru|xyz|io|cc)\b/i,
    /\b[a-z0-9-]{3,}\.\s+(?:com|net|org|info|biz|ru|xyz|io|cc)\b/i,
  ],
];

// the last text asked about and its answer: the model's features and the obfuscation phase both
// ask about each comment
let lastText: string | undefined;
let lastFound: readonly string[] = [];

/** Obfuscated link fragments, checked on folded text (homoglyphs and zero-width chars removed). */
export function findObfuscatedLinks(text: string): readonly string[] {
  if (text === lastText) return lastFound;
  const found = obfuscatedLinksIn(text);
  lastText = text;
  lastFound = found;
  return found;
}

function obfuscatedLinksIn(text: string): readonly string[] {
  const folded = foldText(text);
  const found: string[] = [];
  for (const [hint, re] of OBFUSCATED_RES) {
    if (!hint.test(folded)) continue;
    const m = re.exec(folded);
    if (m) found.push(m[0].trim());
  }
  // a link that only appears once invisibles/homoglyphs are removed was hidden on purpose
  if (found.length === 0 && folded !== text.toLowerCase()) {
    const visible = new Set(findLinks(text).map((l) => l.host));
    for (const l of findLinks(folded)) if (!visible.has(l.host)) found.push(l.url);
  }
  return found;
}

/**
 * TLDs that dominate abuse reports (cheap or free registrations); a link to one is weak
 * evidence on its own, so it only shifts the spam score.
 */
const ABUSED_TLDS = new Set(
  (
    'xyz top club online site shop store click win bid loan icu buzz pro biz info cc su tk ml ' +
    'ga cf gq fun casino bet poker cam monster rest quest work live life ws pw vip money cash'
  ).split(' '),
);

/** URL shorteners hide where a link goes. */
const SHORTENERS = new Set(
  'bit.ly tinyurl.com goo.gl t.co is.gd ow.ly cutt.ly rebrand.ly shorturl.at buff.ly tiny.cc rb.gy t.ly s.id'.split(
    ' ',
  ),
);

export function isAbusedTld(host: string): boolean {
  return ABUSED_TLDS.has(host.slice(host.lastIndexOf('.') + 1));
}

export function isShortener(host: string): boolean {
  return SHORTENERS.has(host);
}

/** Commercial spam words in a host name ("cheap-pills-rx.ru", "bestcasinobonus.bet"). */
const COMMERCIAL_HOST =
  /viagra|cialis|levitra|tramadol|xanax|pharma|pills|meds|casino|poker|slots|betting|payday|loans?(?![a-z])|forex|crypto|bitcoin|seo|backlink|essay|replica|porn|escort|followers|keto|jerseys|spins|dating|singles/;

export function commercialHostWord(host: string): string | null {
  const labels = host.split('.');
  const name = labels.slice(0, -1).join('.');
  return COMMERCIAL_HOST.exec(name)?.[0] ?? null;
}
