// Each site's learned spam counts (SpamModel row) on top of the shipped base model. Cached in
// memory; other processes see a lesson within the TTL.
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.js';
import { emptyCountTable, learnFromDecision, loadBaseModel, type CountTable, type SpamModel } from './spam-classifier.js';

const TTL_MS = 30_000;

export class SpamModels {
  readonly #base: CountTable = loadBaseModel();
  readonly #cache = new LRUCache<string, SpamModel>({ max: 2_000, ttl: TTL_MS });

  constructor(private readonly db: Db) {}

  async get(siteId: string): Promise<SpamModel> {
    const hit = this.#cache.get(siteId);
    if (hit) return hit;
    const row = await this.db.spamModel.findUnique({ where: { siteId } });
    const model = { base: this.#base, learned: (row?.counts as CountTable | undefined) ?? emptyCountTable() };
    this.#cache.set(siteId, model);
    return model;
  }

  /** Teaches the site's model one moderator decision. */
  async learn(siteId: string, text: string, label: 'spam' | 'ham'): Promise<void> {
    const learned = await this.db.$transaction(async (tx) => {
      const row = await tx.spamModel.findUnique({ where: { siteId } });
      const counts = learnFromDecision((row?.counts as CountTable | undefined) ?? emptyCountTable(), text, label);
      await tx.spamModel.upsert({ where: { siteId }, create: { siteId, counts: counts as object }, update: { counts: counts as object } });
      return counts;
    });
    this.#cache.set(siteId, { base: this.#base, learned });
  }
}
