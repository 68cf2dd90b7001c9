// The author's editor and the Report chooser are used by few readers: they live in
// embed-extras.js, fetched after the first render (or on the first click), so embed.js stays
// small. That bundle gets the strings and ApiError of this one through window.__parleyShared
// (scripts/build-web.mjs points its imports of strings.js and api-error.js there), so it speaks
// the widget's language and its `instanceof ApiError` checks hold.
import { ApiError } from '../shared/api-error.js';
import type { openEdit } from './edit.js';
import { loadScript } from './load-script.js';
import type { openReport } from './report.js';
import { activeLang, t, tn } from './strings.js';

export interface Extras {
  openEdit: typeof openEdit;
  openReport: typeof openReport;
}

declare global {
  interface Window {
    /** Set by embed-extras.js when it runs. */
    __parleyExtras?: Extras;
    /** What embed-extras.js borrows from embed.js. */
    __parleyShared?: {
      t: typeof t;
      tn: typeof tn;
      activeLang: typeof activeLang;
      ApiError: typeof ApiError;
    };
  }
}

let loading: Promise<Extras> | null = null;

export function loadExtras(apiBase: string): Promise<Extras> {
  window.__parleyShared ??= { t, tn, activeLang, ApiError };
  loading ??= loadScript(`${apiBase}/embed-extras.js?v=${encodeURIComponent(__PARLEY_VERSION__)}`)
    .then(() => window.__parleyExtras ?? Promise.reject(new Error('no embed-extras.js')))
    // A failed load may be tried again on the next click.
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}
