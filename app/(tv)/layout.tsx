import type { ReactNode } from 'react';
import { requirePageActor } from '@/lib/session';

/** A wall screen: signed in like every page, but no navigation. Always dark, whatever the OS says. */
export default async function TvLayout({ children }: { children: ReactNode }) {
  await requirePageActor();
  return <div className="min-h-screen bg-slate-950 text-white [color-scheme:dark]">{children}</div>;
}
