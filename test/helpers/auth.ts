export const TEST_ADMIN = { email: 'admin@parley.test', password: 'correct horse battery' };

/** Signs in over HTTP; returns the session cookie and CSRF token. */
export async function signIn(
  baseUrl: string,
  creds = TEST_ADMIN,
): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(creds),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Signs in on a running server and creates the "news" site the scale-out tests post to (posts
 * created by their first comment, no minimum writing time); returns the answer's status.
 */
export async function createNewsSite(baseUrl: string, creds = TEST_ADMIN): Promise<number> {
  const admin = await signIn(baseUrl, creds);
  const res = await fetch(`${baseUrl}/api/admin/sites`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      cookie: admin.cookie,
      'X-CSRF-Token': admin.csrfToken,
    },
    body: JSON.stringify({
      slug: 'news',
      name: 'News',
      settings: { autoCreatePosts: true, minSubmitSeconds: 0 },
    }),
  });
  return res.status;
}
