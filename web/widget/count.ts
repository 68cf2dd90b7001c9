// Entry of count.js: fills every <span data-parley-count="POST-SLUG"> on the page with
// "N comments" (or its data-parley-format, e.g. "{n} replies") using one request.
//   <script src="https://HOST/count.js" data-site="SITE" async></script>
import { apiBaseOf, findScript } from '../shared/find-script.js';
import { countStrings, fill } from './strings.js';

const script = findScript('count.js');
// count.js speaks English; a page in another language sets data-parley-format on its spans.
const plurals = new Intl.PluralRules('en');

function run(): void {
  const site = script?.dataset.site;
  if (!site) return;
  const spans = document.querySelectorAll<HTMLElement>('[data-parley-count]');
  const slugs = [...new Set([...spans].map((s) => s.dataset.parleyCount!).filter(Boolean))];
  if (!slugs.length) return;
  const url = `${apiBaseOf(script)}/api/sites/${encodeURIComponent(site)}/counts?posts=${slugs.map(encodeURIComponent).join(',')}`;
  fetch(url, { credentials: 'omit' })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then(({ counts }: { counts: Record<string, number> }) => {
      for (const span of spans) {
        const n = counts[span.dataset.parleyCount!] ?? 0;
        const format = span.dataset.parleyFormat;
        const forms = countStrings.count;
        const template =
          format ?? (n === 0 ? countStrings.countNone : (forms[plurals.select(n)] ?? forms.other));
        span.textContent = fill(template, { n: n.toLocaleString('en') });
      }
    })
    // Counts are decoration: on failure leave the spans as the page had them.
    .catch(() => {});
}

if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', run, { once: true });
else run();
