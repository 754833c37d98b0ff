-- AlterTable
ALTER TABLE "ContactReason" ADD COLUMN     "departmentId" TEXT;

-- CreateIndex
CREATE INDEX "ContactReason_departmentId_idx" ON "ContactReason"("departmentId");

-- AddForeignKey
ALTER TABLE "ContactReason" ADD CONSTRAINT "ContactReason_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;
