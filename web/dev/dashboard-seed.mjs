// Scratch: posts a few comments to the demo article so the moderation queues have items.
// Usage: node web/dev/dashboard-seed.mjs [base]
const BASE = process.argv[2] ?? 'http://127.0.0.1:3999';
const POST = `${BASE}/api/sites/demo/posts/xz-style-backdoor-tarballs`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function token() {
  const r = await fetch(`${POST}/form-token`);
  return (await r.json()).token ?? (await r.json()).formToken;
}

async function post(body, extra = {}) {
  const r = await fetch(`${POST}/comments`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.0.0.${Math.floor(Math.random() * 200)}`,
    },
    body: JSON.stringify({
      name: extra.name ?? 'Reader',
      email: extra.email ?? 'reader@example.com',
      body,
      ...extra,
    }),
  });
  const text = await r.text();
  console.log(r.status, text.slice(0, 160));
}

const ft = await fetch(`${POST}/form-token`).then((r) => r.json());
console.log('form-token', JSON.stringify(ft).slice(0, 120));
const formToken = ft.token ?? ft.formToken;
await sleep(3500);
const comments = [
  [
    'You are a pathetic idiot and this article is garbage.',
    { name: 'Angry Al', email: 'al@angry.example' },
  ],
  [
    'Buy cheap pills now http://spam.example http://spam2.example http://spam3.example',
    { name: 'Pills', email: 'bot@spam.example', homepage: 'http://x' },
  ],
  [
    'Great write-up, the part about the m4 macros was eye-opening. Thanks!',
    { name: 'Dana', email: 'dana@example.com' },
  ],
  [
    'Shut up, moron. Nobody cares about your stupid opinion.',
    { name: 'Troll', email: 'troll@example.net' },
  ],
  [
    'I wonder how many distros still ship release tarballs that differ from git.',
    { name: 'Kim', email: 'kim@example.org' },
  ],
];
for (const [body, extra] of comments) {
  const withToken = extra.name === 'Dana' || extra.name === 'Kim' ? {} : { formToken };
  await post(body, { ...withToken, ...extra });
}

// A reply (for the parent context) and reader reports on a published comment.
const thread = await fetch(`${POST}/comments?limit=5`).then((r) => r.json());
const target = thread.comments[0];
if (target) {
  await post('Honestly, this is the dumbest take in the thread. Did you even read the advisory?', {
    name: 'Replying Rita',
    email: 'rita@example.com',
    parentId: target.id,
    formToken,
  });
  let n = 0;
  for (const [reason, note] of [
    ['abuse', 'Personal attack on the author'],
    ['off-topic', ''],
    ['spam', 'Looks like an ad'],
  ]) {
    n += 1;
    // Distinct reporters (the server needs TRUST_PROXY=true to read X-Forwarded-For).
    const r = await fetch(`${BASE}/api/comments/${target.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.${n}` },
      body: JSON.stringify({ reason, ...(note && { note }) }),
    });
    console.log('report', r.status, (await r.text()).slice(0, 100));
  }
}
