-- CreateIndex
CREATE INDEX "OutboxMessage_status_doneAt_idx" ON "OutboxMessage"("status", "doneAt");
