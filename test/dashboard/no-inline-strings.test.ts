// Issue 15: the dashboard's English lives in web/dashboard/strings.ts only. This scans every other
// web/dashboard/*.ts (types stripped by esbuild, parsed by acorn) and fails on a string literal that
// reads like UI text (a capitalised word, or two words with a space), skipping the places where
// strings are code, not words: imports, property keys, element tags, CSS classes, ids, test ids,
// event names, selectors, API paths and comparisons.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';

const DIR = join(import.meta.dirname, '../../web/dashboard');

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes, walked generically.
type Node = any;

/** Attribute / option names whose values are code, never shown to a person. */
const CODE_KEYS = new Set([
  'class',
  'className',
  'id',
  'type',
  'role',
  'for',
  'name',
  'list',
  'href',
  'method',
  'autocomplete',
  'inputmode',
  'kind',
  'rel',
  'target',
  'accept',
  'value',
  'lang',
  'dir',
  'mode',
  'credentials',
  'key',
  'event',
  'action',
]);

/** Calls whose string arguments are code (selectors, events, classes, attributes, paths). */
const CODE_CALLS = new Set([
  '$',
  'querySelector',
  'querySelectorAll',
  'closest',
  'matches',
  'addEventListener',
  'removeEventListener',
  'add',
  'remove',
  'toggle',
  'contains',
  'setAttribute',
  'getAttribute',
  'removeAttribute',
  'hasAttribute',
  'setProperty',
  'get',
  'set',
  'has',
  'delete',
  'getItem',
  'setItem',
  'removeItem',
  'emit',
  'on',
  'off',
  'createElement',
  'request',
  'fetch',
  'navigate',
  'go',
  'startsWith',
  'endsWith',
  'includes',
  'split',
  'join',
  'replace',
  'padStart',
  'toLocaleString',
  'DateTimeFormat',
  'NumberFormat',
  'RelativeTimeFormat',
  'PluralRules',
  'encodeURIComponent',
  'URL',
  'URLSearchParams',
  'Error',
]);

/**
 * The allow-list: literals that read like words but are not UI text. Empty today (the rules in
 * looksLikeText cover class lists, domains, selectors and the embed snippets); an entry needs a
 * comment saying why it is not shown to a person.
 */
const ALLOWED = new Set<string>([]);

function looksLikeText(s: string): boolean {
  const t = s.trim();
  if (!/[A-Za-z]{2,}/.test(t)) return false;
  if (/^[/#.[:@]|^https?:|^\w+:\/\//.test(t)) return false; // paths, selectors, urls
  if (/^[a-z0-9_-]+(\s+[a-z0-9_-]+)*$/.test(t) && /-/.test(t)) return false; // "btn btn-sm"
  if (/^[A-Z0-9_]+$/.test(t)) return false; // GET, POST, HTTP constants
  // One lowercase token is code: a domain, an address, a file name, `width:40%`.
  if (!/\s/.test(t) && !/^[A-Z][a-z]/.test(t)) return false;
  if (/\[\w+|:not\(/.test(t)) return false; // CSS selectors
  if (t.startsWith('<')) return false; // the HTML embed snippets shown for copying
  return /^[A-Z][a-z]/.test(t) || /[A-Za-z]{2,}[ ,.:;!?…’]+[A-Za-z]{2,}/.test(t) || /…$/.test(t);
}

function calleeName(call: Node): string {
  const e = call.callee;
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'MemberExpression' && !e.computed) return e.property.name;
  return '';
}

const TEXT_PROPS = ['textContent', 'innerText', 'title', 'placeholder', 'value', 'label'];

/** True when the literal (with its ancestors, nearest last) sits where a string is code. */
function isCodePosition(ancestors: Node[]): boolean {
  let i = ancestors.length - 1;
  let child = ancestors[i];
  let parent = ancestors[i - 1];
  // Walk up through templates, conditionals and `??`/`||`/`&&`/`+` chains.
  while (
    parent &&
    (parent.type === 'TemplateLiteral' ||
      parent.type === 'ConditionalExpression' ||
      parent.type === 'LogicalExpression' ||
      (parent.type === 'BinaryExpression' && parent.operator === '+'))
  ) {
    if (parent.type === 'ConditionalExpression' && parent.test === child) return true;
    i -= 1;
    child = parent;
    parent = ancestors[i - 1];
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'ImportDeclaration':
    case 'ImportExpression':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'SwitchCase':
      return true;
    case 'MemberExpression':
      return parent.property === child;
    case 'Property': {
      if (parent.key === child) return true;
      const key = parent.key.type === 'Identifier' ? parent.key.name : String(parent.key.value);
      return CODE_KEYS.has(key) || key.startsWith('data-');
    }
    case 'BinaryExpression':
      return ['===', '!==', '==', '!=', 'in'].includes(parent.operator);
    case 'AssignmentExpression':
      return (
        parent.left.type === 'MemberExpression' && !TEXT_PROPS.includes(parent.left.property.name)
      );
    case 'CallExpression':
    case 'NewExpression': {
      const name = calleeName(parent);
      if (name === 'h') return parent.arguments[0] === child;
      return CODE_CALLS.has(name);
    }
    default:
      return false;
  }
}

interface Hit {
  file: string;
  text: string;
}

function scan(file: string, source = readFileSync(join(DIR, file), 'utf8')): Hit[] {
  const js = transformSync(source, { loader: 'ts', target: 'esnext', format: 'esm' }).code;
  const ast = parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
  const hits: Hit[] = [];
  const visit = (node: Node, ancestors: Node[]): void => {
    const chain = [...ancestors, node];
    let text: string | null = null;
    if (node.type === 'Literal' && typeof node.value === 'string') text = node.value;
    else if (node.type === 'TemplateLiteral')
      text = node.quasis.map((q: Node) => q.value.cooked).join('{}');
    // A placeholder counts as a word ("{} selected"), but a literal needs a word of its own.
    if (
      text !== null &&
      /[A-Za-z]{2,}/.test(text) &&
      looksLikeText(text.replace(/\{\}/g, 'xx')) &&
      !ALLOWED.has(text) &&
      !isCodePosition(chain)
    )
      hits.push({ file, text });
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v.type === 'string') visit(v, chain);
      } else if (value && typeof (value as Node).type === 'string') visit(value, chain);
    }
  };
  visit(ast, []);
  return hits;
}

const files = readdirSync(DIR).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'strings.ts',
);

describe('dashboard strings live in strings.ts', () => {
  test('when the dashboard sources are scanned, then no file outside strings.ts holds UI text', () => {
    const hits = files.flatMap((f) => scan(f));
    expect(hits.map((x) => `${x.file}: ${JSON.stringify(x.text)}`)).toEqual([]);
  });

  test('when a page spells a label inline, then the scan catches it and not the code around it', () => {
    const probe = [
      "import { h } from './dom.js';",
      "h('button', { class: 'btn btn-sm', 'data-testid': 'bulk-approve' }, 'Approve selected');",
      'el.textContent = `${n} selected`;',
      "toast('Ban removed.', { kind: 'success' });",
      "if (queue === 'Pending') el.classList.add('is-open');",
    ].join('\n');
    expect(scan('probe.ts', probe).map((x) => x.text)).toEqual([
      'Approve selected',
      '{} selected',
      'Ban removed.',
    ]);
  });
});
