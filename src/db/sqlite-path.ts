import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** file:./data/parley.db → an absolute path, creating its folder. Relative to the working directory. */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, '').split('?')[0]!;
  const path = resolve(process.cwd(), raw);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
