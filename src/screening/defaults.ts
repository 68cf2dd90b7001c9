// Screening's settings are a site's settings: their one source of defaults is the site settings
// schema (src/contracts/site-settings.ts). The evaluation, the benchmark and the tests read
// their defaults from there too, so they measure what production runs.
import { readSiteSettings } from '../contracts/site-settings.js';
import type { ScreeningSettings } from './types.js';

/** A fresh copy of a new site's screening settings. */
export function defaultScreeningSettings(): ScreeningSettings {
  return readSiteSettings({});
}
