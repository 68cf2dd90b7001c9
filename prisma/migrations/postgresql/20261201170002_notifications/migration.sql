-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "moderation" TEXT NOT NULL DEFAULT 'immediate',
    "weekly" BOOLEAN NOT NULL DEFAULT false,
    "lastDigestAt" TIMESTAMP(3),
    "lastWeeklyAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ModeratorNotice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ModeratorNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailActionToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailActionToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailAddress" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "authorHash" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "confirmSentAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplySubscription" (
    "id" TEXT NOT NULL,
    "addressId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "rootId" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplySubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailLog" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "addressId" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailLog_pkey" PRIMARY KEY ("id")
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
