-- CreateTable
CREATE TABLE "ImportValueMapping" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "valueKey" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "itemId" TEXT,
    "choice" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportValueMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportValueMapping_teamId_kind_valueKey_key" ON "ImportValueMapping"("teamId", "kind", "valueKey");

-- AddForeignKey
ALTER TABLE "ImportValueMapping" ADD CONSTRAINT "ImportValueMapping_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
