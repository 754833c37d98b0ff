-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "timeZone" TEXT;
