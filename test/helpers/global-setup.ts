// Runs once before the suite: generated clients, a fresh build (child-process tests start
// dist/ as `npm start` does, so they must not race to rebuild it), clean artifacts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'src/generated/sqlite/client.ts'))) {
    execFileSync(process.execPath, [join(root, 'scripts/generate-client.mjs')], {
      stdio: 'inherit',
    });
  }
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(join(root, 'test-artifacts/public-responses'), { recursive: true, force: true });
  mkdirSync(join(root, 'test-artifacts/public-responses'), { recursive: true });
}
