import type { Reason } from '../types.js';
import type { Phase, PhaseOutcome } from './phase.js';

/**
 * What the remote providers said about spam, and what it means when one failed: never publish
 * unscreened, hold unless the site chose fail-open. (Their toxicity scores go through the
 * toxicity phase, with Parley's own.)
 */
export const remoteProviders: Phase = ({ remote, settings }) => {
  const out: PhaseOutcome = { decision: 'approve', reasons: [] };
  for (const r of remote) {
    if (r.error) {
      const reason: Reason = {
        code: 'PROVIDER_FAILED',
        message: `${r.error}; ${settings.failOpen ? 'published without it (fail-open)' : 'held for a moderator'}`,
      };
      out.reasons.push(reason);
      if (!settings.failOpen && out.decision === 'approve') out.decision = 'hold';
      continue;
    }
    out.reasons.push(...(r.verdict?.reasons ?? []));
    if (r.verdict?.spam === 'spam' || r.verdict?.spam === 'discard') out.decision = 'spam';
  }
  return out.reasons.length > 0 || out.decision !== 'approve' ? out : undefined;
};
