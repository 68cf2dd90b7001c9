// Entry of embed.js:
//   <div id="parley-comments"></div>
//   <script src="https://HOST/embed.js" data-site="SITE" data-post="POST" async></script>
// Optional: data-url, data-title, data-theme (light | dark | auto), data-lang (en de fr es pt
// it nl pl ru ja zh ar; default: the page's <html lang>, then the reader's browser languages).
import { apiBaseOf, findScript } from '../shared/find-script.js';
import { createApi } from './api.js';
import { chooseLanguage, loadLanguage } from './i18n.js';
import { readFirstPage, Widget, type Theme } from './widget.js';

const VERSION = __PARLEY_VERSION__;
const HOST_ID = 'parley-comments';

interface ParleyGlobal {
  version: string;
  instances: Widget[];
}

declare global {
  interface Window {
    Parley?: ParleyGlobal;
  }
}

performance.mark('parley:start');
const script = findScript('embed.js');

function mount(): void {
  const data = script?.dataset ?? {};
  const site = data.site;
  const post = data.post;
  if (!site || !post) {
    console.error('[parley] embed.js needs data-site and data-post on its <script> tag.');
    return;
  }
  let host = document.getElementById(HOST_ID);
  if (!host) {
    // No container: put one where the script tag is, which is what people usually mean.
    host = document.createElement('div');
    host.id = HOST_ID;
    if (script?.parentNode && script.parentNode !== document.head)
      script.parentNode.insertBefore(host, script);
    else document.body.appendChild(host);
  }
  // Loaded twice (a theme and a plugin both embedding it): keep the first.
  if (host.shadowRoot) return;
  const el = host;
  el.attachShadow({ mode: 'open' });
  const theme = (['light', 'dark', 'auto'] as const).includes(data.theme as Theme)
    ? (data.theme as Theme)
    : 'auto';
  const apiBase = apiBaseOf(script);
  const api = createApi(apiBase, site, post);
  // The thread is read while the language file loads, not after it.
  const first = readFirstPage(api);
  const wanted = chooseLanguage([
    data.lang,
    document.documentElement.lang,
    ...(navigator.languages ?? [navigator.language]),
  ]);
  void loadLanguage(apiBase, wanted, VERSION).then((language) => {
    const widget = new Widget({
      host: el,
      apiBase,
      site,
      post,
      url: data.url,
      title: data.title,
      theme,
      language,
      api,
      first,
    });
    window.Parley ??= { version: VERSION, instances: [] };
    window.Parley.instances.push(widget);
    void widget.start();
  });
}

if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
