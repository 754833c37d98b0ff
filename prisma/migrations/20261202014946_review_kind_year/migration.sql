-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('MONTHLY', 'YEAR');

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "kind" "ReviewKind" NOT NULL DEFAULT 'MONTHLY';
