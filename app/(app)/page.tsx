import { DashboardCards } from '@/components/dashboard/dashboard-cards';
import { DASHBOARD_DESCRIPTION, greeting } from '@/components/dashboard/greeting';
import { NeedsYou } from '@/components/dashboard/needs-you';
import { PageHeader } from '@/components/ui/card';
import { getDashboard } from '@/lib/dashboard/dashboard';
import { requirePageActor } from '@/lib/session';

// The dashboard for whoever the proxy's gate does not open the kept one to (lib/kept/gate.ts):
// its guards then answer (sign-in, the password page). Both show the same cards.
export default async function DashboardPage() {
  const actor = await requirePageActor();
  const { cards, needs } = await getDashboard(actor);
  return (
    <>
      <PageHeader title={greeting(actor.name, new Date())} description={DASHBOARD_DESCRIPTION} />
      <NeedsYou needs={needs} />
      <DashboardCards cards={cards} />
    </>
  );
}
