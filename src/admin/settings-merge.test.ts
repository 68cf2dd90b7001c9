import { describe, expect, test } from 'vitest';
import { ValidationError } from '../errors.js';
import { assertValidSettings, knownSettings, mergeSettings } from './settings-merge.js';

describe('site settings merge', () => {
  test('when a patch names one toxicity field, then the other fields of that rule are kept', () => {
    const stored = {
      maxDepth: 3,
      toxicity: { INSULT: { threshold: 0.6, action: 'hold' }, THREAT: { action: 'reject' } },
    };
    const merged = mergeSettings(stored, {
      toxicity: { INSULT: { action: 'reject' } },
      hideReported: true,
    });
    expect(merged).toEqual({
      maxDepth: 3,
      hideReported: true,
      toxicity: { INSULT: { threshold: 0.6, action: 'reject' }, THREAT: { action: 'reject' } },
    });
  });

  test('when a setting is unknown or out of range, then the error names settings.<field>', () => {
    let error: unknown;
    try {
      assertValidSettings({ linkLimit: -1, nope: 1 });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields!).sort()).toEqual([
      'settings.linkLimit',
      'settings.nope',
    ]);
  });

  test('when stored settings hold a key that no longer exists, then it is dropped before merging', () => {
    expect(knownSettings({ oldKey: 1, maxDepth: 2 })).toEqual({ maxDepth: 2 });
    expect(knownSettings(null)).toEqual({});
  });
});
