import type { Metadata } from 'next';
import { monthLabel } from '@/lib/dates/month';

/** "Customer Care — November 2026 · Service Review" in the tab and in link previews, on both edition pages. */
export function editionMetadata(teamName: string, period: string, editionTitle: string): Metadata {
  const title = `${teamName} — ${monthLabel(period)}`;
  return {
    title,
    description: editionTitle,
    openGraph: {
      type: 'article',
      title: `${title} · Service Review`,
      description: editionTitle,
      siteName: 'Service Review',
    },
    twitter: { card: 'summary', title: `${title} · Service Review`, description: editionTitle },
  };
}
