'use client';
// The reader's part of the kept dashboard (lib/dashboard/gate.ts): the cards are the same for
// everyone, so who reads them (their header, greeting and "Needs you") is fetched once the page is
// in the browser, from /api/dashboard/reader.
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { AppHeader } from '@/components/layout/app-header';
import { PageHeader } from '@/components/ui/card';
import type { DashboardNeeds } from '@/lib/dashboard/dashboard';
import type { HeaderReader } from '@/lib/navigation';
import { DASHBOARD_DESCRIPTION, greeting } from './greeting';
import { NeedsYou } from './needs-you';

export type DashboardReaderState = { header: HeaderReader; name: string; needs: DashboardNeeds | null };

const ReaderContext = createContext<{ state: DashboardReaderState | null; failed: boolean }>({
  state: null,
  failed: false,
});

export function DashboardReader({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DashboardReaderState | null>(null);
  const [failed, setFailed] = useState(false);
  const router = useRouter();
  useEffect(() => {
    fetch('/api/dashboard/reader', { cache: 'no-store' })
      .then(async (res) => {
        // Signed out in another tab since the page was opened: the sign-in page brings them back.
        if (res.status === 401) {
          router.push('/sign-in');
          return;
        }
        if (!res.ok) throw new Error(String(res.status));
        setState((await res.json()) as DashboardReaderState);
      })
      .catch(() => setFailed(true));
  }, [router]);
  return <ReaderContext.Provider value={{ state, failed }}>{children}</ReaderContext.Provider>;
}

export function DashboardReaderHeader() {
  return <AppHeader reader={useContext(ReaderContext).state?.header ?? null} />;
}

/** The greeting, by the reader's own clock, and their "Needs you" once they are known. */
export function DashboardReaderIntro() {
  const { state, failed } = useContext(ReaderContext);
  return (
    <>
      <PageHeader title={state ? greeting(state.name, new Date()) : 'Welcome'} description={DASHBOARD_DESCRIPTION} />
      {failed ? (
        <p role="alert" className="mb-6 text-sm text-ink-muted">
          Your own part of this page could not be loaded. Reload the page to try again.
        </p>
      ) : null}
      {state ? <NeedsYou needs={state.needs} /> : null}
    </>
  );
}
