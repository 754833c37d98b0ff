import { AppFrame } from '@/components/layout/app-frame';
import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { DashboardReader, DashboardReaderHeader, DashboardReaderIntro } from '@/components/dashboard/dashboard-reader';
import { dashboardCardsUnchecked } from '@/lib/dashboard/dashboard';

// The dashboard's cards, rendered once per version and kept (lib/dashboard/gate.ts): the proxy
// rewrites `GET /` here for an active, signed-in reader, and refuses this path to everyone else.
// Nothing here reads the request; the reader's own part is fetched by the browser.
export const revalidate = false;
export const dynamicParams = true;
export function generateStaticParams(): { version: string; team: string }[] {
  return [];
}

export default async function KeptDashboardPage({ params }: { params: Promise<{ version: string; team: string }> }) {
  const { team } = await params;
  const cards = await dashboardCardsUnchecked(team === 'all' ? null : team);
  return (
    <DashboardReader>
      <AppFrame header={<DashboardReaderHeader />}>
        <DashboardReaderIntro />
        <DashboardCards cards={cards} />
      </AppFrame>
    </DashboardReader>
  );
}
