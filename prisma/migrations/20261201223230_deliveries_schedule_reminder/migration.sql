-- CreateEnum
CREATE TYPE "DestinationKind" AS ENUM ('SLACK', 'TEAMS', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'RETRYING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "reminderDays" INTEGER;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "scheduleError" TEXT,
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "scheduledById" TEXT;

-- CreateTable
CREATE TABLE "DeliveryDestination" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "DestinationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "urlEncrypted" TEXT NOT NULL,
    "urlHost" TEXT NOT NULL,
    "secretEncrypted" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditionDelivery" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EditionDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeliveryDestination_teamId_idx" ON "DeliveryDestination"("teamId");

-- CreateIndex
CREATE INDEX "EditionDelivery_destinationId_idx" ON "EditionDelivery"("destinationId");

-- CreateIndex
CREATE INDEX "EditionDelivery_teamId_idx" ON "EditionDelivery"("teamId");

-- CreateIndex
CREATE INDEX "EditionDelivery_status_idx" ON "EditionDelivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "EditionDelivery_reviewId_destinationId_key" ON "EditionDelivery"("reviewId", "destinationId");

-- CreateIndex
CREATE INDEX "Review_scheduledAt_idx" ON "Review"("scheduledAt");

-- AddForeignKey
ALTER TABLE "DeliveryDestination" ADD CONSTRAINT "DeliveryDestination_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionDelivery" ADD CONSTRAINT "EditionDelivery_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "DeliveryDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
