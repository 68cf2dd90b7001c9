// A settings PATCH is partial: it is merged into the stored settings (per attribute for
// toxicity rules) and the result validated with SiteSettingsSchema. Field errors are named
// settings.<key>[.<attribute>.<field>] so the dashboard can show them beside the input.
import { ValidationError, type FieldErrors } from '../errors.js';
import { SiteSettingsSchema } from '../contracts/site-settings.js';

type Json = Record<string, unknown>;

const KNOWN_KEYS = new Set(Object.keys(SiteSettingsSchema.shape));

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mergeSettings(stored: unknown, patch: Json): Json {
  const base: Json = isObject(stored) ? { ...stored } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'toxicity' && isObject(value) && isObject(base.toxicity)) {
      const rules: Json = { ...base.toxicity };
      for (const [attr, rule] of Object.entries(value))
        rules[attr] =
          isObject(rule) && isObject(rules[attr]) ? { ...(rules[attr] as Json), ...rule } : rule;
      base.toxicity = rules;
    } else {
      base[key] = value;
    }
  }
  return base;
}

/** Throws ValidationError naming every bad field; returns the settings to store (as sent, without defaults). */
export function assertValidSettings(settings: Json): Json {
  const fields: FieldErrors = {};
  for (const key of Object.keys(settings))
    if (!KNOWN_KEYS.has(key)) fields[`settings.${key}`] = 'Unknown setting.';
  const parsed = SiteSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      fields[`settings.${issue.path.join('.')}`] ??= issue.message;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  return settings;
}

/** Drops stored keys that are no longer settings, so an old typo never blocks a PATCH. */
export function knownSettings(stored: unknown): Json {
  return isObject(stored)
    ? Object.fromEntries(Object.entries(stored).filter(([k]) => KNOWN_KEYS.has(k)))
    : {};
}
