// Each site's learned spam counts on top of the shipped base model, built from the site's
// screening lessons (one row per moderator decision, so concurrent lessons never overwrite
// each other). Cached in a bounded LRU; other processes see a lesson within the TTL.
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.js';
import { getLessons, putLesson, type LessonInput } from './lessons.repo.js';
import {
  buildCountTable,
  loadBaseModel,
  type CountTable,
  type SpamModel,
} from './spam-classifier.js';

const TTL_MS = 30_000;
/** The most recent decisions a site's model learns from. */
const MAX_LESSONS = 5_000;

export class SpamModels {
  readonly #base: CountTable = loadBaseModel();
  readonly #cache = new LRUCache<string, SpamModel>({ max: 2_000, ttl: TTL_MS });

  constructor(private readonly db: Db) {}

  async get(siteId: string): Promise<SpamModel> {
    const hit = this.#cache.get(siteId);
    if (hit) return hit;
    const lessons = await getLessons(this.db, siteId, 'spam', MAX_LESSONS);
    const model = {
      base: this.#base,
      learned: buildCountTable(
        lessons.map((l) => ({ text: l.text, label: l.label === 1 ? 'spam' : 'ham' })),
      ),
    };
    this.#cache.set(siteId, model);
    return model;
  }

  /** Records one moderator decision; the site's model is rebuilt on its next use. */
  async learn(lesson: Omit<LessonInput, 'task' | 'label'>, label: 'spam' | 'ham'): Promise<void> {
    await putLesson(this.db, { ...lesson, task: 'spam', label: label === 'spam' ? 1 : 0 });
    this.#cache.delete(lesson.siteId);
  }
}
