'use client';
// The header of a kept page (lib/kept/gate.ts): the page is the same for every reader, so who reads
// it is fetched once it is in the browser.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { HeaderReader } from '@/lib/navigation';
import { AppHeader } from './app-header';

export function ReaderHeader() {
  const [reader, setReader] = useState<HeaderReader | null>(null);
  const router = useRouter();
  useEffect(() => {
    fetch('/api/reader', { cache: 'no-store' })
      .then(async (res) => {
        // Signed out in another tab since the page was opened: the sign-in page brings them back.
        if (res.status === 401) {
          router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
          return;
        }
        if (res.ok) setReader(((await res.json()) as { header: HeaderReader }).header);
      })
      .catch(() => {});
  }, [router]);
  return <AppHeader reader={reader} />;
}
