-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "importKey" TEXT;

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "options" JSONB NOT NULL,
    "fileName" TEXT,
    "fileBytes" INTEGER,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "recordsRead" INTEGER NOT NULL DEFAULT 0,
    "threadsTotal" INTEGER NOT NULL DEFAULT 0,
    "threadsDone" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB NOT NULL,
    "resumeAfter" INTEGER NOT NULL DEFAULT 0,
    "plan" JSONB,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportStaged" (
    "jobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT,
    "threadSourceId" TEXT,
    "data" TEXT NOT NULL,
    "reason" TEXT,
    "line" INTEGER,

    CONSTRAINT "ImportStaged_pkey" PRIMARY KEY ("jobId","seq")
);

-- CreateTable
CREATE TABLE "ImportSource" (
    "siteId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "postId" TEXT NOT NULL,

    CONSTRAINT "ImportSource_pkey" PRIMARY KEY ("siteId","key")
);

-- CreateIndex
CREATE INDEX "ImportJob_siteId_createdAt_idx" ON "ImportJob"("siteId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportStaged_jobId_kind_threadSourceId_idx" ON "ImportStaged"("jobId", "kind", "threadSourceId");

-- CreateIndex
CREATE INDEX "ImportStaged_jobId_kind_sourceId_idx" ON "ImportStaged"("jobId", "kind", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_siteId_importKey_key" ON "Comment"("siteId", "importKey");
