'use client';
// The kept dashboard's greeting (lib/kept/gate.ts): the page is the same for every reader, so
// their name arrives with their header, and the hour is their own clock's.
import { useKeptReader } from '@/components/layout/kept-reader';
import { PageHeader } from '@/components/ui/card';
import { DASHBOARD_DESCRIPTION, greeting } from './greeting';

export function DashboardGreeting() {
  const { reader } = useKeptReader();
  return (
    <PageHeader title={reader ? greeting(reader.name, new Date()) : 'Welcome'} description={DASHBOARD_DESCRIPTION} />
  );
}
