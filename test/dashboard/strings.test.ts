// The dashboard's wording: counts through Intl.PluralRules ("1 approved comment", never
// "1 approved comments"), and the site-deletion confirmation names everything it removes.
import { describe, expect, test } from 'vitest';
import { count, HISTORY, SITES } from '../../web/dashboard/strings.js';

describe('dashboard strings', () => {
  test('when a count is 1, then the singular is used; otherwise the plural, with thousands grouped', () => {
    expect(HISTORY.approved(1)).toBe('1 approved comment');
    expect(HISTORY.approved(2)).toBe('2 approved comments');
    expect(HISTORY.approved(0)).toBe('0 approved comments');
    expect(count(1200, 'reply', 'replies')).toBe('1,200 replies');
  });

  test('when a site is about to be deleted, then the confirmation lists what goes with it', () => {
    expect(SITES.deleteBody({ posts: 1, comments: 12, bans: 0, apiKeys: 2 })).toBe(
      'This removes the site with 1 post, 12 comments, 0 bans and 2 API keys. It cannot be undone.',
    );
  });
});
