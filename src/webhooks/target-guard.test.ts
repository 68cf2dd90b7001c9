import { expect, test } from 'vitest';
import {
  isPrivateAddress,
  literalPrivateHost,
  PrivateTargetError,
  publicOnlyLookup,
} from './target-guard.js';

test('private, loopback, link-local and reserved addresses are private; public ones are not', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.0.10',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ]) {
    expect(isPrivateAddress(a), a).toBe(true);
  }
  for (const a of [
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    'example.org',
  ]) {
    expect(isPrivateAddress(a), a).toBe(false);
  }
});

test('a URL naming a private host outright is found without DNS', () => {
  expect(literalPrivateHost('http://127.0.0.1:5432/')).toBe('127.0.0.1');
  expect(literalPrivateHost('http://[::1]/x')).toBe('::1');
  expect(literalPrivateHost('http://LOCALHOST:6379/')).toBe('localhost');
  expect(literalPrivateHost('http://db.localhost/')).toBe('db.localhost');
  expect(literalPrivateHost('https://hooks.example.org/x')).toBeNull();
});

test('a name that resolves to a loopback address is refused by the lookup', async () => {
  const err = await new Promise<unknown>((resolve) =>
    publicOnlyLookup('localhost', {}, (e) => resolve(e)),
  );
  expect(err).toBeInstanceOf(PrivateTargetError);
  expect((err as PrivateTargetError).message).toMatch(/is a private or loopback address/);
});
