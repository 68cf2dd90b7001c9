// The JSON columns that hold plain lists (Site.allowedOrigins, User.siteIds), read through one
// zod schema each instead of trusting a cast: a malformed value reads as an empty list.
import { z } from 'zod';

const StringList = z.array(z.string()).catch([]);

/** Site.allowedOrigins, User.siteIds: a list of strings, or [] for anything else stored. */
export function readStringList(stored: unknown): string[] {
  return StringList.parse(stored);
}
