-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'moderator',
    "siteIds" JSONB NOT NULL,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ban" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT,
    "expiresAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "ipHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "Report_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "undoneAt" DATETIME,
    "undoneById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SpamModel" (
    "siteId" TEXT NOT NULL PRIMARY KEY,
    "counts" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "siteId" TEXT NOT NULL,
    "postId" TEXT NOT NULL,
    "parentId" TEXT,
    "rootId" TEXT NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "replyToId" TEXT,
    "replyToName" TEXT,
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "authorHash" TEXT NOT NULL,
    "authorWebsite" TEXT,
    "body" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "screening" JSONB NOT NULL,
    "toxicityScore" REAL,
    "spamScore" REAL,
    "ipHash" TEXT NOT NULL,
    "userAgent" TEXT,
    "referrer" TEXT,
    "contentHash" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "reportedAt" DATETIME,
    "toxic" BOOLEAN NOT NULL DEFAULT false,
    "akismetParams" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    "decidedAt" DATETIME,
    CONSTRAINT "Comment_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("authorEmail", "authorHash", "authorName", "authorWebsite", "body", "contentHash", "createdAt", "decidedAt", "depth", "editedAt", "html", "id", "idempotencyKey", "ipHash", "parentId", "postId", "referrer", "replyToId", "replyToName", "reportCount", "rootId", "screening", "siteId", "spamScore", "status", "toxicityScore", "updatedAt", "userAgent") SELECT "authorEmail", "authorHash", "authorName", "authorWebsite", "body", "contentHash", "createdAt", "decidedAt", "depth", "editedAt", "html", "id", "idempotencyKey", "ipHash", "parentId", "postId", "referrer", "replyToId", "replyToName", "reportCount", "rootId", "screening", "siteId", "spamScore", "status", "toxicityScore", "updatedAt", "userAgent" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_postId_status_parentId_createdAt_idx" ON "Comment"("postId", "status", "parentId", "createdAt");
CREATE INDEX "Comment_rootId_createdAt_idx" ON "Comment"("rootId", "createdAt");
CREATE INDEX "Comment_siteId_status_createdAt_idx" ON "Comment"("siteId", "status", "createdAt");
CREATE INDEX "Comment_siteId_authorHash_idx" ON "Comment"("siteId", "authorHash");
CREATE INDEX "Comment_ipHash_createdAt_idx" ON "Comment"("ipHash", "createdAt");
CREATE INDEX "Comment_postId_contentHash_idx" ON "Comment"("postId", "contentHash");
CREATE INDEX "Comment_siteId_reportedAt_idx" ON "Comment"("siteId", "reportedAt");
CREATE UNIQUE INDEX "Comment_postId_idempotencyKey_key" ON "Comment"("postId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ban_siteId_kind_value_key" ON "Ban"("siteId", "kind", "value");

-- CreateIndex
CREATE INDEX "Report_siteId_resolvedAt_idx" ON "Report"("siteId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_commentId_ipHash_key" ON "Report"("commentId", "ipHash");

-- CreateIndex
CREATE INDEX "AuditLog_siteId_createdAt_idx" ON "AuditLog"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetId_idx" ON "AuditLog"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_siteId_idx" ON "ApiKey"("siteId");
