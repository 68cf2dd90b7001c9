-- CreateIndex
CREATE INDEX "Comment_postId_depth_createdAt_id_idx" ON "Comment"("postId", "depth", "createdAt", "id");
