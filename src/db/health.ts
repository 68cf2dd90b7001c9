// Is the database there? One round trip, given up after `deadlineMs`: a probe that hangs is as
// bad as a server that does.
import type { Db } from './database.js';

export async function pingDatabase(db: Db, deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database did not answer in time')), deadlineMs);
  });
  try {
    await Promise.race([db.$queryRawUnsafe('SELECT 1'), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
