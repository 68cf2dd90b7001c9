// Entry of embed.js:
//   <div id="parley-comments"></div>
//   <script src="https://HOST/embed.js" data-site="SITE" data-post="POST" async></script>
// Optional: data-url, data-title, data-theme (light | dark | auto), data-lang.
import { apiBaseOf, findScript } from '../shared/find-script.js';
import { Widget, type Theme } from './widget.js';

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
  const theme = (['light', 'dark', 'auto'] as const).includes(data.theme as Theme)
    ? (data.theme as Theme)
    : 'auto';
  const widget = new Widget({
    host,
    apiBase: apiBaseOf(script),
    site,
    post,
    url: data.url,
    title: data.title,
    theme,
    lang: data.lang || document.documentElement.lang || undefined,
  });
  window.Parley ??= { version: VERSION, instances: [] };
  const global = window.Parley;
  global.instances.push(widget);
  void widget.start();
}

if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();
