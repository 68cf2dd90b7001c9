// Entry of embed-extras.js (see extras-loader.ts): the author's editor and the Report chooser.
import { openEdit } from './edit.js';
import { openReport } from './report.js';

window.__parleyExtras = { openEdit, openReport };
