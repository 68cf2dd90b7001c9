/** Public face of the screening core: pure functions, no I/O except loading the base model once. */
export * from './types.js';
export { screenComment, checkToxicity, PHASES } from './pipeline.js';
export {
  SPAM_HOLD_THRESHOLD,
  defaultScreeningSettings,
} from './defaults.js';
export {
  emptyCountTable,
  learnFromDecision,
  loadBaseModel,
  spamProbability,
  tokenize,
  LEARNED_WEIGHT,
} from './spam-classifier.js';
export { scoreToxicity, type ToxicityAnalysis, type ToxicitySpan } from './toxicity.js';
export {
  toPerspectiveResponse,
  type PerspectiveResponse,
  type PerspectiveOptions,
} from './perspective-format.js';
export { findLinks, type FoundLink } from './links.js';
export { readScreeningDetails, ScreeningDetailsSchema, type ScreeningDetails } from './details.js';
