import { AppFrame } from '@/components/layout/app-frame';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { DashboardGreeting } from '@/components/dashboard/dashboard-greeting';
import { NeedsYou } from '@/components/dashboard/needs-you';
import { KeptReader, ReaderHeader } from '@/components/layout/kept-reader';
import { dashboardCardsUnchecked } from '@/lib/dashboard/dashboard';
import { segmentNeeds } from '@/lib/dashboard/needs';
import { assertKeptAddress, KEPT_SEGMENTS } from '@/lib/kept/gate';

// A leader's or admin's home page, rendered once per version and "Needs you" and kept
// (lib/kept/gate.ts): the proxy rewrites `GET /` here after reading the reader's needs, which the
// address carries, and refuses this path to everyone else. Nothing here reads the request; the
// reader's header and name are fetched by the browser.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { version: string; team: string; needs: string }[] {
  return [];
}

export default async function KeptHomePage({
  params,
}: {
  params: Promise<{ version: string; team: string; needs: string }>;
}) {
  const { version, team, needs } = await params;
  assertKeptAddress(version, [team, KEPT_SEGMENTS.team], [needs, KEPT_SEGMENTS.needs]);
  const cards = await dashboardCardsUnchecked(team === 'all' ? null : team);
  return (
    <KeptReader>
      <AppFrame header={<ReaderHeader />}>
        <DashboardGreeting />
        <NeedsYou needs={segmentNeeds(needs)} />
        <DashboardCards cards={cards} />
      </AppFrame>
    </KeptReader>
  );
}
