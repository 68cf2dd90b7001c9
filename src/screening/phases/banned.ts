import { spam, type Phase } from './phase.js';

/** The caller found a ban; it decides between refusing and a silent hold, we mark it spam. */
export const banned: Phase = ({ banned: ban }) =>
  ban ? spam('BANNED', `banned ${ban.kind}: ${ban.value}`, [ban.value]) : undefined;
