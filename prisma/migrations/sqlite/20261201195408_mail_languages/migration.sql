-- AlterTable
ALTER TABLE "MailAddress" ADD COLUMN "language" TEXT;

-- AlterTable
ALTER TABLE "ReplySubscription" ADD COLUMN "language" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NotificationSetting" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "moderation" TEXT NOT NULL DEFAULT 'immediate',
    "weekly" BOOLEAN NOT NULL DEFAULT false,
    "lastDigestAt" DATETIME,
    "lastWeeklyAt" DATETIME,
    "language" TEXT NOT NULL DEFAULT 'en',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_NotificationSetting" ("lastDigestAt", "lastWeeklyAt", "moderation", "updatedAt", "userId", "weekly") SELECT "lastDigestAt", "lastWeeklyAt", "moderation", "updatedAt", "userId", "weekly" FROM "NotificationSetting";
DROP TABLE "NotificationSetting";
ALTER TABLE "new_NotificationSetting" RENAME TO "NotificationSetting";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
