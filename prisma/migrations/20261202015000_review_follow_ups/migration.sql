-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "followUps" TEXT NOT NULL DEFAULT '';
