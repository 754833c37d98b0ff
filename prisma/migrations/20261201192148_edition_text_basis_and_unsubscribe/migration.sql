-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "omittedUpdateIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "omittedWinIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "textBasis" JSONB,
ADD COLUMN     "textConfirmedDigest" TEXT;

-- CreateTable
CREATE TABLE "ReviewEmailAddressOptOut" (
    "teamId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewEmailAddressOptOut_pkey" PRIMARY KEY ("teamId","email")
);

-- CreateTable
CREATE TABLE "ReviewEmailRecipient" (
    "emailId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewEmailRecipient_pkey" PRIMARY KEY ("emailId","address")
);

-- AddForeignKey
ALTER TABLE "ReviewEmailAddressOptOut" ADD CONSTRAINT "ReviewEmailAddressOptOut_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEmailRecipient" ADD CONSTRAINT "ReviewEmailRecipient_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "ReviewEmail"("id") ON DELETE CASCADE ON UPDATE CASCADE;
