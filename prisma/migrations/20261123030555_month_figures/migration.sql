-- CreateEnum
CREATE TYPE "KpiUnit" AS ENUM ('PERCENT', 'SECONDS', 'MINUTES', 'COUNT', 'SCORE');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactReason" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "unit" "KpiUnit" NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "target" DECIMAL(14,4),
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthFigures" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "note" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthFigures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelVolume" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "figuresId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "received" INTEGER NOT NULL,
    "handled" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelVolume_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReasonCount" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "figuresId" TEXT NOT NULL,
    "reasonId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReasonCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentCount" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "figuresId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SegmentCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiValue" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "figuresId" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Channel_teamId_position_idx" ON "Channel"("teamId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_teamId_nameKey_key" ON "Channel"("teamId", "nameKey");

-- CreateIndex
CREATE INDEX "ContactReason_teamId_position_idx" ON "ContactReason"("teamId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ContactReason_teamId_nameKey_key" ON "ContactReason"("teamId", "nameKey");

-- CreateIndex
CREATE INDEX "Segment_teamId_position_idx" ON "Segment"("teamId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_teamId_nameKey_key" ON "Segment"("teamId", "nameKey");

-- CreateIndex
CREATE INDEX "Kpi_teamId_position_idx" ON "Kpi"("teamId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_teamId_nameKey_key" ON "Kpi"("teamId", "nameKey");

-- CreateIndex
CREATE INDEX "MonthFigures_updatedById_idx" ON "MonthFigures"("updatedById");

-- CreateIndex
CREATE UNIQUE INDEX "MonthFigures_teamId_month_key" ON "MonthFigures"("teamId", "month");

-- CreateIndex
CREATE INDEX "ChannelVolume_channelId_idx" ON "ChannelVolume"("channelId");

-- CreateIndex
CREATE INDEX "ChannelVolume_teamId_idx" ON "ChannelVolume"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelVolume_figuresId_channelId_key" ON "ChannelVolume"("figuresId", "channelId");

-- CreateIndex
CREATE INDEX "ReasonCount_reasonId_idx" ON "ReasonCount"("reasonId");

-- CreateIndex
CREATE INDEX "ReasonCount_teamId_idx" ON "ReasonCount"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ReasonCount_figuresId_reasonId_key" ON "ReasonCount"("figuresId", "reasonId");

-- CreateIndex
CREATE INDEX "SegmentCount_segmentId_idx" ON "SegmentCount"("segmentId");

-- CreateIndex
CREATE INDEX "SegmentCount_teamId_idx" ON "SegmentCount"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SegmentCount_figuresId_segmentId_key" ON "SegmentCount"("figuresId", "segmentId");

-- CreateIndex
CREATE INDEX "KpiValue_kpiId_idx" ON "KpiValue"("kpiId");

-- CreateIndex
CREATE INDEX "KpiValue_teamId_idx" ON "KpiValue"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "KpiValue_figuresId_kpiId_key" ON "KpiValue"("figuresId", "kpiId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_teamId_idx" ON "ApiToken"("teamId");

-- CreateIndex
CREATE INDEX "ApiToken_createdById_idx" ON "ApiToken"("createdById");

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactReason" ADD CONSTRAINT "ContactReason_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthFigures" ADD CONSTRAINT "MonthFigures_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthFigures" ADD CONSTRAINT "MonthFigures_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelVolume" ADD CONSTRAINT "ChannelVolume_figuresId_fkey" FOREIGN KEY ("figuresId") REFERENCES "MonthFigures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelVolume" ADD CONSTRAINT "ChannelVolume_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonCount" ADD CONSTRAINT "ReasonCount_figuresId_fkey" FOREIGN KEY ("figuresId") REFERENCES "MonthFigures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonCount" ADD CONSTRAINT "ReasonCount_reasonId_fkey" FOREIGN KEY ("reasonId") REFERENCES "ContactReason"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentCount" ADD CONSTRAINT "SegmentCount_figuresId_fkey" FOREIGN KEY ("figuresId") REFERENCES "MonthFigures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentCount" ADD CONSTRAINT "SegmentCount_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_figuresId_fkey" FOREIGN KEY ("figuresId") REFERENCES "MonthFigures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiValue" ADD CONSTRAINT "KpiValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
