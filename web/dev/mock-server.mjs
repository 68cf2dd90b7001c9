// Throwaway dev server for the widget (not part of any build): serves web/dist and fakes the
// public API with ~200 generated comments in nested threads. No socket.io unless MOCK_SOCKET=1
// (then approved comments are broadcast to the `site:post` room like the real server).
//   node web/dev/mock-server.mjs [port]      then open http://localhost:PORT/
// Test triggers in a posted comment body: "idiot" → check warns, "buy now" → check holds,
// "pending" → 202 pending, "ratelimit" → 429; email banned@… → 403; name "x" → 400 fields.
import { createServer } from 'node:http';
import { randomUUID, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 4455);
const DELAY = Number(process.env.MOCK_DELAY ?? 0);
const ORIGIN = () => `http://localhost:${PORT}`;

const NAMES = [
  'Priya Raman',
  'Tomás Herrera',
  'Lena Vogel',
  'kernel_panic',
  'Dmitri S.',
  'Aisha Bello',
  'Owen Gallagher',
  'Mei Chen',
  'Jonas Berg',
  'Fatima Zahra',
  'rustacean42',
  'Chloé Martin',
  'Sam Whitfield',
  'Yuki Tanaka',
  'Noah Adeyemi',
  'Grace O’Neill',
];
const SNIPPETS = [
  'This is exactly why reproducible builds matter. If the tarball can’t be regenerated bit-for-bit from the tagged source, it should be treated as untrusted.',
  'The part that worries me is the <code>m4</code> macro that only existed in the release tarball. Nobody reviews generated autotools output.',
  'Great write-up. Does anyone know whether the Debian packages were built from the git tag or from the upstream tarball?',
  'We pinned to the previous minor version across our fleet within an hour of the advisory. <strong>Check your base images</strong>, not just your hosts.',
  'Single-maintainer projects that half the internet depends on are the real vulnerability here. This isn’t a technical problem, it’s a funding problem.',
  'I’d push back a little: the maintainer did nothing wrong, they were socially engineered over two years. Blaming them is not helpful.',
  '<p>For anyone wanting to check quickly:</p><pre><code>sha256sum libzest-5.6.1.tar.gz\ngit archive v5.6.1 | gzip -n | sha256sum</code></pre><p>If they differ, dig into why.</p>',
  'Kudos to the engineer who noticed a 400 ms regression in SSH logins and didn’t just shrug it off.',
  '<blockquote>the payload was only activated when built as a distro package</blockquote><p>That detail is chilling. It was designed to evade exactly the people most likely to look.</p>',
  'Signed tags would not have helped here, right? The tag was fine; the tarball was the problem.',
  'Our security team is now diffing every tarball against the VCS tree in CI. It caught two (benign) discrepancies already.',
  'See the <a href="https://example.org/advisory">vendor advisory</a> for affected versions. Rolling releases were hit, stable mostly not.',
  'Honest question: how many projects even publish tarballs separately any more? Isn’t everything just built from git?',
  'Agreed. Also: please stop running autoreconf from tarballs. Regenerate everything.',
  'This is the best explainer I’ve read on it so far. Sending it to my whole team.',
  'Lol, and people keep telling me vendoring is bad practice.',
];

function hash(s) {
  return createHash('sha1').update(s).digest('hex').slice(0, 12);
}

function makeComment(i, parent, depth, created) {
  const name = NAMES[(i * 7) % NAMES.length];
  const body = SNIPPETS[(i * 5 + depth) % SNIPPETS.length];
  return {
    id: randomUUID(),
    parentId: parent?.id ?? null,
    author: {
      name,
      website:
        i % 4 === 0 ? `https://${name.toLowerCase().replace(/[^a-z]+/g, '')}.example.com` : null,
      avatar: `${ORIGIN()}/api/avatars/${hash(name)}.svg?n=${encodeURIComponent(name)}`,
    },
    html: body.startsWith('<') ? body : `<p>${body}</p>`,
    createdAt: new Date(created).toISOString(),
    editedAt: i % 23 === 0 ? new Date(created + 600_000).toISOString() : null,
    replies: [],
    _depth: depth,
  };
}

