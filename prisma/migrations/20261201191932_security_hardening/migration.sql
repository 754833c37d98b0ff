-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oneTimePasswordExpiresAt" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Win" ADD COLUMN     "submissionKey" TEXT;

-- CreateTable
CREATE TABLE "SignInLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInLimit_expiresAt_idx" ON "SignInLimit"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Win_recordedById_submissionKey_key" ON "Win"("recordedById", "submissionKey");

-- Months outside 2000-01 … the current month cannot be entered any more (lib/figures/month.ts);
-- earlier versions accepted them (0000-01, 1000-01) and they broke the trend pages. Each one is
-- recorded in the audit log with what it held, then deleted with its figures (cascade).
INSERT INTO "AuditEvent" ("id", "actorId", "actorEmail", "action", "entityType", "entityId", "before", "after", "ip", "createdAt", "updatedAt")
SELECT 'mig-month-' || m."id", NULL, NULL, 'figures.delete_out_of_range', 'MonthFigures', m."id",
       jsonb_build_object('teamId', m."teamId", 'month', m."month", 'note', m."note"), NULL, NULL, now(), now()
FROM "MonthFigures" m
WHERE m."month" < '2000-01' OR m."month" > to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM');

DELETE FROM "MonthFigures" WHERE "month" < '2000-01' OR "month" > to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM');

INSERT INTO "AuditEvent" ("id", "actorId", "actorEmail", "action", "entityType", "entityId", "before", "after", "ip", "createdAt", "updatedAt")
SELECT 'mig-review-' || r."id", NULL, NULL, 'review.delete_out_of_range', 'Review', r."id",
       jsonb_build_object('teamId', r."teamId", 'month', r."month", 'title', r."title", 'status', r."status"), NULL, NULL, now(), now()
FROM "Review" r
WHERE r."month" < '2000-01' OR r."month" > to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM');

DELETE FROM "Review" WHERE "month" < '2000-01' OR "month" > to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM');
