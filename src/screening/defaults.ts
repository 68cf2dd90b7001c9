// Screening's settings are a site's settings: their one source of defaults is the site settings
// schema (src/contracts/site-settings.ts). The evaluation, the benchmark and the tests read
// their defaults from there too, so they measure what production runs.
import { readSiteSettings } from '../contracts/site-settings.js';
import type { ScreeningSettings } from './types.js';

/** Classifier probability at or above this holds the comment (spamThreshold marks it spam). */
export const SPAM_HOLD_THRESHOLD = 0.6;

/** A fresh copy of a new site's screening settings. */
export function defaultScreeningSettings(): ScreeningSettings {
  return readSiteSettings({});
}
