-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "drift" JSONB,
ADD COLUMN     "driftCheckedEpoch" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "driftEpoch" INTEGER NOT NULL DEFAULT 0;

-- Published editions from before: their drift is not known yet, so the first look computes it.
UPDATE "Review" SET "driftEpoch" = 1 WHERE "status" = 'PUBLISHED';
