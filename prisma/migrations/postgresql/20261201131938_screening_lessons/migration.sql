-- CreateTable
CREATE TABLE "ScreeningLesson" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "label" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorName" TEXT,
    "authorWebsite" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningLesson_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScreeningLesson_siteId_task_createdAt_idx" ON "ScreeningLesson"("siteId", "task", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningLesson_commentId_task_key" ON "ScreeningLesson"("commentId", "task");

-- Moderator spam / not-spam decisions made before lessons existed become lessons (the last
-- decision on each comment that was not undone), so upgrading keeps what the site learned.
INSERT INTO "ScreeningLesson" ("id", "siteId", "commentId", "task", "label", "text", "authorName", "authorWebsite", "createdAt")
SELECT gen_random_uuid()::text, c."siteId", c."id", 'spam', CASE WHEN a."action" = 'spam' THEN 1 ELSE 0 END, c."body", c."authorName", c."authorWebsite", a."createdAt"
FROM (
  SELECT DISTINCT ON ("targetId") "targetId", "action", "createdAt" FROM "AuditLog"
  WHERE "action" IN ('spam', 'not-spam') AND "undoneAt" IS NULL
  ORDER BY "targetId", "createdAt" DESC
) a
JOIN "Comment" c ON c."id" = a."targetId";
