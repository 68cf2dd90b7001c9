-- AlterTable
ALTER TABLE "NotificationSetting" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "MailAddress" ADD COLUMN     "language" TEXT;

-- AlterTable
ALTER TABLE "ReplySubscription" ADD COLUMN     "language" TEXT;
