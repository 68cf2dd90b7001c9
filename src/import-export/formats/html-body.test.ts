import { describe, expect, test } from 'vitest';
import { renderCommentBody } from '../../comments/render.js';
import { htmlToMarkdown, textToMarkdown, toParleyMarkdown } from './html-body.js';

describe('HTML bodies to Parley Markdown', () => {
  test('when a body has paragraphs, breaks, emphasis, strong and code, then each has its Markdown form', () => {
    expect(
      htmlToMarkdown(
        '<p>Hello <b>bold</b> and <i>it</i><br>next line</p><p>with <code>x = 1</code></p>',
      ),
    ).toBe('Hello **bold** and *it*\nnext line\n\nwith `x = 1`');
  });

  test('when a body has quotes, nested lists and a numbered list with a start, then they stay quotes and lists', () => {
    expect(
      htmlToMarkdown(
        '<blockquote><p>quoted</p><p>two</p></blockquote><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><ol start="3"><li>three</li><li>four</li></ol>',
      ),
    ).toBe('> quoted\n>\n> two\n\n- one\n- two\n  - nested\n\n3. three\n4. four');
  });

  test('when a code block holds blank lines or backticks, then it becomes a fence long enough to hold them', () => {
    expect(htmlToMarkdown('<pre><code class="language-js">a\n\n```\nb\n</code></pre>')).toBe(
      '````\na\n\n```\nb\n````',
    );
    expect(htmlToMarkdown('<pre class="chroma"><span>x</span>\n<span>y</span></pre>')).toBe(
      '```\nx\ny\n```',
    );
  });

  test('when a body carries script, style, iframe, forms or event handlers, then none of it survives, not even as text', () => {
    const md = htmlToMarkdown(
      '<p onclick="steal()">hi</p><script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.example"></iframe><form><input value="x"><button>go</button></form><img src="x.png" onerror="alert(2)">',
    );
    expect(md).toBe('hi');
  });

  test('when links use javascript:, data: or a scheme hidden by control characters, then only their text remains', () => {
    expect(
      htmlToMarkdown(
        '<a href="javascript:alert(1)">one</a> <a href=" JaVa\tScRiPt:alert(2)">two</a> <a href="data:text/html,x">three</a> <a href="vbscript:x">four</a>',
      ),
    ).toBe('one two three four');
  });

  test('when links are http(s), mailto, relative or bare, then they become Markdown links or plain URLs', () => {
    const md = htmlToMarkdown(
      '<a href="https://e.com/a(b) c">paren</a> <a href="/rel">rel</a> <a href="https://e.com/">https://e.com/</a> <a href="mailto:a@b.c">mail</a>',
      {
        baseUrl: 'https://blog.example/post/',
      },
    );
    expect(md).toBe(
      '[paren](https://e.com/a%28b%29%20c) [rel](https://blog.example/rel) https://e.com/ [mail](mailto:a@b.c)',
    );
    expect(htmlToMarkdown('<a href="/rel">rel</a>')).toBe('rel');
  });

  test('when a body has headings, images and rules Parley does not render, then they become bold text, links and breaks', () => {
    expect(
      htmlToMarkdown(
        '<h2>Title</h2><p>a</p><hr><p><img alt="cat" src="https://e.com/cat.png"></p>',
      ),
    ).toBe('**Title**\n\na\n\n[cat](https://e.com/cat.png)');
  });

  test('when text looks like Markdown or HTML, then it is escaped so it shows as typed', () => {
    const md = htmlToMarkdown(
      '<p>* not a list</p><p>1. not ordered</p><p>&lt;script&gt;alert(1)&lt;/script&gt; and **stars**</p>',
    );
    expect(renderCommentBody(md)).toBe(
      '<p>* not a list</p>\n<p>1. not ordered</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt; and **stars**</p>',
    );
  });

  test('when hostile HTML is converted and then rendered by Parley, then the result has no active markup', () => {
    const hostile = [
      '<svg onload=alert(1)><circle/></svg>',
      '<a href="javascript:alert(1)"><b>x</b></a>',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<object data="x.swf"></object><embed src="x.swf"><noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<a href="https://ok.example" onmouseover="alert(1)" style="position:fixed">ok</a>',
    ];
    for (const html of hostile) {
      const rendered = renderCommentBody(htmlToMarkdown(html));
      // Escaped text may read "onerror=…"; what matters is the tags that were actually produced.
      for (const [tag, name] of rendered.matchAll(/<\/?([a-z0-9]+)[^>]*>/gi)) {
        expect([
          'p',
          'br',
          'a',
          'em',
          'strong',
          'code',
          'pre',
          'blockquote',
          'ul',
          'ol',
          'li',
        ]).toContain(name!.toLowerCase());
        expect(tag).not.toMatch(/\son\w+=|javascript:|style=/i);
      }
    }
  });

  test('when the body is plain text or Markdown, then text is escaped and Markdown is passed on', () => {
    expect(textToMarkdown('a *b* _c_\n# not heading')).toBe('a \\*b\\* \\_c\\_\n\\# not heading');
    expect(toParleyMarkdown('**kept**\r\nline', 'markdown')).toBe('**kept**\nline');
    expect(toParleyMarkdown('<p>x</p>', 'html')).toBe('x');
    expect(toParleyMarkdown('   ', 'html')).toBe('');
  });
});

test('when a body nests tags thousands deep, then it is read as its text, quickly', () => {
  const deep = `${'<div>'.repeat(50_000)}deep <b>text</b>${'</div>'.repeat(50_000)}`;
  const t0 = performance.now();
  expect(htmlToMarkdown(deep)).toBe('deep text');
  expect(performance.now() - t0).toBeLessThan(2_000);
  // ordinary nesting is still converted as HTML
  expect(htmlToMarkdown('<blockquote><p><em>quoted</em></p></blockquote>')).toBe('> *quoted*');
});

test('when a code block holds hundreds of thousands of backtick runs, then its fence is still longer than any', () => {
  // Math.max(...runs) overflowed the argument list and failed the whole import
  const md = htmlToMarkdown(`<pre>${'\u0060 x '.repeat(300_000)}x\u0060\u0060</pre>`);
  expect(md.startsWith('```\n')).toBe(true);
});
