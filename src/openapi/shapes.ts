// Response bodies as zod schemas, for the API reference. Each is checked against the contract
// type the server answers with (src/contracts/): a field added to one and not the other fails
// the type check, so the document cannot drift from what the routes send.
import { z } from 'zod';
import type {
  AdminSiteView,
  AuditEntryView,
  BanView,
  BulkResult,
  Decided,
  ModerationItem,
  ModerationStats,
  QueuePage,
  UserAccount,
  UserView,
} from '../contracts/moderation-api.js';
import { COMMENT_STATUSES, QUEUES } from '../contracts/moderation-api.js';
import type {
  CheckResult,
  CreateCommentResult,
  EditCommentResult,
  FormTokenResult,
  PublicComment,
  PublicPost,
  PublicThreadComment,
  ThreadPage,
} from '../contracts/public-api.js';
import type { ImportJobJson, SkippedEntryJson } from '../contracts/import-api.js';

/** True when A and B accept the same values (both directions assignable). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function assertSame<_T extends true>(): void {}

const iso = z.iso.datetime({ offset: true });
const Reason = z.object({
  code: z.string(),
  message: z.string(),
  matches: z.array(z.string()).optional(),
});

export const PublicCommentShape = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    author: z.object({ name: z.string(), website: z.string().nullable(), avatar: z.string() }),
    html: z.string().describe('Sanitised HTML of the Markdown body.'),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
    replyTo: z.object({ id: z.string(), name: z.string() }).optional(),
  })
  .meta({ id: 'PublicComment' });
assertSame<Same<z.infer<typeof PublicCommentShape>, PublicComment>>();

export const PublicThreadCommentShape: z.ZodType<PublicThreadComment> = PublicCommentShape.extend({
  get replies() {
    return z.array(PublicThreadCommentShape);
  },
}).meta({ id: 'PublicThreadComment' });

export const ThreadPageShape = z.object({
  comments: z.array(PublicThreadCommentShape),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
assertSame<Same<z.infer<typeof ThreadPageShape>, ThreadPage>>();

export const PublicPostShape = z.object({
  slug: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  commentCount: z.number().int(),
  closed: z.boolean(),
});
assertSame<Same<z.infer<typeof PublicPostShape>, PublicPost>>();

export const CheckResultShape = z.object({
  decision: z.enum(['approve', 'warn', 'hold', 'reject']),
  reasons: z.array(Reason),
  scores: z.record(z.string(), z.number()).optional(),
});
assertSame<Same<z.infer<typeof CheckResultShape>, CheckResult>>();

export const CreateCommentResultShape = z.object({
  status: z.enum(['approved', 'pending']),
  comment: PublicCommentShape,
  editToken: z.string().optional(),
  editableUntil: z.string().optional(),
});
assertSame<Same<z.infer<typeof CreateCommentResultShape>, CreateCommentResult>>();

export const EditCommentResultShape = z.object({
  status: z.enum(['approved', 'pending']),
  comment: PublicCommentShape,
});
assertSame<Same<z.infer<typeof EditCommentResultShape>, EditCommentResult>>();

export const FormTokenResultShape = z.object({
  token: z.string(),
  minSubmitSeconds: z.number().optional(),
  replyMail: z.boolean().optional().describe('Mail is configured: offer "notify me of replies".'),
});
assertSame<Same<z.infer<typeof FormTokenResultShape>, FormTokenResult>>();

const QueueCountsShape = z.object(
  Object.fromEntries(QUEUES.map((q) => [q, z.number().int()])) as Record<
    (typeof QUEUES)[number],
    z.ZodNumber
  >,
);

export const ModerationItemShape = z
  .object({
    comment: z.object({
      id: z.string(),
      status: z.string(),
      body: z.string(),
      html: z.string(),
      authorName: z.string(),
      authorEmail: z.string(),
      authorWebsite: z.string().nullable(),
      authorVerified: z
        .boolean()
        .describe('The author confirmed their email address (reply-mail opt-in).'),
      ipHash: z.string(),
      userAgent: z.string().nullable(),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
      reportCount: z.number().int(),
      reportedAt: z.string().nullable(),
      toxic: z.boolean(),
      toxicityScore: z.number().nullable(),
      spamScore: z.number().nullable(),
      screening: z.object({
        decision: z.string().nullable(),
        reasons: z.array(Reason),
        scores: z.record(z.string(), z.number()).nullable(),
        drivers: z.record(
          z.string(),
          z.array(z.object({ feature: z.string(), weight: z.number() })),
        ),
      }),
    }),
    post: z.object({
      slug: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      site: z.string(),
    }),
    parent: z.object({ id: z.string(), authorName: z.string(), html: z.string() }).nullable(),
    reports: z.array(
      z.object({ reason: z.string(), note: z.string().nullable(), createdAt: z.string() }),
    ),
    history: z.object({
      approved: z.number().int(),
      rejected: z.number().int(),
      spam: z.number().int(),
      pending: z.number().int(),
    }),
  })
  .meta({ id: 'ModerationItem' });
assertSame<Same<z.infer<typeof ModerationItemShape>, ModerationItem>>();

export const QueuePageShape = z.object({
  items: z.array(ModerationItemShape),
  nextCursor: z.string().nullable(),
  counts: QueueCountsShape,
});
assertSame<Same<z.infer<typeof QueuePageShape>, QueuePage>>();

export const DecidedShape = z.object({ comment: ModerationItemShape, auditId: z.string() });
assertSame<Same<z.infer<typeof DecidedShape>, Decided>>();

export const BulkResultShape = z.object({
  id: z.string(),
  ok: z.boolean(),
  auditId: z.string().optional(),
  error: z.string().optional(),
});
assertSame<Same<z.infer<typeof BulkResultShape>, BulkResult>>();

export const BanViewShape = z
  .object({
    id: z.string(),
    site: z.string(),
    kind: z.enum(['email', 'ip', 'domain']),
    value: z.string(),
    reason: z.string().nullable(),
    expiresAt: z.string().nullable(),
    active: z.boolean(),
    createdById: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'BanView' });
assertSame<Same<z.infer<typeof BanViewShape>, BanView>>();

export const AuditEntryShape = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  site: z.string().nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneById: z.string().nullable(),
});
assertSame<Same<z.infer<typeof AuditEntryShape>, AuditEntryView>>();

export const UndoResultShape = z.union([
  z.object({ comment: ModerationItemShape }),
  z.object({ ban: BanViewShape.nullable() }),
]);

const byStatus = Object.fromEntries(COMMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<
  (typeof COMMENT_STATUSES)[number],
  z.ZodNumber
>;
export const ModerationStatsShape = z.object({
  perDay: z.array(z.object({ date: z.string(), total: z.number().int(), ...byStatus })),
  byStatus: z.object(byStatus),
  medianDecisionSeconds: z.number().nullable(),
});
assertSame<Same<z.infer<typeof ModerationStatsShape>, ModerationStats>>();

const role = z.enum(['admin', 'moderator']);
export const UserViewShape = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  sites: z.array(z.string()),
});
assertSame<Same<z.infer<typeof UserViewShape>, UserView>>();

export const UserAccountShape = UserViewShape.extend({
  locked: z.boolean(),
  createdAt: z.string(),
});
assertSame<Same<z.infer<typeof UserAccountShape>, UserAccount>>();

export const AdminSiteShape = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    allowedOrigins: z.array(z.string()),
    settings: z
      .record(z.string(), z.unknown())
      .describe('Effective settings: stored over defaults.'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminSite' });
// settings is typed loosely here (the full settings schema is the admin PATCH body's).
assertSame<
  Same<Omit<z.infer<typeof AdminSiteShape>, 'settings'>, Omit<AdminSiteView, 'settings'>>
>();

export { iso };

export const ImportJobShape = z
  .object({
    id: z.string(),
    siteId: z.string(),
    format: z.string().describe('The format read: disqus, wxr, isso, remark42, commento, parley.'),
    status: z.enum(['reading', 'writing', 'done', 'failed']),
    dryRun: z.boolean().describe('A dry run writes nothing: its plan lists what would be.'),
    options: z.object({
      remap: z.array(z.string()),
      includePingbacks: z.boolean(),
      screen: z.boolean(),
    }),
    fileName: z.string().nullable(),
    fileBytes: z.number().int().nullable(),
    progress: z.object({
      bytesRead: z.number().int(),
      recordsRead: z.number().int(),
      threadsTotal: z.number().int(),
      threadsDone: z.number().int(),
    }),
    counts: z.object({
      threads: z.number().int(),
      postsCreated: z.number().int(),
      postsMatched: z.number().int(),
      commentsCreated: z.number().int(),
      commentsExisting: z.number().int(),
      commentsReattached: z.number().int(),
      commentsFlattened: z.number().int(),
      skipped: z.number().int(),
    }),
    plan: z
      .object({
        posts: z.array(
          z.object({
            url: z.string(),
            slug: z.string(),
            title: z.string(),
            action: z.enum(['create', 'match']),
            comments: z.number().int(),
          }),
        ),
        truncated: z.boolean(),
      })
      .nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
assertSame<Same<z.infer<typeof ImportJobShape>, ImportJobJson>>();

export const SkippedEntryShape = z.object({
  entity: z.string(),
  sourceId: z.string().nullable(),
  reason: z.string(),
  line: z.number().int().nullable(),
});
assertSame<Same<z.infer<typeof SkippedEntryShape>, SkippedEntryJson>>();
