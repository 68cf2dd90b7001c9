// The shipped model, loaded once per process, and each site's learnt layers on top of it (one
// for spam, one for toxicity), built from the site's screening lessons (one row per moderator
// decision) and its recently published comments. A site's layers are rebuilt only when its
// lessons change; other processes notice within REFRESH_MS, and a request never waits for a
// rebuild once a site has been seen (it uses the previous layers meanwhile).
import { readFileSync } from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.js';
import {
  getLessons,
  getLessonStamp,
  getRecentPublished,
  putLesson,
  type LessonInput,
} from './lessons.repo.js';
import {
  loadScreeningModel,
  SCREENING_MODEL_PATH,
  scoreComment,
  type ScreeningModel,
} from './model/index.js';
import { MIN_DECISIONS, trainSiteLayer, type LayerExample, type SiteLayer } from './site-layer.js';

export type LessonTask = 'spam' | 'toxicity';

/** The model a site's comments are scored with. */
export interface SiteModel {
  base: ScreeningModel;
  layers: Record<LessonTask, SiteLayer | null>;
}

const REFRESH_MS = 30_000;
/** The most recent decisions per task a site's layer learns from. */
const MAX_LESSONS = 2_000;
/** Published comments that stand for "fine on this site". */
const BACKGROUND = 300;
/** Score this many examples, then let requests in. */
const CHUNK = 100;

let shipped: ScreeningModel | undefined;

/** The committed model artifact, parsed and checked once per process. */
export function shippedModel(): ScreeningModel {
  shipped ??= loadScreeningModel(readFileSync(SCREENING_MODEL_PATH, 'utf8'));
  return shipped;
}

interface Entry {
  model: SiteModel;
  stamp: string;
  checkedAt: number;
  refreshing?: Promise<void>;
}

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export class ScreeningModels {
  readonly base: ScreeningModel;
  readonly #cache = new LRUCache<string, Entry>({ max: 2_000 });
  readonly #noLayers: SiteModel;

  constructor(
    private readonly db: Db,
    base: ScreeningModel = shippedModel(),
  ) {
    this.base = base;
    this.#noLayers = { base, layers: { spam: null, toxicity: null } };
  }

  /** The site's model: the base, plus its layers once it has enough decisions. */
  async forSite(siteId: string, now = Date.now()): Promise<SiteModel> {
    const entry = this.#cache.get(siteId);
    if (!entry) {
      const built = await this.#build(siteId);
      this.#cache.set(siteId, { ...built, checkedAt: now });
      return built.model;
    }
    if (now - entry.checkedAt >= REFRESH_MS && !entry.refreshing) {
      entry.refreshing = this.#refresh(siteId, entry, now);
    }
    return entry.model;
  }

  /** Records one moderator decision; this process rebuilds the site's layers on next use. */
  async learn(lesson: LessonInput): Promise<void> {
    await putLesson(this.db, lesson);
    this.#cache.delete(lesson.siteId);
  }

  async #refresh(siteId: string, entry: Entry, now: number): Promise<void> {
    try {
      const stamp = await getLessonStamp(this.db, siteId);
      if (stamp === entry.stamp) {
        entry.checkedAt = now;
        return;
      }
      const built = await this.#build(siteId, stamp);
      this.#cache.set(siteId, { ...built, checkedAt: now });
    } catch {
      // The previous layers stay; the next request after REFRESH_MS tries again.
      entry.checkedAt = now;
    } finally {
      entry.refreshing = undefined;
    }
  }

  async #build(siteId: string, known?: string): Promise<{ model: SiteModel; stamp: string }> {
    const stamp = known ?? (await getLessonStamp(this.db, siteId));
    if (lessonCount(stamp) < MIN_DECISIONS) return { model: this.#noLayers, stamp };
    const background = await getRecentPublished(this.db, siteId, BACKGROUND);
    const layers: SiteModel['layers'] = { spam: null, toxicity: null };
    for (const task of ['spam', 'toxicity'] as const) {
      const lessons = await getLessons(this.db, siteId, task, MAX_LESSONS);
      if (lessons.length < MIN_DECISIONS) continue;
      const examples: LayerExample[] = [];
      const decidedTexts = new Set(lessons.map((l) => l.text));
      const all = [
        ...lessons.map((l) => ({
          text: l.text,
          name: l.authorName,
          website: l.authorWebsite,
          label: l.label === 1 ? (1 as const) : (0 as const),
          background: false,
        })),
        // a decided comment can still be published (a lesson is recorded before, or without,
        // a change of status): it teaches once, as its decision, not also as "fine here"
        ...background
          .filter((c) => !decidedTexts.has(c.body))
          .map((c) => ({
            text: c.body,
            name: c.authorName,
            website: c.authorWebsite,
            label: 0 as const,
            background: true,
          })),
      ];
      for (let i = 0; i < all.length; i++) {
        if (i > 0 && i % CHUNK === 0) await yieldToLoop();
        const e = all[i]!;
        const p = scoreComment(this.base, e, { top: 0 }).scores[task];
        examples.push({ ...e, offset: logit(p) });
      }
      layers[task] = trainSiteLayer(examples);
    }
    return { model: { base: this.base, layers }, stamp };
  }
}

function lessonCount(stamp: string): number {
  return Number(stamp.split(':')[0]) || 0;
}
