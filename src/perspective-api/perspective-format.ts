/**
 * Perspective-compatible output (`comments:analyze` response shape), so clients written for
 * Google's API (Coral's `endpoint` setting, for one) can use the built-in scorer.
 */
import type { ToxicityAttribute, ToxicityScores, ToxicitySpan } from '../screening/index.js';

export interface PerspectiveScore {
  value: number;
  type: 'PROBABILITY';
}

export interface PerspectiveSpanScore {
  begin: number;
  end: number;
  score: PerspectiveScore;
}

export interface PerspectiveResponse {
  attributeScores: Partial<
    Record<
      ToxicityAttribute,
      { summaryScore: PerspectiveScore; spanScores: PerspectiveSpanScore[] }
    >
  >;
  languages: string[];
  clientToken?: string;
}

export interface PerspectiveOptions {
  /** scores below it are left out, as in Perspective's `scoreThreshold` */
  scoreThreshold?: number;
  clientToken?: string;
  /** the request language that was scored, echoed as Perspective does */
  language?: string;
}

/**
 * Builds the response for the requested attributes. Span offsets are UTF-16 offsets into the
 * analysed text, one per match (spans scoring 0 for an attribute are left out).
 */
export function toPerspectiveResponse(
  scores: ToxicityScores,
  requested: readonly ToxicityAttribute[],
  spans: readonly ToxicitySpan[] = [],
  options: PerspectiveOptions = {},
): PerspectiveResponse {
  const attributeScores: PerspectiveResponse['attributeScores'] = {};
  const min = options.scoreThreshold ?? 0;
  for (const attr of requested) {
    const value = scores[attr];
    if (value < min) continue;
    attributeScores[attr] = {
      summaryScore: { value, type: 'PROBABILITY' },
      spanScores: spans
        .filter((s) => (s.scores[attr] ?? 0) > 0)
        .map((s) => ({
          begin: s.begin,
          end: s.end,
          score: { value: s.scores[attr]!, type: 'PROBABILITY' },
        })),
    };
  }
  const res: PerspectiveResponse = { attributeScores, languages: [options.language ?? 'en'] };
  if (options.clientToken !== undefined) res.clientToken = options.clientToken;
  return res;
}