/** ~n comments: top-level ones with nested replies; past depth 5 replies sit under the depth-5 ancestor. */
function generateThread(n) {
  const all = [];
  const top = [];
  let t = Date.now() - 3 * 86_400_000;
  const step = Math.round((2.9 * 86_400_000) / Math.max(n, 1));
  let i = 0;
  while (i < n) {
    const c = makeComment(i++, null, 1, (t += step * (1 + (i % 3))));
    top.push(c);
    all.push(c);
    const branch = [c];
    const replies = i % 3 === 0 ? 5 + (i % 4) : i % 2 === 0 ? 2 : 0;
    for (let r = 0; r < replies && i < n; r++) {
      const parent = branch[Math.min(branch.length - 1, r % 3 === 2 ? 0 : branch.length - 1)];
      const wantDepth = parent._depth + 1;
      const holder = wantDepth > 5 ? parent._parentRef : parent;
      const reply = makeComment(i++, holder, Math.min(wantDepth, 5), (t += Math.round(step / 2)));
      if (wantDepth > 5) {
        reply.replyTo = { id: parent.id, name: parent.author.name };
        reply._parentRef = holder;
      } else reply._parentRef = holder;
      holder.replies.push(reply);
      all.push(reply);
      branch.push(reply._depth === 5 ? parent : reply);
    }
  }
  // Newest comments arrive near "now" so relative times vary from minutes to days.
  return { top, all };
}

function clean(c) {
  const { _depth, _parentRef, ...rest } = c;
  return { ...rest, replies: c.replies.map(clean) };
}

const posts = new Map();
function seedPost(slug, title, n, extra = {}) {
  const { top, all } = generateThread(n);
  posts.set(slug, {
    post: { slug, title, url: `${ORIGIN()}/`, commentCount: all.length, closed: false, ...extra },
    top,
    all,
    pending: [],
    keys: new Map(),
  });
}
const ARTICLE = JSON.parse(
  await readFile(
    join(dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'article.json'),
    'utf8',
  ),
);
seedPost(ARTICLE.slug, ARTICLE.title, Number(process.env.MOCK_COMMENTS ?? 200));
seedPost('passkeys-one-year-on', 'Passkeys, one year on', 12);
seedPost('closed-post', 'An old story', 4, { closed: true });
seedPost('empty-post', 'Nobody has commented', 0);

function send(res, status, body) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type',
  });
  res.end(JSON.stringify(body));
}
const fail = (res, status, code, message, fields) =>
  send(res, status, { error: { code, message, ...(fields ? { fields } : {}) } });

async function readJson(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  try {
    return JSON.parse(data || '{}');
  } catch {
    return {};
  }
}

