// A site learns from its moderators: spam and not-spam teach its spam layer, reject ("reject as
// toxic") its toxicity layer; a handful of decisions changes nothing, and what it learns moves a
// score by a bounded amount, so ordinary comments that share words with a campaign stay
// published. Real database, real API, real lessons.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CAP, MIN_DECISIONS } from '../../src/screening/site-layer.js';
import { modelView } from '../../src/screening/scores.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import { PROVIDERS } from '../helpers/databases.js';

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/**
 * The highest score a layer capped at CAP can give a comment the shipped model scored p. Scores
 * are rounded to 0.001, both p (the true score may be 0.0005 higher, and the cap multiplies that
 * by up to e^CAP) and the result (0.0005 more).
 */
const capped = (p: number) => sigmoid(logit(Math.max(p, 1e-6) + 0.0005) + CAP) + 0.0005;

// A local shop's promotion: no link, nothing the shipped model takes for spam, but this site's
// moderators do not want it.
const CAMPAIGN = [
  'The Bluebell Bakery on Mill Street has fresh sourdough every Saturday morning, come early!',
  'Fresh sourdough at the Bluebell Bakery, Mill Street, this Saturday. Tell them I sent you.',
  'Bluebell Bakery sourdough is the best in town, Mill Street, open Saturday from seven.',
  'If you like sourdough, the Bluebell Bakery on Mill Street bakes it fresh on Saturday mornings.',
  'Saturday treat: Bluebell Bakery sourdough and cinnamon buns, Mill Street, early bird gets the loaf.',
  'Nothing beats Bluebell Bakery sourdough on a Saturday, find them on Mill Street.',
  'Mill Street regulars know the Bluebell Bakery sourdough sells out by ten every Saturday.',
  'The Bluebell Bakery has a new rye sourdough this Saturday, Mill Street, worth the queue.',
  'Bluebell Bakery on Mill Street: sourdough, rye and pastries, every Saturday morning.',
  'Pop into the Bluebell Bakery on Mill Street on Saturday for the sourdough, you will not regret it.',
  'Best sourdough around is the Bluebell Bakery, Mill Street, Saturdays only.',
  'Bluebell Bakery sourdough, Mill Street, Saturday from seven until sold out.',
  'Get your Saturday sourdough at the Bluebell Bakery on Mill Street before it is gone.',
  'Bluebell Bakery on Mill Street bakes sourdough for Saturday, order ahead if you can.',
];
const READERS = [
  'The council should publish the traffic survey before voting on the one-way scheme.',
  'Good summary of the budget debate, though the school funding part felt rushed.',
  'I walked the new river path on Sunday and the signage is still missing at the bridge.',
  'Does anyone know whether the library extension includes a quiet study room?',
  'My daughter plays in the under-12 league and the new pitch drains far better.',
  'The article gets the bus timetable wrong, the 42 now leaves every twenty minutes.',
];
const NEXT_CAMPAIGN =
  'Bluebell Bakery sourdough on Mill Street again this Saturday, do not miss it.';
/** An ordinary comment that happens to share two of the campaign's words. */
const ORDINARY = 'I bake sourdough at home on Saturday and the article made me want to try rye.';

describe.each(PROVIDERS)('learning from moderators (%s)', (provider) => {
  let t: TestParley;
  let siteId: string;
  const url = '/api/sites/blog/posts/hello/comments';
  const post = async (body: string) => {
    const res = await t.post(url).send(aComment({ body }));
    expect([201, 202]).toContain(res.status);
    return res.body.comment.id as string;
  };
  const spamOf = async (text: string) =>
    modelView(await t.parley.screening.models.forSite(siteId), { text, name: 'Ada Reader' }).scores
      .spam;
  /** how far the site's spam layer moves a comment, in log-odds (0 while it has no layer) */
  const spamShiftOf = async (text: string) =>
    modelView(await t.parley.screening.models.forSite(siteId), { text, name: 'Ada Reader' }).shifts
      .spam;

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `site-learning-${provider}` });
    siteId = (await seedSite(t.parley, { posts: [{ slug: 'hello' }] })).id;
    for (const body of READERS) await post(body);
  });
  afterAll(async () => t?.close());

  test('when five comments of one campaign are marked spam, then nothing else changes', async () => {
    const before = { next: await spamOf(NEXT_CAMPAIGN), ordinary: await spamOf(ORDINARY) };
    for (const body of CAMPAIGN.slice(0, 5)) {
      await t.parley.screening.feedback.decided(await post(body), 'spam');
    }
    expect(await spamOf(NEXT_CAMPAIGN)).toBe(before.next);
    expect(await spamOf(ORDINARY)).toBe(before.ordinary);
    const res = await t.post(url).send(aComment({ body: ORDINARY }));
    expect(res.status).toBe(201);
  });

  test('when enough decisions are in, then the campaign scores higher and an ordinary comment that shares its words is still published', async () => {
    const before = { next: await spamOf(NEXT_CAMPAIGN), ordinary: await spamOf(ORDINARY) };
    for (const body of CAMPAIGN.slice(5)) {
      await t.parley.screening.feedback.decided(await post(body), 'spam');
    }
    for (const body of READERS.slice(0, 3)) {
      await t.parley.screening.feedback.decided(await post(`${body} Thanks.`), 'not-spam');
    }
    const lessons = await t.parley.database.db.screeningLesson.count({
      where: { siteId, task: 'spam' },
    });
    expect(lessons).toBeGreaterThanOrEqual(MIN_DECISIONS);
    const model = await t.parley.screening.models.forSite(siteId);
    expect(model.layers.spam).not.toBeNull();
    const after = { next: await spamOf(NEXT_CAMPAIGN), ordinary: await spamOf(ORDINARY) };
    // higher in log-odds: where the shipped model is sure (0.001) the rounded score may not show it
    expect(await spamShiftOf(NEXT_CAMPAIGN)).toBeGreaterThan(0);
    expect(after.next).toBeGreaterThanOrEqual(before.next);
    // Bounded: never more than CAP log-odds from the shipped model's score.
    expect(after.next).toBeLessThanOrEqual(capped(before.next));
    expect(after.ordinary).toBeLessThanOrEqual(capped(before.ordinary));
    const res = await t.post(url).send(aComment({ body: ORDINARY }));
    expect(res.status).toBe(201);
  });

  test('when moderators reject a site-specific insult, then the toxicity layer learns it', async () => {
    const insults = [
      'Only a total gloobnik would believe that.',
      'You absolute gloobnik, read the article first.',
      'Typical gloobnik comment, nothing to add.',
      'Stop posting, gloobnik.',
      'What a gloobnik take from a gloobnik.',
      'Go away you gloobnik.',
      'Another gloobnik who cannot read a chart.',
      'The gloobnik brigade has arrived again.',
      'Shut it, gloobnik.',
      'Gloobnik alert in the comments.',
      'Nobody asked you, gloobnik.',
      'Classic gloobnik behaviour right here.',
    ];
    const toxicityOf = async (text: string) =>
      modelView(await t.parley.screening.models.forSite(siteId), { text }).scores.toxicity;
    const probe = 'Such a gloobnik, honestly.';
    const before = await toxicityOf(probe);
    for (const body of insults) {
      await t.parley.screening.feedback.decided(await post(body), 'reject');
    }
    const after = await toxicityOf(probe);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(capped(before));
  });
});
