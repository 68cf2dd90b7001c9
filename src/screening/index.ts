// Public face of screening: the screener (pure pipeline around loaded facts and remote
// providers), the draft check, the providers, the stored details and the scorers. Screening
// knows no HTTP, sockets or other features' storage: bans come in through a BanLookup.
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createFormTokens } from './form-tokens.js';
import { akismetClient } from './providers/akismet.js';
import { perspectiveProvider } from './providers/perspective.js';
import type { RemoteProvider } from './providers/provider.js';
import {
  createScreener,
  type BanLookup,
  type Screener,
  type ScreeningObserver,
  type VerifiedAuthorLookup,
} from './screener.js';
import type { FormTokens } from './form-tokens.js';

export * from './types.js';
export { checkToxicity, PHASES, screenComment, toxicityOfText } from './pipeline.js';
export { defaultScreeningSettings } from './defaults.js';
export { ScreeningModels, shippedModel, type SiteModel } from './models.js';
export { CAP as LAYER_CAP, MIN_DECISIONS as LAYER_MIN_DECISIONS } from './site-layer.js';
export { scoreToxicity, type ToxicityAnalysis, type ToxicitySpan } from './toxicity.js';
export { findLinks, type FoundLink } from './links.js';
export {
  AkismetParamsSchema,
  readAkismetParams,
  readScreeningDetails,
  ScreeningDetailsSchema,
  type ScreeningDetails,
} from './details.js';
export { createFormTokens, type FormTokens } from './form-tokens.js';
export { akismetClient, type AkismetClient } from './providers/akismet.js';
export { perspectiveProvider, GOOGLE_ANALYZE_URL } from './providers/perspective.js';
export { runProviders, type RemoteCheckInput, type RemoteProvider } from './providers/provider.js';
export type {
  BanLookup,
  ClientFacts,
  CommentFacts,
  ScreenedSite,
  Screener,
  ScreeningObserver,
  ScreeningOutcome,
  StoredStatus,
} from './screener.js';

export interface ScreeningModule {
  screener: Screener;
  formTokens: FormTokens;
}

/** The screener with the remote providers the configuration names (Perspective, Akismet). */
export function createScreeningModule(deps: {
  config: Config;
  db: Db;
  log: Logger;
  secret: string;
  bans: BanLookup;
  observer?: ScreeningObserver | undefined;
  verifiedAuthors?: VerifiedAuthorLookup;
}): ScreeningModule {
  const { config } = deps;
  const akismet = config.akismet
    ? akismetClient({
        apiKey: config.akismet.apiKey,
        blogUrl: config.publicUrl,
        ...(config.akismet.endpoint && { endpoint: config.akismet.endpoint }),
      })
    : null;
  const providers: RemoteProvider[] = [];
  if (config.perspective) {
    providers.push(
      perspectiveProvider({
        apiKey: config.perspective.apiKey,
        ...(config.perspective.endpoint && { endpoint: config.perspective.endpoint }),
      }),
    );
  }
  if (akismet) providers.push(akismet.provider);
  const formTokens = createFormTokens(deps.secret);
  return {
    formTokens,
    screener: createScreener({
      db: deps.db,
      log: deps.log,
      formTokens,
      bans: deps.bans,
      ...(deps.verifiedAuthors && { verifiedAuthors: deps.verifiedAuthors }),
      providers,
      akismet,
      budgetMs: config.screeningBudgetMs,
      observer: deps.observer,
    }),
  };
}
