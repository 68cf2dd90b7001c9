-- CreateTable
CREATE TABLE "ScreeningLesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "label" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorName" TEXT,
    "authorWebsite" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ScreeningLesson_siteId_task_createdAt_idx" ON "ScreeningLesson"("siteId", "task", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScreeningLesson_commentId_task_key" ON "ScreeningLesson"("commentId", "task");

-- Moderator spam / not-spam decisions made before lessons existed become lessons (the last
-- decision on each comment that was not undone), so upgrading keeps what the site learned.
INSERT INTO "ScreeningLesson" ("id", "siteId", "commentId", "task", "label", "text", "authorName", "authorWebsite", "createdAt")
SELECT lower(hex(randomblob(16))), c."siteId", c."id", 'spam', CASE WHEN a."action" = 'spam' THEN 1 ELSE 0 END, c."body", c."authorName", c."authorWebsite", a."createdAt"
FROM "AuditLog" a
JOIN "Comment" c ON c."id" = a."targetId"
WHERE a."action" IN ('spam', 'not-spam') AND a."undoneAt" IS NULL
  AND a."createdAt" = (
    SELECT MAX(b."createdAt") FROM "AuditLog" b
    WHERE b."targetId" = a."targetId" AND b."action" IN ('spam', 'not-spam') AND b."undoneAt" IS NULL
  )
GROUP BY a."targetId";
