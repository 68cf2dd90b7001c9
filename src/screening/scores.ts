// The model's view of one comment: the shipped model's calibrated scores, moved by the site's
// learnt layers (within their cap), and what drove each score. Pure.
import { scoreComment, type Label, type TopFeature } from './model/index.js';
import type { SiteModel } from './models.js';
import { layerShift } from './site-layer.js';
import type { ToxicityAttribute } from './types.js';

/** The model's label for each Perspective attribute. */
export const LABEL_OF: Record<ToxicityAttribute, Exclude<Label, 'spam'>> = {
  TOXICITY: 'toxicity',
  SEVERE_TOXICITY: 'severe_toxicity',
  INSULT: 'insult',
  PROFANITY: 'profanity',
  THREAT: 'threat',
  IDENTITY_ATTACK: 'identity_attack',
};

export interface ModelView {
  /** calibrated probability per label, after the site's layers */
  scores: Record<Label, number>;
  /** the site layers' shift in log-odds (0 while a site has too few decisions) */
  shifts: { spam: number; toxicity: number };
  /** per label, the parts of this comment that raised its score most */
  drivers: Record<Label, TopFeature[]>;
}

const DRIVERS = 5;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};
const round = (p: number) => Math.round(p * 1000) / 1000;

/**
 * The model's view of one comment. `explainFrom(label)`: the score (after the site's layers)
 * from which a label's drivers are worth finding; below it the label's drivers are left empty.
 * Default: every label is explained.
 */
export function modelView(
  model: SiteModel,
  input: { text: string; name?: string | null; website?: string | null },
  explainFrom: (label: Label) => number = () => 0,
): ModelView {
  const shifts = {
    spam: layerShift(model.layers.spam, input),
    toxicity: layerShift(model.layers.toxicity, { text: input.text }),
  };
  const shifted = (label: Label, p: number) => {
    const shift = label === 'spam' ? shifts.spam : shifts.toxicity;
    return round(shift === 0 ? p : sigmoid(logit(p) + shift));
  };
  const { scores: base, top } = scoreComment(model.base, input, {
    top: DRIVERS,
    explain: (label, p) => shifted(label, p) >= explainFrom(label),
  });
  return { scores: mapLabels((label) => shifted(label, base[label])), shifts, drivers: top };
}

/** A record with one value per label, built without a cast. */
export function mapLabels<T>(f: (label: Label) => T): Record<Label, T> {
  return {
    toxicity: f('toxicity'),
    severe_toxicity: f('severe_toxicity'),
    insult: f('insult'),
    profanity: f('profanity'),
    threat: f('threat'),
    identity_attack: f('identity_attack'),
    spam: f('spam'),
  };
}

/** A record with one value per toxicity attribute, built without a cast. */
export function mapAttributes<T>(f: (attr: ToxicityAttribute) => T): Record<ToxicityAttribute, T> {
  return {
    TOXICITY: f('TOXICITY'),
    SEVERE_TOXICITY: f('SEVERE_TOXICITY'),
    INSULT: f('INSULT'),
    PROFANITY: f('PROFANITY'),
    THREAT: f('THREAT'),
    IDENTITY_ATTACK: f('IDENTITY_ATTACK'),
  };
}

/** A driver that names the comment's own words (not its length, links or author fields). */
export const isWordDriver = (feature: string): boolean =>
  !/^(?:len|words|links?|contact|shape|site|name|name-words):/.test(feature);
