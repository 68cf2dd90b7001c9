import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { InputBytesError, MAX_LINE_CHARS, textLines } from './text-input.js';

async function lines(input: Readable) {
  const out: Array<{ number: number; text: string; terminated: boolean }> = [];
  for await (const line of textLines(input)) out.push(line);
  return out;
}

const chunked = (data: Buffer | string, size: number) => {
  const bytes = Buffer.from(data);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

test('when lines arrive split across chunks, then each comes out whole, CRLF and the last unterminated one included', async () => {
  const text = 'first line\r\nsecond, longer line\n\nfourth';
  for (const size of [1, 3, 7, 1000])
    expect(await lines(chunked(text, size))).toEqual([
      { number: 1, text: 'first line', terminated: true },
      { number: 2, text: 'second, longer line', terminated: true },
      { number: 3, text: '', terminated: true },
      { number: 4, text: 'fourth', terminated: false },
    ]);
});

test('when a (compressed) file is one endless line, then reading stops at the line limit, quickly', async () => {
  // 56 KB of gzip once became a 600 MB line, searched again from its start for every chunk
  const endless = gzipSync(Buffer.alloc(MAX_LINE_CHARS + 1_000_000, 'x'));
  const t0 = performance.now();
  const err = await lines(chunked(endless, 65_536)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputBytesError);
  expect((err as Error).message).toBe(`line 1 is longer than ${MAX_LINE_CHARS} characters`);
  expect(performance.now() - t0).toBeLessThan(5_000);
});
