import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { Field, SelectField } from '@/components/ui/field';
import { EmptyRow, TBody, Td, Th, THead, Table } from '@/components/ui/table';
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
  return (
    <>
      <PageHeader
        title="Audit log"
        description={`${total} event${total === 1 ? '' : 's'}, newest first. Times in ${zoneLabel(zone)}.`}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <Field label="Actor (email)" name="actor" defaultValue={filter.actor ?? ''} />
        <SelectField label="Entity" name="entity" defaultValue={filter.entity ?? ''}>
          <option value="">All</option>
          {entityTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Table caption="Audit events">
        <THead>
          <Th compact>When</Th>
          <Th compact>Actor</Th>
          <Th compact>Action</Th>
          <Th compact>Entity</Th>
          <Th compact>Before</Th>
          <Th compact>After</Th>
        </THead>
        <TBody className="align-top">
          {events.map((e) => (
            <tr key={e.id}>
              <Td compact className="whitespace-nowrap tabular-nums">
                <time dateTime={e.createdAt.toISOString()}>{formatInstant(e.createdAt, zone)}</time>
              </Td>
              <Td compact>{e.actor?.name ?? e.actorEmail ?? 'system'}</Td>
              <Td compact className="font-mono text-xs">
                {e.action}
              </Td>
              <Td compact className="text-xs">
                {e.entityType}
                {e.entityId ? <span className="block font-mono text-ink-subtle">{e.entityId}</span> : null}
              </Td>
              <Td compact>
                <Json value={e.before} />
              </Td>
              <Td compact>
                <Json value={e.after} />
              </Td>
            </tr>
          ))}
          {events.length === 0 ? <EmptyRow colSpan={6}>No events match.</EmptyRow> : null}
        </TBody>
      </Table>
      <Pagination
        page={page}
        pageCount={pageCount}
        params={{ actor: filter.actor, entity: filter.entity }}
        previousLabel="Newer"
        nextLabel="Older"
      />
    </>
  );
}
