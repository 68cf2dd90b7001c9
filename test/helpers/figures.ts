// Figures a test measured (recovery times, requests sent, payloads tried), appended to
// test-artifacts/figures.jsonl so a run's numbers can be read back after it.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(import.meta.dirname, '../../test-artifacts/figures.jsonl');

export function recordFigure(name: string, value: number | string | Record<string, unknown>): void {
  mkdirSync(join(FILE, '..'), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify({ name, value, at: new Date().toISOString() })}\n`);
}
