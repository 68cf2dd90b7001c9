import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  collect,
  expectedRecords,
  fixturePath,
  fixtureStream,
  textStream,
} from '../../../test/helpers/import-records.js';
import { readCommentoExport } from './commento.js';
import { ImportFormatError } from './format-error.js';

const exported = readFileSync(fixturePath('commento-export.json'), 'utf8');
const spools = () => readdirSync(tmpdir()).filter((name) => name.startsWith('parley-commento-'));

async function failure(input: string): Promise<ImportFormatError> {
  const err = await collect(readCommentoExport(textStream(input, 40))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFormatError);
  return err as ImportFormatError;
}

describe('Commento export reader', () => {
  test('when the fixture is read, then it yields exactly the expected records and leaves no spool file behind', async () => {
    const before = spools().length;
    expect(await collect(readCommentoExport(fixtureStream('commento-export.json')))).toEqual(
      expectedRecords('commento-export.expected.json'),
    );
    expect(spools().length).toBe(before);
  });

  test('when the export is the gzip Commento mails, in small chunks, then it reads the same', async () => {
    expect(await collect(readCommentoExport(textStream(gzipSync(exported), 17)))).toEqual(
      expectedRecords('commento-export.expected.json'),
    );
  });

  test('when the commenters come before the comments, then the same records come straight through, each thread before its comments', async () => {
    const doc = JSON.parse(exported) as {
      version: number;
      comments: unknown[];
      commenters: unknown[];
    };
    const reordered = JSON.stringify({
      version: doc.version,
      commenters: doc.commenters,
      comments: doc.comments,
    });
    const records = await collect(readCommentoExport(textStream(reordered, 64)));
    const byKey = (list: { type: string; sourceId: string | null }[]) =>
      [...list].sort((a, b) => `${a.type}${a.sourceId}`.localeCompare(`${b.type}${b.sourceId}`));
    expect(byKey(records)).toEqual(byKey(expectedRecords('commento-export.expected.json')));
    expect(records.map((r) => r.type).slice(0, 3)).toEqual(['thread', 'comment', 'comment']);
  });

  test('when the JSON is pretty-printed and broken on line 3, then the error names line 3', async () => {
    const err = await failure('{\n  "version": 1,\n  "comments": [1,,2]\n}\n');
    expect(err.line).toBe(3);
  });

  test('when the export is cut off, then it is refused as truncated', async () => {
    const err = await failure(exported.slice(0, 900));
    expect(err.detail).toMatch(/truncated/);
  });

  test('when the file is a JSON array or not JSON, then it is refused', async () => {
    expect((await failure('[{"commentHex":"a"}]')).detail).toMatch(/not a JSON object/);
    expect((await failure('<?xml version="1.0"?><disqus/>')).format).toBe('commento');
  });

  test('when the export version is not 1, then it is refused', async () => {
    expect((await failure('{"version":2,"comments":[],"commenters":[]}')).detail).toMatch(
      /version 2/,
    );
  });

  test('when the reader is stopped early while spooling, then the spool file is removed', async () => {
    const before = spools().length;
    for await (const record of readCommentoExport(fixtureStream('commento-export.json'))) {
      if (record.type === 'thread') break;
    }
    expect(spools().length).toBe(before);
  });
});
