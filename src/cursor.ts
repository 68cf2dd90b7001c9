// Page cursors: keyset positions (createdAt, id) for threads, queues and the audit log, and
// offsets for ranked pages, as opaque base64url strings. A cursor that does not decode to a
// real position is a 400 on the `cursor` field, never a query with an impossible date.
import { ValidationError } from './errors.js';

export interface KeysetPosition {
  createdAt: Date;
  id: string;
}

/** Dates a cursor may hold: the years a comment can have been written in. */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

export class InvalidCursorError extends ValidationError {
  constructor() {
    super({ cursor: 'That page cursor is not valid.' });
  }
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt.getTime()}.${position.id}`).toString('base64url');
}

/** The position in `cursor`; throws InvalidCursorError when it is not one. */
export function decodeCursor(cursor: string): KeysetPosition {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(raw);
  const ms = m ? Number(m[1]) : NaN;
  if (!m || !(ms >= EARLIEST && ms <= LATEST)) throw new InvalidCursorError();
  return { createdAt: new Date(ms), id: m[2]! };
}

/** An optional cursor: null when absent. */
export function decodeOptionalCursor(cursor: string | undefined): KeysetPosition | null {
  return cursor ? decodeCursor(cursor) : null;
}

export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffset(cursor: string): number {
  const m = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new InvalidCursorError();
  return Number(m[1]);
}
