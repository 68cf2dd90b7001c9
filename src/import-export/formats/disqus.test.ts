import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  collect,
  expectedRecords,
  fixturePath,
  fixtureStream,
  textStream,
} from '../../../test/helpers/import-records.js';
import { readDisqusExport } from './disqus.js';
import { ImportFormatError } from './format-error.js';

const xml = readFileSync(fixturePath('disqus.xml'), 'utf8');

async function failure(input: string): Promise<ImportFormatError> {
  const err = await collect(readDisqusExport(textStream(input, 64))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFormatError);
  return err as ImportFormatError;
}

describe('Disqus export reader', () => {
  test('when the fixture is read, then it yields exactly the expected records in file order', async () => {
    expect(await collect(readDisqusExport(fixtureStream('disqus.xml')))).toEqual(
      expectedRecords('disqus.expected.json'),
    );
  });

  test('when the file arrives in 7-byte chunks, then CDATA, entities and UTF-8 split across chunks read the same', async () => {
    expect(await collect(readDisqusExport(textStream(xml, 7)))).toEqual(
      expectedRecords('disqus.expected.json'),
    );
  });

  test('when the export is gzipped as Disqus mails it, then it is read without unpacking first', async () => {
    expect(await collect(readDisqusExport(textStream(gzipSync(xml), 1000)))).toEqual(
      expectedRecords('disqus.expected.json'),
    );
  });

  test('when a reply precedes its parent and a post precedes its thread, then both come in file order with source ids only', async () => {
    const records = await collect(readDisqusExport(fixtureStream('disqus.xml')));
    const order = records.map((r) => `${r.type}:${r.sourceId}`);
    expect(order.indexOf('comment:9002')).toBeLessThan(order.indexOf('comment:9003'));
    expect(order.indexOf('comment:9009')).toBeLessThan(order.indexOf('thread:7005'));
    expect(records.find((r) => r.sourceId === '9002')).toMatchObject({
      parentSourceId: '9003',
      threadSourceId: '7001',
    });
  });

  test('when the file is not XML at all, then one ImportFormatError names line 1', async () => {
    const err = await failure('{"version": 1, "comments": []}');
    expect(err.format).toBe('disqus');
    expect(err.line).toBe(1);
  });

  test('when the file is cut off inside a post, then one ImportFormatError names its last line', async () => {
    const cut = xml.slice(0, xml.indexOf('<post dsq:id="9004">') + 60);
    const err = await failure(cut);
    expect(err.line).toBe(cut.split('\n').length);
    expect(err.message).toMatch(/line \d+/);
  });

  test('when the root element is not <disqus>, then it is refused as another format', async () => {
    const err = await failure('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>');
    expect(err.detail).toMatch(/root element is <rss>/);
  });

  test('when a post lacks ids, a thread or a valid flag, then each is skipped with its reason and line', async () => {
    const records = await collect(
      readDisqusExport(
        textStream(`<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<post><message>no ids</message><createdAt>2020-01-01T00:00:00Z</createdAt></post>
<post dsq:id="2"><message>no thread</message><createdAt>2020-01-01T00:00:00Z</createdAt></post>
<post dsq:id="3"><createdAt>2020-01-01T00:00:00Z</createdAt><isSpam>123</isSpam><thread dsq:id="1"/></post>
</disqus>`),
      ),
    );
    expect(records).toEqual([
      {
        type: 'skipped',
        sourceId: null,
        entity: 'comment',
        reason: 'post has neither dsq:id nor <id>',
        line: 2,
      },
      {
        type: 'skipped',
        sourceId: '2',
        entity: 'comment',
        reason: 'post names no <thread dsq:id>',
        line: 3,
      },
      {
        type: 'skipped',
        sourceId: '3',
        entity: 'comment',
        reason: 'isSpam/isDeleted is neither true nor false',
        line: 4,
      },
    ]);
  });

  test('when one post is larger than the entry limit, then it is skipped instead of buffered', async () => {
    const huge = 'x'.repeat(4 * 1024 * 1024 + 10);
    const records = await collect(
      readDisqusExport(
        textStream(
          `<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><post dsq:id="1"><message>${huge}</message></post></disqus>`,
          65536,
        ),
      ),
    );
    expect(records).toEqual([
      {
        type: 'skipped',
        sourceId: '1',
        entity: 'comment',
        reason: 'entry is longer than 4194304 characters',
        line: 1,
      },
    ]);
  });

  test('when elements nest thousands deep, then the file is refused at once, naming the limit', async () => {
    // 20,000 nested empty elements in one post blocked the server for 13 s
    const t0 = performance.now();
    const err = await failure(
      `<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><post dsq:id="1">${'<x>'.repeat(20_000)}`,
    );
    expect(err.message).toMatch(/nested deeper than 200 levels/);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
