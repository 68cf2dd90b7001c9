// Akismet spam provider. @cedx/akismet (maintained) defines the request fields; comment-check
// gets the commenter's own IP, user agent and referrer; the exact parameters are stored with the
// comment so submit-spam / submit-ham resend the original values, as Akismet asks.
import { Author, Blog, Comment } from '@cedx/akismet';
import type { ProviderVerdict, RemoteCheckInput, RemoteProvider } from './provider.js';

export interface AkismetOptions {
  apiKey: string;
  /** The site's front page, Akismet's `blog`. */
  blogUrl: string;
  /** Base URL of the API; default https://rest.akismet.com. */
  endpoint?: string;
  isTest?: boolean;
}

/** The comment-check fields for a comment (what gets stored as Comment.akismetParams). */
export function akismetFields(input: RemoteCheckInput): Record<string, string> {
  const comment = new Comment({
    author: new Author({
      name: input.authorName,
      email: input.authorEmail,
      ...(input.authorWebsite && { url: input.authorWebsite }),
      ipAddress: input.ip,
      userAgent: input.userAgent ?? '',
    }),
    content: input.text,
    date: input.createdAt,
    type: 'comment',
    ...(input.referrer && { referrer: safeUrl(input.referrer) }),
    ...(input.permalink && { permalink: safeUrl(input.permalink) }),
    ...(input.isEdit && { recheckReason: 'edit' }),
  });
  return comment.toJSON() as Record<string, string>;
}

function safeUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    return '';
  }
}

export interface AkismetClient {
  provider: RemoteProvider;
  submitSpam(fields: Record<string, string>): Promise<void>;
  submitHam(fields: Record<string, string>): Promise<void>;
}

/** How long a submit-spam / submit-ham may take (it runs after the moderator's answer). */
const SUBMIT_TIMEOUT_MS = 10_000;
const SUBMIT_SUCCESS = 'Thanks for making the web a better place.';

/**
 * The HTTP calls are Parley's own (the package's client can neither be aborted nor tell a
 * garbage answer from "spam"); the package still defines the fields. Every request carries an
 * abort signal, and only Akismet's exact answers count: anything else is a provider failure,
 * which holds the comment.
 */
export function akismetClient(options: AkismetOptions): AkismetClient {
  const base = new URL(
    options.endpoint
      ? options.endpoint.endsWith('/')
        ? options.endpoint
        : `${options.endpoint}/`
      : 'https://rest.akismet.com/',
  );
  const blog = new Blog({
    url: options.blogUrl,
    charset: 'UTF-8',
    languages: ['en'],
  }).toJSON() as Record<string, string>;
  const call = async (
    endpoint: string,
    fields: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ text: string; headers: Headers }> => {
    const body = new URLSearchParams({ ...blog, ...fields, api_key: options.apiKey });
    if (options.isTest) body.set('is_test', '1');
    const res = await fetch(new URL(endpoint, base), {
      method: 'POST',
      headers: { 'user-agent': 'Parley/0.1 | @cedx/akismet' },
      body,
      signal,
    });
    const text = (await res.text()).trim();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const alert = res.headers.get('x-akismet-alert-code');
    if (alert) throw new Error(`alert ${alert}`);
    if (res.headers.has('x-akismet-debug-help'))
      throw new Error('the request was refused (check the API key)');
    return { text, headers: res.headers };
  };
  const submit = async (endpoint: string, fields: Record<string, string>) => {
    const { text } = await call(endpoint, fields, AbortSignal.timeout(SUBMIT_TIMEOUT_MS));
    if (text !== SUBMIT_SUCCESS) throw new Error('unexpected answer');
  };
  return {
    provider: {
      name: 'Akismet',
      async check(input, signal): Promise<ProviderVerdict> {
        let answer: { text: string; headers: Headers };
        try {
          answer = await call('1.1/comment-check', akismetFields(input), signal);
        } catch (err) {
          if (signal.aborted) throw new Error('timeout');
          throw err;
        }
        if (answer.text === 'false') return { provider: 'Akismet', spam: 'ham' };
        if (answer.text !== 'true') throw new Error('unexpected answer');
        const discard = answer.headers.get('x-akismet-pro-tip') === 'discard';
        return {
          provider: 'Akismet',
          spam: discard ? 'discard' : 'spam',
          reasons: [
            { code: 'AKISMET_SPAM', message: discard ? 'Akismet: blatant spam' : 'Akismet: spam' },
          ],
        };
      },
    },
    submitSpam: (fields) => submit('1.1/submit-spam', fields),
    submitHam: (fields) => submit('1.1/submit-ham', fields),
  };
}
