-- CreateEnum
CREATE TYPE "FigureSourceKind" AS ENUM ('IMPORT', 'MANUAL', 'API');

-- CreateTable
CREATE TABLE "FigureSource" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "figuresId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "kind" "FigureSourceKind" NOT NULL,
    "label" TEXT NOT NULL,
    "fileName" TEXT,
    "actorId" TEXT,
    "tokenId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FigureSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceBreak" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceBreak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparableAcrossBreak" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComparableAcrossBreak_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FigureSource_teamId_month_idx" ON "FigureSource"("teamId", "month");

-- CreateIndex
CREATE INDEX "FigureSource_actorId_idx" ON "FigureSource"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "FigureSource_figuresId_part_key" ON "FigureSource"("figuresId", "part");

-- CreateIndex
CREATE UNIQUE INDEX "SourceBreak_teamId_month_key" ON "SourceBreak"("teamId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ComparableAcrossBreak_teamId_month_part_key" ON "ComparableAcrossBreak"("teamId", "month", "part");

-- AddForeignKey
ALTER TABLE "FigureSource" ADD CONSTRAINT "FigureSource_figuresId_fkey" FOREIGN KEY ("figuresId") REFERENCES "MonthFigures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FigureSource" ADD CONSTRAINT "FigureSource_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceBreak" ADD CONSTRAINT "SourceBreak_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparableAcrossBreak" ADD CONSTRAINT "ComparableAcrossBreak_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
