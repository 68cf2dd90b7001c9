// Entry of embed-extras.js (see extras-loader.ts): the author's editor and the Report chooser.
import { openEdit } from './edit.js';
import css from './extras.css';
import { openReport } from './report.js';

const styled = new WeakSet<ShadowRoot>();

/** Adds this bundle's styles to the widget's shadow root, once (as adoptStyles in widget.ts). */
function styleRootOf(article: HTMLElement): void {
  const root = article.getRootNode();
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}

window.__parleyExtras = {
  openEdit: (host, article) => {
    styleRootOf(article);
    openEdit(host, article);
  },
  openReport: (api, article, onDone) => {
    styleRootOf(article);
    openReport(api, article, onDone);
  },
};
