import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  test('when nothing is set, then the defaults give a local SQLite server on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ provider: 'sqlite', url: 'file:./data/parley.db' });
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.trustProxy).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('when DATABASE_URL is a postgresql URL, then PostgreSQL is selected', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://parley@db:5432/parley' });
    expect(c.database.provider).toBe('postgresql');
  });

  test('when TRUST_PROXY is set, then it follows express trust proxy values', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
  });

  test.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['TRUST_PROXY', 'yes please!'],
    ['LOG_LEVEL', 'loud'],
    ['REDIS_URL', 'http://localhost'],
  ])('when %s is %s, then start-up fails with one line naming it', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(`Invalid configuration: ${variable} `)).toBe(true);
    expect(message).not.toContain('\n');
  });

  test('when only one of the admin variables is set, then start-up fails', () => {
    expect(() => loadConfig({ PARLEY_ADMIN_EMAIL: 'admin@example.com' })).toThrow(
      /PARLEY_ADMIN_PASSWORD/,
    );
  });
});
