// Runs once before the suite: makes sure the clients are generated and clears old artifacts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'src/generated/sqlite/client.ts'))) {
    execFileSync(process.execPath, [join(root, 'scripts/generate-client.mjs')], { stdio: 'inherit' });
  }
  rmSync(join(root, 'test-artifacts/public-responses'), { recursive: true, force: true });
  mkdirSync(join(root, 'test-artifacts/public-responses'), { recursive: true });
}
