import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderCommentBody } from '../../comments/render.js';
import {
  collect,
  expectedRecords,
  fixturePath,
  fixtureStream,
  textStream,
} from '../../../test/helpers/import-records.js';
import { ImportFormatError } from './format-error.js';
import { wordpressAutop } from './wp-autop.js';
import { readWxr } from './wxr.js';

const xml = readFileSync(fixturePath('wxr.xml'), 'utf8');

describe('WXR reader', () => {
  test('when the fixture is read, then it yields exactly the expected records', async () => {
    expect(await collect(readWxr(fixtureStream('wxr.xml')))).toEqual(
      expectedRecords('wxr.expected.json'),
    );
  });

  test('when the file arrives in 7-byte chunks, then the records are the same', async () => {
    expect(await collect(readWxr(textStream(xml, 7)))).toEqual(
      expectedRecords('wxr.expected.json'),
    );
  });

  test('when comment_approved is 1, 0, spam, trash or post-trashed, then it maps to approved, pending, spam and deleted', async () => {
    const records = await collect(readWxr(fixtureStream('wxr.xml')));
    const status = (id: string) => records.find((r) => r.type === 'comment' && r.sourceId === id);
    expect(status('101')).toMatchObject({ status: 'approved', parentSourceId: null });
    expect(status('104')).toMatchObject({ status: 'pending' });
    expect(status('105')).toMatchObject({ status: 'spam' });
    expect(status('106')).toMatchObject({ status: 'deleted' });
    expect(status('107')).toMatchObject({ kind: 'pingback' });
    expect(status('108')).toMatchObject({ kind: 'trackback' });
  });

  test('when the file uses the WXR 1.0 namespace and leaves out the post id, then the permalink stands in', async () => {
    const records = await collect(
      readWxr(
        textStream(`<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.0/"><channel><item>
<title>Old</title><link>http://old.example/?p=4</link>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Anon</wp:comment_author><wp:comment_date_gmt>2010-01-01 10:00:00</wp:comment_date_gmt>
<wp:comment_content>hi</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`),
      ),
    );
    expect(records.map((r) => [r.type, r.sourceId])).toEqual([
      ['thread', 'http://old.example/?p=4'],
      ['comment', '1'],
    ]);
  });

  test('when the file is not XML, cut off, or another XML format, then one ImportFormatError with a line', async () => {
    const cases: [string, RegExp, number][] = [
      // saxes notices stray text where the text ends: here on line 2.
      ['WordPress export\nnot really', /outside of root/, 2],
      [
        xml.slice(0, xml.indexOf('<wp:comment_id>104')),
        /unclosed tag/,
        xml.slice(0, xml.indexOf('<wp:comment_id>104')).split('\n').length,
      ],
      ['<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com"/>', /root element is <disqus>/, 2],
    ];
    for (const [input, detail, line] of cases) {
      const err = await collect(readWxr(textStream(input, 128))).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportFormatError);
      expect((err as ImportFormatError).detail).toMatch(detail);
      expect((err as ImportFormatError).line).toBe(line);
    }
  });
});

describe('wordpressAutop', () => {
  test('when a comment has blank lines and single newlines, then they become paragraphs and <br />', () => {
    expect(wordpressAutop('one\ntwo\n\nthree')).toBe('<p>one<br />\ntwo</p>\n<p>three</p>');
  });

  test('when a comment has no newline, then it is left as it is', () => {
    expect(wordpressAutop('<p>a</p><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  test('when text runs into a block tag, then the paragraph goes inside the block', () => {
    expect(wordpressAutop('<blockquote>quoted\n\nmore</blockquote>\nreply')).toBe(
      '<blockquote><p>quoted</p>\n<p>more</p></blockquote>\n<p>reply</p>',
    );
  });

  test('when a <pre> holds blank lines, then they are kept', () => {
    expect(wordpressAutop('see\n<pre>x\n\ny</pre>')).toBe('<p>see</p>\n<pre>x\n\ny</pre>');
  });

  test("when the input is Parley's rendered HTML, then it is unchanged", () => {
    const html = renderCommentBody(
      'Hi *there*\nsecond line\n\n- a\n- b\n\n> quote\n\n```\ncode\n\nblock\n```\n\n1. one',
    );
    expect(wordpressAutop(html)).toBe(html);
  });
});
