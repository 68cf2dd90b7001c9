// The labels the screening model scores; the corpus rows carry the same ones. Kept apart from
// corpus.ts so the server can import the model without the corpus reader (the file system).
export const LABELS = [
  'toxicity',
  'severe_toxicity',
  'insult',
  'profanity',
  'threat',
  'identity_attack',
  'spam',
] as const;
export type Label = (typeof LABELS)[number];

/** The toxicity attributes (everything but spam), in LABELS order. */
export const TOXICITY_LABELS = LABELS.filter((l): l is Exclude<Label, 'spam'> => l !== 'spam');
export type ToxicityLabel = (typeof TOXICITY_LABELS)[number];
