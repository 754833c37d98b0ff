import type { Metadata } from 'next';
import { TvRotator } from '@/components/tv/tv-rotator';
import { getTvSlides } from '@/lib/dashboard/tv';
import { requirePageActor } from '@/lib/session';

export const metadata: Metadata = { title: 'TV' };

export default async function TvPage() {
  const actor = await requirePageActor();
  const { slides } = await getTvSlides(actor);
  return <TvRotator slides={slides} />;
}
