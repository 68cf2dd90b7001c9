import { spam, type Phase } from './phase.js';

/** The same body from the same email or IP on the same post (WordPress checks this first). */
export const duplicate: Phase = ({ history, isEdit }) =>
  !isEdit && history.duplicateOnPost
    ? spam('DUPLICATE', 'the same comment was already posted on this post')
    : undefined;
