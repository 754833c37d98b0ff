-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "QuoteAttribution" AS ENUM ('NAMED', 'ORGANISATION', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "QuoteChannel" AS ENUM ('PHONE', 'EMAIL', 'CHAT', 'SOCIAL', 'MESSAGING', 'OTHER');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'PAUSED');

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "submitterId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attribution" "QuoteAttribution" NOT NULL,
    "consentRecordedAt" TIMESTAMP(3),
    "customerName" TEXT,
    "customerOrganisation" TEXT,
    "channel" "QuoteChannel" NOT NULL,
    "receivedOn" DATE NOT NULL,
    "sourceReference" TEXT,
    "status" "QuoteStatus" NOT NULL DEFAULT 'PENDING',
    "pullQuote" TEXT,
    "moderatorId" TEXT,
    "moderationNote" TEXT,
    "moderatedAt" TIMESTAMP(3),
    -- Generated, so every write keeps it in step: customer names are only searchable where
    -- the attribution lets them be shown (the server also never stores them otherwise).
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text" || ' ' || CASE WHEN "attribution" = 'NAMED'::"QuoteAttribution" THEN coalesce("customerName", '') || ' ' || coalesce("customerOrganisation", '') WHEN "attribution" = 'ORGANISATION'::"QuoteAttribution" THEN coalesce("customerOrganisation", '') ELSE '' END)) STORED,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteCredit" (
    "quoteId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuoteCredit_pkey" PRIMARY KEY ("quoteId","userId")
);

-- CreateTable
CREATE TABLE "Win" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "recordedById" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Win_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WinCredit" (
    "winId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WinCredit_pkey" PRIMARY KEY ("winId","userId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'PLANNED',
    "startOn" DATE,
    "targetOn" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectUpdate" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "postedOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Quote_status_receivedOn_id_idx" ON "Quote"("status", "receivedOn", "id");

-- CreateIndex
CREATE INDEX "Quote_teamId_status_receivedOn_id_idx" ON "Quote"("teamId", "status", "receivedOn", "id");

-- CreateIndex
CREATE INDEX "Quote_submitterId_createdAt_idx" ON "Quote"("submitterId", "createdAt");

-- CreateIndex
CREATE INDEX "Quote_moderatorId_idx" ON "Quote"("moderatorId");

-- CreateIndex
CREATE INDEX "Quote_searchVector_idx" ON "Quote" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_submitterId_submissionKey_key" ON "Quote"("submitterId", "submissionKey");

-- CreateIndex
CREATE INDEX "QuoteCredit_userId_quoteId_idx" ON "QuoteCredit"("userId", "quoteId");

-- CreateIndex
CREATE INDEX "Win_teamId_occurredOn_idx" ON "Win"("teamId", "occurredOn");

-- CreateIndex
CREATE INDEX "Win_occurredOn_idx" ON "Win"("occurredOn");

-- CreateIndex
CREATE INDEX "Win_recordedById_idx" ON "Win"("recordedById");

-- CreateIndex
CREATE INDEX "Win_deletedById_idx" ON "Win"("deletedById");

-- CreateIndex
CREATE INDEX "WinCredit_userId_idx" ON "WinCredit"("userId");

-- CreateIndex
CREATE INDEX "Project_ownerId_idx" ON "Project"("ownerId");

-- CreateIndex
CREATE INDEX "Project_createdById_idx" ON "Project"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "Project_teamId_name_key" ON "Project"("teamId", "name");

-- CreateIndex
CREATE INDEX "ProjectUpdate_projectId_postedOn_idx" ON "ProjectUpdate"("projectId", "postedOn");

-- CreateIndex
CREATE INDEX "ProjectUpdate_teamId_idx" ON "ProjectUpdate"("teamId");

-- CreateIndex
CREATE INDEX "ProjectUpdate_authorId_idx" ON "ProjectUpdate"("authorId");

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCredit" ADD CONSTRAINT "QuoteCredit_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCredit" ADD CONSTRAINT "QuoteCredit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Win" ADD CONSTRAINT "Win_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Win" ADD CONSTRAINT "Win_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Win" ADD CONSTRAINT "Win_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinCredit" ADD CONSTRAINT "WinCredit_winId_fkey" FOREIGN KEY ("winId") REFERENCES "Win"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinCredit" ADD CONSTRAINT "WinCredit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectUpdate" ADD CONSTRAINT "ProjectUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
