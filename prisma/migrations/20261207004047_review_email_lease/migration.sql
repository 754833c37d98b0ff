-- AlterTable
ALTER TABLE "ReviewEmail" ADD COLUMN     "leaseUntil" TIMESTAMP(3);
