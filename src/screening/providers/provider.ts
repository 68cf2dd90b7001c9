import type { Reason, ToxicityScores } from '../../contracts/screening.js';

/** What a remote screening provider adds to the built-in verdict. */
export interface ProviderVerdict {
  provider: string;
  /** Toxicity scores (Perspective); merged with the built-in ones by taking the higher. */
  toxicity?: Partial<ToxicityScores>;
  /** Spam verdict (Akismet). `discard` is Akismet's "pervasive spam". */
  spam?: 'ham' | 'spam' | 'discard';
  reasons?: Reason[];
}

/** One remote provider's answer within the time budget, or its failure. */
export interface RemoteOutcome {
  provider: string;
  verdict?: ProviderVerdict;
  error?: string;
}

export interface RemoteCheckInput {
  text: string;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  ip: string;
  userAgent: string | null;
  referrer: string | null;
  permalink: string | null;
  isEdit: boolean;
  createdAt: Date;
}

export interface RemoteProvider {
  name: string;
  check(input: RemoteCheckInput, signal: AbortSignal): Promise<ProviderVerdict>;
}

export class ProviderTimeoutError extends Error {
  constructor(provider: string, ms: number) {
    super(`${provider} did not answer within ${(ms / 1000).toFixed(1)} s`);
  }
}

/** Runs providers concurrently under one time budget. Each settles to a verdict or an error. */
export async function runProviders(
  providers: RemoteProvider[],
  input: RemoteCheckInput,
  budgetMs: number,
): Promise<RemoteOutcome[]> {
  if (providers.length === 0) return [];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('timeout'));
    }, budgetMs);
  });
  try {
    return await Promise.all(
      providers.map(async (p) => {
        try {
          const verdict = await Promise.race([p.check(input, controller.signal), deadline]);
          return { provider: p.name, verdict };
        } catch (err) {
          const message =
            (err as Error).message === 'timeout'
              ? new ProviderTimeoutError(p.name, budgetMs).message
              : `${p.name} failed: ${(err as Error).message || 'unknown error'}`;
          return { provider: p.name, error: message };
        }
      }),
    );
  } finally {
    clearTimeout(timer);
  }
}
