'use client';
// Who reads a kept page (lib/kept/gate.ts): the page is the same for every reader, so their header
// is fetched once it is in the browser, from /api/reader, and shared with whatever else on the
// page names them (the dashboard's greeting).
import { useRouter } from 'next/navigation';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HeaderReader } from '@/lib/navigation';
import { AppHeader } from './app-header';

const ReaderContext = createContext<{ reader: HeaderReader | null; failed: boolean }>({ reader: null, failed: false });

export function KeptReader({ children }: { children: ReactNode }) {
  const [reader, setReader] = useState<HeaderReader | null>(null);
  const [failed, setFailed] = useState(false);
  const router = useRouter();
  useEffect(() => {
    fetch('/api/reader', { cache: 'no-store' })
      .then(async (res) => {
        // Signed out in another tab since the page was opened: the sign-in page brings them back.
        if (res.status === 401) {
          router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
          return;
        }
        if (!res.ok) throw new Error(String(res.status));
        setReader(((await res.json()) as { header: HeaderReader }).header);
      })
      .catch(() => setFailed(true));
  }, [router]);
  return <ReaderContext.Provider value={{ reader, failed }}>{children}</ReaderContext.Provider>;
}

/** The reader of the kept page around it, once known (null until then, and if it could not be loaded). */
export function useKeptReader() {
  return useContext(ReaderContext);
}

export function ReaderHeader() {
  return <AppHeader reader={useKeptReader().reader} />;
}
