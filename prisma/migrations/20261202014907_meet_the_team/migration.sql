-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "meetTheTeamIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
