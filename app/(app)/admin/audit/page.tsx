import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { auditFilterSchema, listAuditEvents } from '@/lib/audit';
import { formatInstant, zoneLabel } from '@/lib/dates/zone';
import { requirePageActor } from '@/lib/session';
import { appTimeZone } from '@/lib/time-zone';

export const metadata: Metadata = { title: 'Audit log' };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-ink-subtle">—</span>;
  return (
    <pre className="max-w-xs overflow-x-auto text-xs whitespace-pre-wrap text-ink-muted">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor('ADMIN');
  const filter = auditFilterSchema.parse(await searchParams);
  const { events, total, page, pageCount, entityTypes } = await listAuditEvents(actor, filter);
  const zone = appTimeZone();
  const query = (p: number) =>
    new URLSearchParams({
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.entity ? { entity: filter.entity } : {}),
      page: String(p),
    }).toString();
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`${total} event${total === 1 ? '' : 's'}, newest first. Times in ${zoneLabel(zone)}.`}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="actor" className="block text-sm font-medium">
            Actor (email)
          </label>
          <input
            id="actor"
            name="actor"
            defaultValue={filter.actor ?? ''}
            className="mt-1 rounded-md border border-line-strong px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="entity" className="block text-sm font-medium">
            Entity
          </label>
          <select
            id="entity"
            name="entity"
            defaultValue={filter.entity ?? ''}
            className="mt-1 rounded-md border border-line-strong px-3 py-2 text-sm"
          >
            <option value="">All</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <div className="overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line">
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="sr-only">Audit events</caption>
          <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
            <tr>
              <th scope="col" className="px-3 py-3">
                When
              </th>
              <th scope="col" className="px-3 py-3">
                Actor
              </th>
              <th scope="col" className="px-3 py-3">
                Action
              </th>
              <th scope="col" className="px-3 py-3">
                Entity
              </th>
              <th scope="col" className="px-3 py-3">
                Before
              </th>
              <th scope="col" className="px-3 py-3">
                After
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle align-top">
            {events.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt, zone)}</time>
                </td>
                <td className="px-3 py-2">{e.actor?.name ?? e.actorEmail ?? 'system'}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2 text-xs">
                  {e.entityType}
                  {e.entityId ? <span className="block font-mono text-ink-subtle">{e.entityId}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Json value={e.before} />
                </td>
                <td className="px-3 py-2">
                  <Json value={e.after} />
                </td>
              </tr>
            ))}
            {events.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-ink-subtle">
                  No events match.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
        {page > 1 ? (
          <Link href={`?${query(page - 1)}`} className="text-accent underline">
            Newer
          </Link>
        ) : null}
        <span>
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? (
          <Link href={`?${query(page + 1)}`} className="text-accent underline">
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
