// Screening of imported comments, when a run asks for it: the site's own screener, fed what the
// source kept. The client is unknown (no form token, no user agent), so the form checks that
// only a live submit can pass are not asked for.
import type { Screener } from '../screening/index.js';
import type { ScreenImported } from './import-write.js';

export function screenImportedWith(screener: Screener): ScreenImported {
  return async ({ site, post, record, body, authorHash, ipHash, contentHash }) => {
    const outcome = await screener.screen({
      site,
      post,
      author: {
        name: record.authorName,
        email: record.authorEmail ?? '',
        website: record.authorWebsite,
        hash: authorHash,
      },
      body,
      ipHash,
      contentHash,
      client: { ip: record.authorIp ?? '', userAgent: null, referrer: null },
      now: new Date(),
    });
    return {
      status: outcome.status,
      details: outcome.details,
      toxicityScore: outcome.toxicityScore,
      spamScore: outcome.spamScore,
      toxic: outcome.toxic,
    };
  };
}