function avatarSvg(name) {
  const initials = name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const hue = parseInt(hash(name).slice(0, 4), 16) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="hsl(${hue} 55% 46%)"/><text x="20" y="25.5" text-anchor="middle" font-family="system-ui,sans-serif" font-size="15" font-weight="600" fill="#fff">${initials.replace(/[<&]/g, '')}</text></svg>`;
}

async function api(req, res, url) {
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  // /api/avatars/:hash.svg
  if (parts[1] === 'avatars') {
    res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
    return res.end(avatarSvg(url.searchParams.get('n') ?? '?'));
  }
  if (parts[1] === 'comments' && parts[3] === 'reports' && req.method === 'POST') {
    const body = await readJson(req);
    console.log('report', parts[2], body);
    return send(res, 202, { ok: true });
  }
  if (parts[1] !== 'sites') return fail(res, 404, 'NOT_FOUND', 'Not found');
  if (parts[3] === 'counts') {
    const slugs = (url.searchParams.get('posts') ?? '').split(',').filter(Boolean);
    return send(res, 200, {
      counts: Object.fromEntries(slugs.map((s) => [s, posts.get(s)?.post.commentCount ?? 0])),
    });
  }
  const slug = parts[4];
  const rest = parts.slice(5).join('/');
  const p = posts.get(slug);
  if (req.method === 'GET' && rest === '')
    return p ? send(res, 200, { post: p.post }) : fail(res, 404, 'POST_NOT_FOUND', 'No such post');
  if (req.method === 'GET' && rest === 'form-token')
    return send(res, 200, { token: 'tok-' + Date.now() });
  if (req.method === 'GET' && rest === 'comments') {
    if (!p) return fail(res, 404, 'POST_NOT_FOUND', 'No such post');
    const sort = url.searchParams.get('sort') === 'newest' ? 'newest' : 'oldest';
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const list = sort === 'newest' ? [...p.top].reverse() : p.top;
    const slice = list.slice(start, start + limit).map(clean);
    return send(res, 200, {
      comments: slice,
      total: p.all.length,
      nextCursor: start + limit < list.length ? String(start + limit) : null,
    });
  }
  if (req.method === 'POST' && rest === 'comments/check') {
    const { body = '' } = await readJson(req);
    if (/idiot/i.test(body))
      return send(res, 200, {
        decision: 'warn',
        reasons: [{ code: 'TOXIC', message: 'It may come across as a personal attack.' }],
        scores: { toxicity: 0.82 },
      });
    if (/buy now/i.test(body))
      return send(res, 200, {
        decision: 'hold',
        reasons: [
          { code: 'SPAM', message: 'It looks like advertising.' },
          { code: 'LINKS', message: 'It contains a link.' },
        ],
        scores: { spam: 0.9 },
      });
    return send(res, 200, { decision: 'approve', reasons: [], scores: {} });
  }
  if (req.method === 'POST' && rest === 'comments') {
    const b = await readJson(req);
    let target = p;
    if (!target) {
      if (!b.url || !b.title) return fail(res, 404, 'POST_NOT_FOUND', 'No such post');
      seedPost(slug, b.title, 0, { url: b.url });
      target = posts.get(slug);
      console.log('created post', slug, b.title, b.url);
    }
    if (target.post.closed)
      return fail(res, 409, 'POST_CLOSED', 'Comments are closed on this post.');
    const fields = {};
    if (!b.name?.trim()) fields.name = 'Please enter your name.';
    if (b.name?.trim() === 'x') fields.name = 'Your name must be at least 2 characters.';
    if (!/^[^@\s]+@[^@\s]+$/.test(b.email ?? ''))
      fields.email = 'Please enter a valid email address.';
    if (!b.body?.trim()) fields.body = 'Please write a comment.';
    if (Object.keys(fields).length)
      return fail(res, 400, 'VALIDATION_FAILED', 'Some fields are invalid.', fields);
    if (/ratelimit/.test(b.body))
      return fail(res, 429, 'RATE_LIMITED', 'You are commenting too often. Try again in a minute.');
    if (/^banned@/.test(b.email))
      return fail(res, 403, 'AUTHOR_BANNED', 'You have been banned from commenting on this site.');
    if (b.idempotencyKey && target.keys.has(b.idempotencyKey))
      return send(res, 201, target.keys.get(b.idempotencyKey));
    console.log('comment', { ...b, email: '…' });
    const parent = b.parentId ? target.all.find((c) => c.id === b.parentId) : null;
    const c = {
      id: randomUUID(),
      parentId: parent?.id ?? null,
      author: {
        name: b.name.trim(),
        website: b.website ?? null,
        avatar: `${ORIGIN()}/api/avatars/${hash(b.name)}.svg?n=${encodeURIComponent(b.name.trim())}`,
      },
      html: b.body
        .trim()
        .split(/\n{2,}/)
        .map(
          (para) =>
            `<p>${para.replace(/[<&>]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch])}</p>`,
        )
        .join(''),
      createdAt: new Date().toISOString(),
      editedAt: null,
      replies: [],
      _depth: parent ? parent._depth + 1 : 1,
    };
    const pending = /pending|buy now/i.test(b.body) || b.homepage;
    const result = { status: pending ? 'pending' : 'approved', comment: clean(c) };
    delete result.comment.replies;
    if (!pending) {
      io?.to(`${parts[2]}:${slug}`).emit('comment:created', result.comment);
      io?.to(`${parts[2]}:${slug}`).emit('post:count', {
        site: parts[2],
        post: slug,
        count: target.post.commentCount + 1,
      });
      if (parent) parent.replies.push(c);
      else target.top.push(c);
      target.all.push(c);
      target.post.commentCount++;
    }
    if (b.idempotencyKey) target.keys.set(b.idempotencyKey, result);
    return send(res, pending ? 202 : 201, result);
  }
  return fail(res, 404, 'NOT_FOUND', 'Not found');
}

const TYPES = {
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
};

let io = null;
const server = createServer(async (req, res) => {
  const url = new URL(req.url, ORIGIN());
  if (DELAY) await new Promise((r) => setTimeout(r, DELAY));
  if (req.method === 'OPTIONS') return send(res, 204, {});
  if (url.pathname === '/dev/embed') {
    // A bare host page for other posts/themes: /dev/embed?post=closed-post&theme=dark
    const q = (k, d) => (url.searchParams.get(k) ?? d).replace(/[^\w.-]/g, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(
      `<!doctype html><html lang="en"><title>Dev embed ${q('post', '')}</title><body style="max-width:760px;margin:40px auto;font-family:sans-serif"><h1>Dev host page</h1><div id="parley-comments"></div><script src="/embed.js" data-site="demo" data-post="${q('post', 'empty-post')}" data-theme="${q('theme', 'auto')}" async></script></body></html>`,
    );
  }
  if (url.pathname.startsWith('/api/'))
    return api(req, res, url).catch((e) => fail(res, 500, 'INTERNAL', String(e)));
  const file =
    url.pathname === '/' ? 'demo/index.html' : normalize(url.pathname).replace(/^([/\\])+/, '');
  try {
    const data = await readFile(join(DIST, file));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404).end('not found');
  }
});
if (process.env.MOCK_SOCKET) {
  const { Server } = await import('socket.io');
  io = new Server(server, { cors: { origin: '*' }, connectionStateRecovery: {} });
  io.on('connection', (socket) => {
    socket.on('join', ({ site, post }) => socket.join(`${site}:${post}`));
  });
}
server.listen(PORT, () => console.log(`mock Parley on ${ORIGIN()}${io ? ' (socket.io on)' : ''}`));
