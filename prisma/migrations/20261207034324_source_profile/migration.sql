-- CreateTable
CREATE TABLE "SourceProfile" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceProfile_teamId_signature_key" ON "SourceProfile"("teamId", "signature");

-- AddForeignKey
ALTER TABLE "SourceProfile" ADD CONSTRAINT "SourceProfile_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
