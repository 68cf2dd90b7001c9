// Request shapes of the export and commenter-data routes (/api/admin/…).
import { z } from 'zod';
import { CommenterEmail } from './commenter-data.service.js';
import { EXPORT_FORMATS } from './export.service.js';

export const ExportParams = z.object({ site: z.string().trim().min(1).max(200) });

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'Choose the format: parley or wxr.' }).default('parley'),
});

/** POST, not GET: the email stays out of URLs, and so out of access logs and browser history. */
export const CommenterExportBody = z.object({ email: CommenterEmail });

export const CommenterEraseBody = z.object({
  email: CommenterEmail,
  /** true: the comments' text goes too; false: it stays, signed "Deleted user". */
  removeBodies: z.boolean({ error: 'Say whether the comments’ text goes too (true or false).' }),
  /** Erasure cannot be undone: the caller must say so. */
  confirm: z.literal(true, { error: 'Erasure cannot be undone: send "confirm": true.' }),
});
