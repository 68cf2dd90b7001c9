import { describe, expect, test } from 'vitest';
import { collect, fixturePath, fixtureStream } from '../../../test/helpers/import-records.js';
import {
  readCommentoExport,
  readDisqusExport,
  readIssoDatabase,
  readRemark42Backup,
  readWxr,
} from './index.js';
import {
  type CommentRecord,
  ImportRecordSchema,
  type ImportRecord,
  type ThreadRecord,
  sourceKey,
} from './records.js';

const readers: [string, () => AsyncIterable<ImportRecord>][] = [
  ['disqus', () => readDisqusExport(fixtureStream('disqus.xml'))],
  ['wxr', () => readWxr(fixtureStream('wxr.xml'))],
  ['isso', () => readIssoDatabase(fixturePath('isso.db'))],
  ['remark42', () => readRemark42Backup(fixtureStream('remark42-backup.jsonl'))],
  ['commento', () => readCommentoExport(fixtureStream('commento-export.json'))],
];

describe('normalised records', () => {
  test.each(readers)(
    'when the %s fixture is read, then every record passes the record schema',
    async (_name, read) => {
      for (const record of await collect(read()))
        expect(ImportRecordSchema.parse(record)).toEqual(record);
    },
  );

  test('when threads and comments of one format share a source id, then their keys still differ', () => {
    const thread: ThreadRecord = {
      type: 'thread',
      sourceId: '7',
      url: '/x',
      title: null,
      identifier: null,
      closed: false,
      createdAt: null,
    };
    const comment: CommentRecord = {
      type: 'comment',
      sourceId: '7',
      threadSourceId: '7',
      parentSourceId: null,
      authorName: 'A',
      authorEmail: null,
      authorWebsite: null,
      authorIp: null,
      body: '',
      bodyFormat: 'markdown',
      createdAt: new Date(0),
      status: 'approved',
      kind: 'comment',
    };
    expect(sourceKey('isso', thread)).toBe('isso:thread:7');
    expect(sourceKey('isso', comment)).toBe('isso:comment:7');
  });
});
