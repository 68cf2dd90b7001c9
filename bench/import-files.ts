// Generated export files for the import benchmark: Disqus XML and WordPress WXR with `comments`
// comments over threads of THREAD_SIZE, a third of them replies (some several levels deep),
// written as a stream so a million comments never sit in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const THREAD_SIZE = 25;

async function writeAll(path: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) if (!out.write(part)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function iso(i: number): string {
  return new Date(Date.UTC(2015, 0, 1) + i * 60_000).toISOString().replace('.000', '');
}

function* disqus(comments: number): Generator<string> {
  const threads = Math.ceil(comments / THREAD_SIZE);
  yield '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n';
  for (let t = 1; t <= threads; t++)
    yield `  <thread dsq:id="t${t}">\n    <id>post-${t}</id>\n    <forum>bench</forum>\n    <link>https://bench.example.com/${2015 + (t % 9)}/post-${t}/</link>\n    <title>Post number ${t}</title>\n    <message/>\n    <createdAt>${iso(t)}</createdAt>\n    <author><email>editor@bench.example.com</email><name>Editor</name><isAnonymous>false</isAnonymous></author>\n    <ipAddress>203.0.113.1</ipAddress>\n    <isClosed>${t % 50 === 0}</isClosed>\n    <isDeleted>false</isDeleted>\n  </thread>\n`;
  for (let i = 1; i <= comments; i++) {
    const t = Math.ceil(i / THREAD_SIZE);
    const first = (t - 1) * THREAD_SIZE + 1;
    const parent =
      i > first && i % 3 === 0
        ? `\n    <parent dsq:id="${Math.max(first, i - 1 - (i % 2))}"/>`
        : '';
    yield `  <post dsq:id="${i}">\n    <id/>\n    <message><![CDATA[<p>Comment ${i}: this is <b>a fairly ordinary</b> comment, with <a href="https://example.org/${i}">a link</a> and a second sentence.</p><p>Another paragraph.</p>]]></message>\n    <createdAt>${iso(i + 1000)}</createdAt>\n    <isDeleted>${i % 97 === 0}</isDeleted>\n    <isSpam>${i % 89 === 0}</isSpam>\n    <author><email>reader${i % 5000}@example.net</email><name>Reader ${i % 5000}</name><isAnonymous>false</isAnonymous></author>\n    <ipAddress>198.51.${(i >> 8) % 250}.${i % 250}</ipAddress>\n    <thread dsq:id="t${t}"/>${parent}\n  </post>\n`;
  }
  yield '</disqus>\n';
}

function wpDate(i: number): string {
  return iso(i).replace('T', ' ').replace('Z', '');
}

function* wxr(comments: number): Generator<string> {
  const threads = Math.ceil(comments / THREAD_SIZE);
  yield '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench</title>\n<link>https://bench.example.com</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>https://bench.example.com</wp:base_site_url>\n<wp:base_blog_url>https://bench.example.com</wp:base_blog_url>\n';
  let i = 0;
  for (let t = 1; t <= threads; t++) {
    yield `<item>\n<title><![CDATA[Post number ${t}]]></title>\n<link>https://bench.example.com/${2015 + (t % 9)}/post-${t}/</link>\n<guid isPermaLink="false">https://bench.example.com/?p=${t}</guid>\n<content:encoded><![CDATA[<p>Body</p>]]></content:encoded>\n<wp:post_id>${t}</wp:post_id>\n<wp:post_date><![CDATA[${wpDate(t)}]]></wp:post_date>\n<wp:post_date_gmt><![CDATA[${wpDate(t)}]]></wp:post_date_gmt>\n<wp:comment_status><![CDATA[${t % 50 === 0 ? 'closed' : 'open'}]]></wp:comment_status>\n<wp:post_name><![CDATA[post-${t}]]></wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n<wp:post_type><![CDATA[post]]></wp:post_type>\n`;
    const first = i + 1;
    for (let n = 0; n < THREAD_SIZE && i < comments; n++) {
      i++;
      const parent = i > first && i % 3 === 0 ? Math.max(first, i - 1 - (i % 2)) : 0;
      const approved = i % 89 === 0 ? 'spam' : i % 97 === 0 ? 'trash' : i % 31 === 0 ? '0' : '1';
      yield `<wp:comment>\n<wp:comment_id>${i}</wp:comment_id>\n<wp:comment_author><![CDATA[Reader ${i % 5000}]]></wp:comment_author>\n<wp:comment_author_email><![CDATA[reader${i % 5000}@example.net]]></wp:comment_author_email>\n<wp:comment_author_url><![CDATA[]]></wp:comment_author_url>\n<wp:comment_author_IP><![CDATA[198.51.${(i >> 8) % 250}.${i % 250}]]></wp:comment_author_IP>\n<wp:comment_date><![CDATA[${wpDate(i + 1000)}]]></wp:comment_date>\n<wp:comment_date_gmt><![CDATA[${wpDate(i + 1000)}]]></wp:comment_date_gmt>\n<wp:comment_content><![CDATA[Comment ${i}: this is <strong>a fairly ordinary</strong> comment, with <a href="https://example.org/${i}">a link</a>.\n\nAnother paragraph.]]></wp:comment_content>\n<wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved>\n<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n<wp:comment_parent>${parent}</wp:comment_parent>\n</wp:comment>\n`;
    }
    yield '</item>\n';
  }
  yield '</channel>\n</rss>\n';
}

export function writeBenchFile(format: 'disqus' | 'wxr', comments: number, path: string) {
  return writeAll(path, format === 'disqus' ? disqus(comments) : wxr(comments));
}
