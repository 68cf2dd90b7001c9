-- DropIndex
DROP INDEX "Comment_siteId_authorHash_idx";

-- CreateIndex
CREATE INDEX "Comment_siteId_authorHash_status_idx" ON "Comment"("siteId", "authorHash", "status");
