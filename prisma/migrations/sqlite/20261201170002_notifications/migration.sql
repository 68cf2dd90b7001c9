-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "moderation" TEXT NOT NULL DEFAULT 'immediate',
    "weekly" BOOLEAN NOT NULL DEFAULT false,
    "lastDigestAt" DATETIME,
    "lastWeeklyAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ModeratorNotice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "MailActionToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailAddress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "authorHash" TEXT NOT NULL,
    "verifiedAt" DATETIME,
    "confirmSentAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReplySubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "addressId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "rootId" TEXT NOT NULL,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "addressId" TEXT,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ModeratorNotice_userId_sentAt_idx" ON "ModeratorNotice"("userId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModeratorNotice_userId_commentId_reason_key" ON "ModeratorNotice"("userId", "commentId", "reason");

-- CreateIndex
CREATE INDEX "MailActionToken_commentId_idx" ON "MailActionToken"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_email_key" ON "MailAddress"("email");

-- CreateIndex
CREATE UNIQUE INDEX "MailAddress_authorHash_key" ON "MailAddress"("authorHash");

-- CreateIndex
CREATE UNIQUE INDEX "ReplySubscription_commentId_key" ON "ReplySubscription"("commentId");

-- CreateIndex
CREATE INDEX "ReplySubscription_addressId_rootId_idx" ON "ReplySubscription"("addressId", "rootId");

-- CreateIndex
CREATE UNIQUE INDEX "MailLog_key_key" ON "MailLog"("key");

-- CreateIndex
CREATE INDEX "MailLog_addressId_createdAt_idx" ON "MailLog"("addressId", "createdAt");
