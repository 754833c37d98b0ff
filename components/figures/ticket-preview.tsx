'use client';
import { formatNumber, formatNumberUpTo } from '@/lib/format';
import { monthLabel } from '@/lib/dates/month';
import type { Change, MonthPreview } from '@/lib/figures/ticket-plan';
import type { MultiTagRule } from '@/lib/figures/ticket-export';

const cell = 'px-3 py-1.5 text-right tabular-nums';
const num = (n: number | null, decimals = 0) =>
  n === null ? '—' : decimals ? formatNumberUpTo(n, decimals) : formatNumber(n);

function Arrow({ now, after, decimals = 0 }: { now: number | null; after: number | null; decimals?: number }) {
  const changed = now !== after;
  return (
    <>
      <td className={`${cell} text-ink-subtle`}>{num(now, decimals)}</td>
      <td className={`${cell} ${changed ? 'font-semibold' : ''}`}>
        {after === null && now !== null ? <span className="text-warning">emptied</span> : num(after, decimals)}
      </td>
    </>
  );
}

function Group({ title, rows, decimals = 0 }: { title: string; rows: Change[]; decimals?: number }) {
  return (
    <>
      <tr className="bg-surface-muted">
        <th scope="rowgroup" colSpan={3} className="px-3 py-1 text-left text-xs font-semibold text-ink-muted uppercase">
          {title}
        </th>
      </tr>
      {rows.length ? (
        rows.map((r) => (
          <tr key={`${title}-${r.name}`}>
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              {r.name}
            </th>
            <Arrow now={r.now} after={r.after} decimals={decimals} />
          </tr>
        ))
      ) : (
        <tr>
          <td colSpan={3} className="px-3 py-1.5 text-ink-subtle">
            None
          </td>
        </tr>
      )}
    </>
  );
}

/** "Reasons: 3,300 of 3,356 contacts (56 with no reason)" — the sum check a leader can trust. */
function sumCheck(
  label: string,
  rows: Change[] | null,
  counted: number,
  contacts: number,
  rule?: MultiTagRule,
): { text: string; ok: boolean } {
  if (rows === null) return { text: `${label}: the file has no column for them, so they stay as they are.`, ok: true };
  const sum = rows.reduce((n, r) => n + (r.after ?? 0), 0);
  if (rule === 'each' && sum > counted) {
    return {
      text: `${label} add up to ${formatNumber(sum)} for ${formatNumber(contacts)} contacts: a ticket with several tags counts under each of its reasons.`,
      ok: true,
    };
  }
  if (sum === contacts) return { text: `${label} add up to the ${formatNumber(contacts)} contacts.`, ok: true };
  return {
    text: `${label} add up to ${formatNumber(sum)} of ${formatNumber(contacts)} contacts: ${formatNumber(contacts - counted)} have none mapped (set to Ignore).`,
    ok: false,
  };
}

export function MonthPreviewCard({
  preview,
  published,
  rule,
}: {
  preview: MonthPreview;
  published: boolean;
  rule: MultiTagRule;
}) {
  const p = preview;
  const checks = [
    sumCheck('Reasons', p.reasons, p.check.withReason, p.check.contacts, rule),
    sumCheck('Segments', p.segments, p.check.withSegment, p.check.contacts),
  ];
  return (
    <section aria-labelledby={`preview-${p.month}`} className="rounded-lg ring-1 ring-line">
      <div className="flex flex-wrap items-baseline justify-between gap-2 px-3 pt-3">
        <h3 id={`preview-${p.month}`} className="font-semibold">
          {monthLabel(p.month)}
        </h3>
        <p className="text-sm text-ink-muted">
          {p.isNew ? 'New month' : 'Replaces what the file covers'}: {formatNumber(p.contacts.now)} →{' '}
          <strong>{formatNumber(p.contacts.after)}</strong> contacts
        </p>
      </div>
      {published ? (
        <p className="mx-3 mt-2 rounded-md bg-warning-surface px-3 py-2 text-sm text-warning ring-1 ring-warning-line">
          {monthLabel(p.month)} has a published edition. After this import its figures will differ from what readers
          saw: correct the edition to publish them.
        </p>
      ) : null}
      <ul className="mx-3 mt-2 space-y-1 text-sm">
        {checks.map((c) => (
          <li key={c.text} className={c.ok ? 'text-ink-muted' : 'text-warning'}>
            {c.ok ? '✓ ' : '! '}
            {c.text}
          </li>
        ))}
      </ul>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{monthLabel(p.month)}: figures now and after the import</caption>
          <thead className="text-xs text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-1 text-left">
                Item
              </th>
              <th scope="col" className="px-3 py-1 text-right">
                Now
              </th>
              <th scope="col" className="px-3 py-1 text-right">
                After import
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line-subtle">
            <Group
              title="Channels: received"
              rows={p.channels.map((c) => ({
                name: c.name,
                now: c.now?.received ?? null,
                after: c.after?.received ?? null,
              }))}
            />
            <Group
              title="Channels: handled"
              rows={p.channels.map((c) => ({
                name: c.name,
                now: c.now?.handled ?? null,
                after: c.after?.handled ?? null,
              }))}
            />
            {p.reasons ? <Group title="Contact reasons" rows={p.reasons} /> : null}
            {p.segments ? <Group title="Who contacted" rows={p.segments} /> : null}
            <Group title="KPIs" rows={p.kpis} decimals={2} />
          </tbody>
        </table>
      </div>
    </section>
  );
}
