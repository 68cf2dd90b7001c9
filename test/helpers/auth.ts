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
