// URL remapping rules: an imported thread's URL is rewritten by each rule in order before it is
// matched to a post, so a blog that moved (new domain, https, other permalinks) finds its posts.
//   old.example.com=new.example.com   host
//   http=https                        scheme
//   trailing-slash=add | remove       the path's last slash
//   ?p=/{slug}/                       a query parameter (WordPress ?p=123) → a path; {slug} is
//                                     the thread's slug in the source, {value} the parameter's value
//   https://a.example/blog/=https://b.example/   any other FROM: a prefix
import { z } from 'zod';

export type RemapRule =
  | { kind: 'host'; from: string; to: string }
  | { kind: 'scheme'; from: 'http' | 'https'; to: 'http' | 'https' }
  | { kind: 'trailing-slash'; add: boolean }
  | { kind: 'query'; param: string; template: string }
  | { kind: 'prefix'; from: string; to: string };

/** The text form, as typed after --remap or sent to the API. */
export const RemapRuleText = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .refine((text) => parseRemapRule(text) !== null, {
    error:
      'Write FROM=TO: old.host=new.host, http=https, trailing-slash=add|remove, ?p=/{slug}/ or a URL prefix=another prefix.',
  });

const HOST = /^[a-z0-9.-]+(:\d+)?$/i;

/** The rule a FROM=TO text stands for, or null when it is none. */
export function parseRemapRule(text: string): RemapRule | null {
  const at = text.indexOf('=');
  if (at <= 0) return null;
  const from = text.slice(0, at).trim();
  const to = text.slice(at + 1).trim();
  if (from === 'trailing-slash') {
    if (to !== 'add' && to !== 'remove') return null;
    return { kind: 'trailing-slash', add: to === 'add' };
  }
  if ((from === 'http' || from === 'https') && (to === 'http' || to === 'https'))
    return { kind: 'scheme', from, to };
  if (from.startsWith('?')) {
    const param = from.slice(1);
    if (!/^[\w-]+$/.test(param) || !to.startsWith('/')) return null;
    return { kind: 'query', param, template: to };
  }
  if (HOST.test(from) && HOST.test(to))
    return { kind: 'host', from: from.toLowerCase(), to: to.toLowerCase() };
  if (/^https?:\/\//i.test(from) && /^https?:\/\//i.test(to)) return { kind: 'prefix', from, to };
  return null;
}

export function parseRemapRules(texts: readonly string[]): RemapRule[] {
  return texts.map((t) => {
    const rule = parseRemapRule(t);
    if (!rule) throw new Error(`not a remap rule: ${t}`);
    return rule;
  });
}

/** The URL after every rule, in order. `slug` is the thread's slug in the source, if any. */
export function remapUrl(url: string, rules: readonly RemapRule[], slug: string | null): string {
  let out = url;
  for (const rule of rules) out = applyRule(out, rule, slug);
  return out;
}

function applyRule(url: string, rule: RemapRule, slug: string | null): string {
  if (rule.kind === 'prefix')
    return url.startsWith(rule.from) ? rule.to + url.slice(rule.from.length) : url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // A bare path (Isso keeps only paths): only the slash rule means anything for it.
    if (rule.kind !== 'trailing-slash') return url;
    return toggleSlash(url, rule.add);
  }
  switch (rule.kind) {
    case 'host':
      if (parsed.host.toLowerCase() === rule.from) parsed.host = rule.to;
      return parsed.toString();
    case 'scheme':
      return parsed.protocol === `${rule.from}:`
        ? `${rule.to}:${parsed.toString().slice(rule.from.length + 1)}`
        : url;
    case 'trailing-slash':
      parsed.pathname = toggleSlash(parsed.pathname, rule.add);
      return parsed.toString();
    case 'query': {
      const value = parsed.searchParams.get(rule.param);
      if (value === null) return url;
      if (rule.template.includes('{slug}') && !slug) return url;
      parsed.searchParams.delete(rule.param);
      parsed.pathname = rule.template
        .replaceAll('{slug}', slug ?? '')
        .replaceAll('{value}', encodeURIComponent(value));
      return parsed.toString();
    }
  }
}

function toggleSlash(path: string, add: boolean): string {
  if (add) return path.endsWith('/') ? path : `${path}/`;
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

const SLUG_CHARS = /[^\w.~-]+/g;

/**
 * A post slug for a thread that matches no post: the source's own slug when it is one,
 * else the URL's path (its last segment, which WordPress, Ghost and Hugo make the slug).
 */
export function slugForThread(url: string, identifier: string | null): string {
  if (identifier && /^[\w.~-]{1,200}$/.test(identifier)) return identifier;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // already a path
  }
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1)?.replace(/\.(html?|php)$/i, '');
  const slug = (last ?? '')
    .replace(SLUG_CHARS, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 180);
  return slug || 'home';
}
