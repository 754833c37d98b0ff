import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { TBody, Td, Th, THead, Table } from '@/components/ui/table';
import { countChange } from '@/lib/editions/content';
import { monthLabel } from '@/lib/dates/month';
import { getDepartmentMap } from '@/lib/departments/page';
import { formatNumber } from '@/lib/format';
import { orPageError } from '@/lib/pages';
import { requirePageActor } from '@/lib/session';
import { DIMENSION_RULE } from '@/lib/departments/dimension';

export const metadata: Metadata = { title: 'Departments' };

const short = (month: string) => monthLabel(month).replace(/^(\w{3})\w*/, '$1');

/** The exec map: who is sending the service teams work, month by month. */
export default async function DepartmentMapPage() {
  const actor = await requirePageActor('EXEC', 'ADMIN');
  const map = await orPageError(getDepartmentMap(actor));
  return (
    <>
      <PageHeader
        title="Who is sending us work"
        description={`Contacts the service teams took each month, by the department whose reasons caused them, as the teams link them today. ${DIMENSION_RULE} Counts only.`}
      />
      <div className="space-y-6">
        <Card title={map.latest ? `Biggest movers in ${monthLabel(map.latest)}` : 'Biggest movers'}>
          {map.movers.length ? (
            <ol className="space-y-1 text-sm" data-testid="department-movers">
              {map.movers.map((m) => (
                <li key={m.id}>
                  <Link href={`/departments/${encodeURIComponent(m.id)}`} className="font-medium text-accent underline">
                    {m.name}
                  </Link>
                  : {formatNumber(m.value)} contacts ({m.delta > 0 ? '+' : '−'}
                  {formatNumber(Math.abs(m.delta))}, {countChange(m.value, m.before).text} on the month before)
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-ink-subtle">No department’s contacts moved.</p>
          )}
        </Card>
        {map.rows.length ? (
          <Table caption="Contacts caused by each department’s reasons, by month">
            <THead>
              <Th compact>Department</Th>
              {map.months.map((m) => (
                <Th key={m} compact numeric>
                  <abbr title={monthLabel(m)} className="no-underline">
                    {short(m)}
                  </abbr>
                </Th>
              ))}
            </THead>
            <TBody>
              {map.rows.map((d) => (
                <tr key={d.id}>
                  <Th compact scope="row" className="text-left font-medium">
                    <Link href={`/departments/${encodeURIComponent(d.id)}`} className="text-accent underline">
                      {d.name}
                    </Link>
                  </Th>
                  {d.counts.map((n, i) => (
                    <Td key={map.months[i]} compact numeric>
                      {n === null ? '–' : formatNumber(n)}
                    </Td>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="text-sm text-ink-subtle">
            No team has linked its contact reasons to departments yet (Team settings, “Reasons and the departments that
            cause them”).
          </p>
        )}
      </div>
    </>
  );
}
