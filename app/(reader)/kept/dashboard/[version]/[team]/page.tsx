import { AppFrame } from '@/components/layout/app-frame';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { DashboardGreeting } from '@/components/dashboard/dashboard-greeting';
import { KeptReader, ReaderHeader } from '@/components/layout/kept-reader';
import { dashboardCardsUnchecked } from '@/lib/dashboard/dashboard';
import { assertKeptAddress, KEPT_SEGMENTS } from '@/lib/kept/gate';

// The dashboard's cards, rendered once per version and kept (lib/kept/gate.ts): the proxy rewrites
// `GET /` here for an active, signed-in reader without "Needs you" (not a leader or admin: theirs is [needs]/),
// and refuses this path to everyone else. Nothing here reads the request; the reader's header
// and name are fetched by the browser.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { version: string; team: string }[] {
  return [];
}

export default async function KeptDashboardPage({ params }: { params: Promise<{ version: string; team: string }> }) {
  const { version, team } = await params;
  assertKeptAddress(version, [team, KEPT_SEGMENTS.team]);
  const cards = await dashboardCardsUnchecked(team === 'all' ? null : team);
  return (
    <KeptReader>
      <AppFrame header={<ReaderHeader />}>
        <DashboardGreeting />
        <DashboardCards cards={cards} />
      </AppFrame>
    </KeptReader>
  );
}
