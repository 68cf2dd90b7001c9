import type { Phase, PhaseOutcome } from './phase.js';

/** More than this many comments from one IP or email in 10 minutes is a burst. */
export const BURST_LIMIT = 5;
/** WordPress' flood interval: a new comment less than 15 s after the last one. */
export const FLOOD_SECONDS = 15;

export const flood: Phase = ({ history, isEdit }) => {
  if (isEdit) return undefined;
  const out: PhaseOutcome = { decision: 'hold', reasons: [] };
  if (history.recentFromIp >= BURST_LIMIT) {
    out.reasons.push({
      code: 'BURST_IP',
      message: `${history.recentFromIp} comments from this IP in the last 10 minutes`,
    });
  }
  if (history.recentFromEmail >= BURST_LIMIT) {
    out.reasons.push({
      code: 'BURST_EMAIL',
      message: `${history.recentFromEmail} comments from this email in the last 10 minutes`,
    });
  }
  const since = history.secondsSinceLastFromIpOrEmail;
  if (since !== null && since < FLOOD_SECONDS) {
    out.reasons.push({
      code: 'FLOOD',
      message: `posted ${Math.round(since)} s after the previous comment, the minimum is ${FLOOD_SECONDS} s`,
    });
  }
  return out.reasons.length > 0 ? out : undefined;
};
