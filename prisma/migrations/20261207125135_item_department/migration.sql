-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "departmentId" TEXT;

-- AlterTable
ALTER TABLE "Segment" ADD COLUMN     "departmentId" TEXT;

-- CreateIndex
CREATE INDEX "Channel_departmentId_idx" ON "Channel"("departmentId");

-- CreateIndex
CREATE INDEX "Segment_departmentId_idx" ON "Segment"("departmentId");

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;
