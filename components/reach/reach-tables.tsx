import Link from 'next/link';
import { formatShare } from '@/lib/format';
import { monthLabel } from '@/lib/dates/month';
import type { ReachDepartment, ReachEdition } from '@/lib/readership/reach';

const th = 'px-3 py-2 text-left font-semibold';
const td = 'px-3 py-2 text-right tabular-nums';

/** Each edition's counts, oldest first like the chart. */
export function EditionsTable({ slug, editions }: { slug: string; editions: ReachEdition[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-line text-sm" data-testid="reach-editions">
        <caption className="sr-only">Readers, share of the organisation, thanks and notes per edition</caption>
        <thead className="text-xs tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className={th}>
              Edition
            </th>
            <th scope="col" className={`${th} text-right`}>
              Unique readers
            </th>
            <th scope="col" className={`${th} text-right`}>
              Share of organisation
            </th>
            <th scope="col" className={`${th} text-right`}>
              Thanks
            </th>
            <th scope="col" className={`${th} text-right`}>
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line-subtle">
          {editions.map((e) => (
            <tr key={e.month}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/reviews/${slug}/${e.month}`} className="text-accent underline">
                  {monthLabel(e.month)}
                </Link>
              </th>
              <td className={td}>{e.readers}</td>
              <td className={td}>{formatShare(e.share)}</td>
              <td className={td}>{e.thanks}</td>
              <td className={td}>{e.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Departments over all the editions shown: people in them today, and what they did. */
export function DepartmentsTable({ departments, editions }: { departments: ReachDepartment[]; editions: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-line text-sm" data-testid="reach-departments">
        <caption className="sr-only">
          Active people, readers, thanks and notes by department over the last {editions} editions
        </caption>
        <thead className="text-xs tracking-wide text-ink-muted uppercase">
          <tr>
            <th scope="col" className={th}>
              Department
            </th>
            <th scope="col" className={`${th} text-right`}>
              Active people
            </th>
            <th scope="col" className={`${th} text-right`}>
              Readers
            </th>
            <th scope="col" className={`${th} text-right`}>
              Thanks
            </th>
            <th scope="col" className={`${th} text-right`}>
              Notes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line-subtle">
          {departments.map((d) => (
            <tr key={d.name}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {d.name}
              </th>
              <td className={td}>{d.people}</td>
              <td className={td}>{d.readers}</td>
              <td className={td}>{d.thanks}</td>
              <td className={td}>{d.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
