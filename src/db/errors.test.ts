import { expect, test } from 'vitest';
import { isDatabaseUnavailable, isUniqueViolation } from './errors.js';

const adapterError = (cause: object) =>
  Object.assign(
    new Error(
      '\nInvalid `db.comment.create()` invocation:\n\n{ data: { body: "…" } }\n\nsome reason',
    ),
    { code: 'P2010', meta: { driverAdapterError: { cause } } },
  );

test('when the pool cannot connect, a query times out or the server is busy, then the database counts as unavailable', () => {
  expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
  expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  // pg-pool's wait for a free connection, raised bare inside an interactive transaction
  expect(isDatabaseUnavailable(new Error('timeout expired'))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(true);
  expect(isDatabaseUnavailable(adapterError({ kind: 'ConnectionClosed' }))).toBe(true);
  expect(isDatabaseUnavailable(adapterError({ kind: 'TooManyConnections' }))).toBe(true);
  expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '57014' }))).toBe(true); // statement timeout
  expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '40P01' }))).toBe(true); // deadlock
  // node-postgres's own errors (the hot path's direct SQL)
  expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57014' }))).toBe(true);
  expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
});

test("when the error is the request's own (a constraint, bad input), then it is not an outage", () => {
  expect(isDatabaseUnavailable(adapterError({ kind: 'UniqueConstraintViolation' }))).toBe(false);
  expect(isDatabaseUnavailable(adapterError({ kind: 'postgres', code: '22P05' }))).toBe(false);
  expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
  expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
  expect(isUniqueViolation(adapterError({ kind: 'UniqueConstraintViolation' }))).toBe(true);
  expect(isUniqueViolation(Object.assign(new Error('x'), { code: 'P2002' }))).toBe(true);
});
