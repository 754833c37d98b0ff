'use client';
import { formatNumber } from '@/lib/format';
import { nameKey } from '@/lib/figures/schemas';
import type { ListKind } from '@/lib/team-settings/list-kinds';
import { OTHER_NAME, otherTarget, type ValueChoice } from '@/lib/figures/ticket-plan';
import { Select } from '@/components/ui/input';

const SINGULAR: Record<ListKind, string> = { channel: 'channel', reason: 'reason', segment: 'segment' };
// The commonest values stay in view; the long tail sits behind a summary that says how many
// values and tickets it holds, so nothing below a fold looks absent.
const SHOWN = 25;

type Props = {
  kind: ListKind;
  legend: string;
  values: { value: string; count: number }[];
  choice: ValueChoice;
  items: string[];
  noColumn?: boolean;
  onChange: (value: string, target: string | null) => void;
};

export function ValueMapping({ kind, legend, values, choice, items, noColumn, onChange }: Props) {
  const other = otherTarget(items);
  const known = new Set(items.map(nameKey));
  const unmatched = values.filter((v) => !choice[v.value]);
  const nowhere = unmatched.reduce((n, v) => n + v.count, 0);
  const row = ({ value, count }: { value: string; count: number }, i: number) => {
    const id = `${kind}-value-${i}`;
    const fresh = value.trim().slice(0, 80);
    const offerNew = fresh !== '' && !known.has(nameKey(fresh)) && nameKey(fresh) !== nameKey(other);
    return (
      <li key={value} className="grid items-center gap-1 py-1.5 sm:grid-cols-[minmax(0,1fr)_16rem] sm:gap-3">
        <label htmlFor={id} className="min-w-0 text-sm">
          <span className="break-words">
            {noColumn ? '(every ticket: the file has no channel column)' : value === '' ? '(empty)' : value}
          </span>{' '}
          <span className="text-xs text-ink-subtle">
            {formatNumber(count)} ticket{count === 1 ? '' : 's'}
          </span>
        </label>
        <Select id={id} size="sm" value={choice[value] ?? ''} onChange={(e) => onChange(value, e.target.value || null)}>
          <option value="">
            {kind === 'channel' ? 'Ignore: don’t count these tickets' : `Ignore: no ${SINGULAR[kind]}`}
          </option>
          {items.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {known.has(nameKey(other)) ? null : <option value={OTHER_NAME}>{OTHER_NAME} (new)</option>}
          {offerNew ? <option value={fresh}>{`New ${SINGULAR[kind]}: “${fresh}”`}</option> : null}
        </Select>
      </li>
    );
  };
  return (
    <fieldset className="rounded-md p-3 ring-1 ring-line">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <p className="text-xs text-ink-muted">
        {formatNumber(values.length)} value{values.length === 1 ? '' : 's'}
        {nowhere
          ? `; ${formatNumber(unmatched.length)} set to Ignore, found on ${formatNumber(nowhere)} ticket${nowhere === 1 ? '' : 's'}`
          : '; every value is matched'}
        .
      </p>
      {unmatched.length > 1 ? (
        <button
          type="button"
          className="mt-1 text-xs font-medium text-accent underline"
          onClick={() => unmatched.forEach((v) => onChange(v.value, other))}
        >
          Set the {formatNumber(unmatched.length)} ignored values to “{other}”
        </button>
      ) : null}
      <ul className="mt-2 max-w-3xl divide-y divide-line-subtle">{values.slice(0, SHOWN).map(row)}</ul>
      {values.length > SHOWN ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">
            {formatNumber(values.length - SHOWN)} more values (
            {formatNumber(values.slice(SHOWN).reduce((n, v) => n + v.count, 0))} tickets)
          </summary>
          <ul className="max-w-3xl divide-y divide-line-subtle">
            {values.slice(SHOWN).map((v, i) => row(v, i + SHOWN))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
