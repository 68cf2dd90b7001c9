import type { ScreeningSettings } from './types.js';

/** Classifier probability at or above this holds the comment (spamThreshold marks it spam). */
export const SPAM_HOLD_THRESHOLD = 0.6;

/** Per-site defaults; the caller merges stored site settings over these. */
export const DEFAULT_SCREENING_SETTINGS: Readonly<ScreeningSettings> =
  Object.freeze<ScreeningSettings>({
    linkLimit: 2,
    moderationWords: [],
    disallowedWords: [],
    minSubmitSeconds: 3,
    toxicity: {
      TOXICITY: { threshold: 0.8, action: 'hold' },
      SEVERE_TOXICITY: { threshold: 0.9, action: 'hold' },
      THREAT: { threshold: 0.8, action: 'hold' },
      IDENTITY_ATTACK: { threshold: 0.8, action: 'hold' },
      INSULT: { threshold: 0.8, action: 'hold' },
      PROFANITY: { threshold: 0.95, action: 'off' },
    },
    spamThreshold: 0.9,
    trustApprovedAuthors: true,
  });

/** A fresh mutable copy of the defaults (the nested objects are not shared). */
export function defaultScreeningSettings(): ScreeningSettings {
  return structuredClone(DEFAULT_SCREENING_SETTINGS) as ScreeningSettings;
}
