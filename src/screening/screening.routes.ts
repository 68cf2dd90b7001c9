import { Router } from 'express';
import { z } from 'zod';
import { SitePostParams } from '../comments/comments.schema.js';
import { requireJson } from '../http/error-handler.js';
import { parse } from '../http/validate.js';
import type { RateLimiters } from '../http/rate-limit.js';
import type { SiteDirectory } from '../sites/sites.service.js';
import type { FormTokens } from './form-tokens.js';
import type { ScreeningService } from './screening.service.js';

/** Drafts one reader may check per minute (the widget checks once per submit). */
export const DRAFT_CHECKS_PER_MINUTE = 30;

const CheckBody = z.object({
  body: z
    .string({ error: 'Please write a comment.' })
    .trim()
    .min(1, 'Please write a comment.')
    .max(20_000, 'Your comment is too long.'),
});

export function screeningRouter(deps: {
  sites: SiteDirectory;
  formTokens: FormTokens;
  screening: ScreeningService;
  limits: RateLimiters;
}): Router {
  const router = Router();
  // A draft check screens up to 20,000 characters: limited like a write.
  const checkLimit = deps.limits({
    name: 'draft-checks',
    windowMs: 60_000,
    limit: DRAFT_CHECKS_PER_MINUTE,
  });

  // The widget asks for a token when it shows the form; a submit faster than a person types is held.
  router.get('/sites/:site/posts/:post/form-token', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const site = await deps.sites.get(params.site);
    res.setHeader('Cache-Control', 'no-store');
    // The site's minimum is public anyway (a bot can time itself); the widget uses it to wait
    // out a token it had to fetch at the last moment instead of having the comment held.
    res.json({
      token: deps.formTokens.issue(site.id, params.post),
      minSubmitSeconds: site.settings.minSubmitSeconds,
    });
  });

  // "Do you want to rephrase?": the toxicity verdict for a draft, which is not stored.
  router.post(
    '/sites/:site/posts/:post/comments/check',
    checkLimit,
    requireJson,
    async (req, res) => {
      const params = parse(SitePostParams, req.params);
      const site = await deps.sites.get(params.site);
      const { body } = parse(CheckBody, req.body);
      res.json(deps.screening.checkDraft(site, body));
    },
  );

  return router;
}
