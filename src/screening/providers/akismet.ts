// Akismet spam provider, through @cedx/akismet (maintained, fetch-based). comment-check gets
// the commenter's own IP, user agent and referrer; the exact parameters are stored with the
// comment so submit-spam / submit-ham resend the original values, as Akismet asks.
import { Author, Blog, CheckResult, Client, Comment } from '@cedx/akismet';
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

export function akismetClient(options: AkismetOptions): AkismetClient {
  const client = new Client(options.apiKey, new Blog({ url: options.blogUrl, charset: 'UTF-8', languages: ['en'] }), {
    ...(options.endpoint && { baseUrl: options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/` }),
    isTest: options.isTest ?? false,
    userAgent: 'Parley/0.1 | @cedx/akismet',
  });
  return {
    provider: {
      name: 'Akismet',
      async check(input, signal): Promise<ProviderVerdict> {
        if (signal.aborted) throw new Error('timeout');
        const result = await client.checkComment(Comment.fromJson(akismetFields(input)));
        const spam = result === CheckResult.pervasiveSpam ? 'discard' : result === CheckResult.spam ? 'spam' : 'ham';
        return {
          provider: 'Akismet',
          spam,
          ...(spam !== 'ham' && {
            reasons: [{ code: 'AKISMET_SPAM', message: spam === 'discard' ? 'Akismet: blatant spam' : 'Akismet: spam' }],
          }),
        };
      },
    },
    submitSpam: (fields) => client.submitSpam(Comment.fromJson(fields)),
    submitHam: (fields) => client.submitHam(Comment.fromJson(fields)),
  };
}
