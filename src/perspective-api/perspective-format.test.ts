import { expect, test } from 'vitest';
import { toPerspectiveResponse } from './perspective-format.js';
import { scoreToxicity } from '../screening/index.js';

test('when formatting scores, then the response has Perspective summary and span scores', () => {
  const text = 'Thanks for nothing. You are an idiot and I know where you live.';
  const { scores, spans } = scoreToxicity(text);
  const res = toPerspectiveResponse(scores, ['INSULT', 'THREAT', 'PROFANITY'], spans);
  expect(res.languages).toEqual(['en']);
  expect(res.attributeScores.INSULT?.summaryScore).toEqual({
    value: scores.INSULT,
    type: 'PROBABILITY',
  });
  const insultSpan = res.attributeScores.INSULT?.spanScores[0];
  expect(insultSpan && text.slice(insultSpan.begin, insultSpan.end)).toBe('idiot');
  expect(insultSpan?.score.type).toBe('PROBABILITY');
  const threatSpan = res.attributeScores.THREAT?.spanScores[0];
  expect(threatSpan && text.slice(threatSpan.begin, threatSpan.end)).toBe('live');
  expect(res.attributeScores.PROFANITY?.spanScores).toEqual([]);
  expect(res.attributeScores.TOXICITY).toBeUndefined();
});

test('when a scoreThreshold is given, then attributes below it are left out', () => {
  const { scores, spans } = scoreToxicity('A perfectly pleasant remark.');
  const res = toPerspectiveResponse(scores, ['TOXICITY'], spans, {
    scoreThreshold: 0.5,
    clientToken: 'abc',
  });
  expect(res.attributeScores).toEqual({});
  expect(res.clientToken).toBe('abc');
});
