// Public face of the trained screening model: load the artifact once, score each comment.
export { LABELS, TOXICITY_LABELS, type Label, type ToxicityLabel } from './labels.js';
export {
  loadScreeningModel,
  scoreComment,
  type ScoreResult,
  type ScreeningModel,
  type TopFeature,
} from './model.js';
export { SCREENING_MODEL_PATH, SCREENING_MODEL_URL } from './model-file.js';
export { HOLD_LABELS } from './evaluation.js';
export type { CommentInput, FeatureConfig } from './features.js';
export type { Artifact } from './artifact.js';
