// Perspective toxicity provider, through the perspective-api-client package. The package
// posts to Google's fixed URL with its own axios; a request interceptor on that axios sends
// it to the configured endpoint instead (another Parley, or a Perspective-compatible service)
// and applies the time budget's abort signal. The package pins axios 0.18, which has known
// vulnerabilities: package.json overrides it with a patched axios 1.x.
import { createRequire } from 'node:module';
import type { AxiosStatic } from 'axios';
import { TOXICITY_ATTRIBUTES, type ToxicityAttribute, type ToxicityScores } from '../types.js';
import type { ProviderVerdict, RemoteProvider } from './provider.js';

const require = createRequire(import.meta.url);
const Perspective = require('perspective-api-client') as PerspectiveClientClass;
const clientRequire = createRequire(require.resolve('perspective-api-client'));
const clientAxios = clientRequire('axios') as AxiosStatic;

export const GOOGLE_ANALYZE_URL =
  'https://commentanalyzer.googleapis.com/v1alpha1/comments:analyze';

interface PerspectiveClientClass {
  new (options: {
    apiKey: string;
  }): {
    analyze(
      text: string | object,
      options?: {
        attributes?: string[];
        doNotStore?: boolean;
        stripHTML?: boolean;
        truncate?: boolean;
      },
    ): Promise<PerspectiveResponseBody>;
  };
}

interface PerspectiveResponseBody {
  attributeScores?: Record<string, { summaryScore?: { value?: number } }>;
  languages?: string[];
}

// The route of the request being sent right now. analyze() calls axios.post synchronously
// and a synchronous interceptor runs inside that call, so no other request can interleave.
let pending: { endpoint: string; signal: AbortSignal } | null = null;

clientAxios.interceptors.request.use(
  (config) => {
    if (config.url === GOOGLE_ANALYZE_URL && pending) {
      config.url = pending.endpoint;
      config.signal = pending.signal;
      pending = null;
    }
    return config;
  },
  null,
  { synchronous: true },
);

/** Sends one analyze request through the package to `endpoint` (synchronously routed). */
function analyzeVia(
  client: InstanceType<PerspectiveClientClass>,
  endpoint: string,
  signal: AbortSignal,
  text: string,
  attributes: ToxicityAttribute[],
  language: string,
): Promise<PerspectiveResponseBody> {
  pending = { endpoint, signal };
  try {
    return client.analyze(
      { comment: { text }, languages: [language] },
      { attributes, doNotStore: true, stripHTML: false, truncate: true },
    );
  } finally {
    pending = null;
  }
}

export interface PerspectiveOptions {
  apiKey: string;
  /** Full URL of comments:analyze; default Google's. */
  endpoint?: string;
  attributes?: ToxicityAttribute[];
  language?: string;
}

export function perspectiveProvider(options: PerspectiveOptions): RemoteProvider {
  const client = new Perspective({ apiKey: options.apiKey });
  const endpoint = options.endpoint ?? GOOGLE_ANALYZE_URL;
  const attributes = options.attributes ?? [...TOXICITY_ATTRIBUTES];
  return {
    name: 'Perspective',
    async check(input, signal): Promise<ProviderVerdict> {
      let body: PerspectiveResponseBody;
      try {
        body = await analyzeVia(
          client,
          endpoint,
          signal,
          input.text,
          attributes,
          options.language ?? 'en',
        );
      } catch (err) {
        const status = (err as { response?: { status?: number } }).response?.status;
        if (status === 429) throw new Error('rate limited (HTTP 429)');
        if (signal.aborted) throw new Error('timeout');
        throw new Error(
          status ? `HTTP ${status}: ${(err as Error).message}` : (err as Error).message,
        );
      }
      const toxicity: Partial<ToxicityScores> = {};
      for (const attr of attributes) {
        const value = body.attributeScores?.[attr]?.summaryScore?.value;
        if (typeof value === 'number' && value >= 0 && value <= 1) toxicity[attr] = value;
      }
      if (Object.keys(toxicity).length === 0) throw new Error('answer had no attribute scores');
      return { provider: 'Perspective', toxicity };
    },
  };
}
