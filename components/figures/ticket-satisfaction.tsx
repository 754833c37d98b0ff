'use client';
import { formatNumber } from '@/lib/format';
import type { SatisfactionClass } from '@/lib/figures/ticket-guess';
import { Select } from '@/components/ui/input';

type Props = {
  values: { value: string; count: number }[];
  classes: Record<string, SatisfactionClass>;
  onChange: (value: string, c: SatisfactionClass) => void;
};

/** The CSAT rule in words, and every rating in the file with how it counts, adjustable. */
export function SatisfactionValues({ values, classes, onChange }: Props) {
  const total = (c: SatisfactionClass) => values.reduce((n, v) => n + (classes[v.value] === c ? v.count : 0), 0);
  const [yes, no] = [total('satisfied'), total('unsatisfied')];
  return (
    <div className="space-y-2 sm:col-span-3">
      <p className="text-sm text-ink-muted">
        CSAT = satisfied responses ÷ all responses × 100. Satisfied means “Good”, or the top two of a five-point scale;
        every other response counts against, neutral ones included. Surveys offered but not answered and empty cells are
        not responses.
        {yes + no ? ` In this file: ${formatNumber(yes)} satisfied of ${formatNumber(yes + no)} responses.` : ''}
      </p>
      <ul className="max-w-3xl divide-y divide-line-subtle">
        {values.map(({ value, count }, i) => (
          <li key={value} className="grid items-center gap-1 py-1.5 sm:grid-cols-[minmax(0,1fr)_16rem] sm:gap-3">
            <label htmlFor={`sat-${i}`} className="text-sm">
              {value === '' ? '(empty)' : value}{' '}
              <span className="text-xs text-ink-subtle">
                {formatNumber(count)} ticket{count === 1 ? '' : 's'}
              </span>
            </label>
            <Select
              id={`sat-${i}`}
              size="sm"
              value={classes[value] ?? 'none'}
              onChange={(e) => onChange(value, e.target.value as SatisfactionClass)}
            >
              <option value="satisfied">Satisfied</option>
              <option value="unsatisfied">Not satisfied (counts against)</option>
              <option value="none">Not a response</option>
            </Select>
          </li>
        ))}
      </ul>
    </div>
  );
}
