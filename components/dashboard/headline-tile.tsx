import type { Change, Headline } from '@/lib/dashboard/headlines';
import { headlineChange } from '@/lib/dashboard/headline-change';
import { sparklinePath, type SparkPoint } from '@/lib/dashboard/sparkline';
import { NOT_COMPARABLE, TONE_CLASS, TONE_WORDS } from '@/lib/change';

import { formatTargetLine, formatValueParts } from '@/lib/format';
import { SparklineSvg } from './sparkline-svg';

function ChangeLine({ label, change: against, headline }: { label: string; change: Change; headline: Headline }) {
  const change = headlineChange(headline, against);
  // Across a change of source the card says so instead of a rise or fall (lib/figures/breaks.ts).
  if (change.text === NOT_COMPARABLE)
    return (
      <span className="block text-xs text-ink-muted">
        {label}: {change.text}
      </span>
    );
  if (change.amount === null) return <span className="block text-xs text-ink-subtle">{label}: no figure</span>;
  const words = TONE_WORDS[change.tone];
  return (
    <span className={`block text-xs ${TONE_CLASS[change.tone]}`}>
      <span aria-hidden="true">{change.trend === 'flat' ? '→' : change.trend === 'up' ? '▲' : '▼'}</span> {change.text}{' '}
      on {label}
      {words ? <span className="sr-only"> ({words})</span> : null}
    </span>
  );
}

export function HeadlineTile({ headline, large = false }: { headline: Headline; large?: boolean }) {
  // Trimmed: headlines cached before lib/format.ts kept a leading space on word units.
  const value = formatValueParts(headline.value, headline.unit.trim(), headline.decimals);
  return (
    <div className="rounded-lg bg-surface p-3 ring-1 ring-line">
      <dt className={`${large ? 'text-2xl' : 'text-xs'} font-medium text-ink-muted`}>{headline.label}</dt>
      <dd>
        <span className={`${large ? 'text-7xl' : 'text-2xl'} block font-bold text-ink tabular-nums`}>
          {value.number}
          {value.unit ? (
            <span className={`${large ? 'text-4xl' : 'text-base'} font-semibold text-ink-muted`}>{value.unit}</span>
          ) : null}
        </span>
        {headline.target !== undefined && headline.target !== null ? (
          <span
            className={`block ${large ? 'text-xl' : 'text-xs'} font-medium ${headline.onTarget ? 'text-success' : 'text-warning'}`}
          >
            <span aria-hidden="true">{headline.onTarget ? '✓' : '✗'}</span>{' '}
            {formatTargetLine(Boolean(headline.onTarget), headline.target, headline.unit.trim(), headline.decimals)}
          </span>
        ) : null}
        {large ? null : (
          <>
            <ChangeLine label="last month" change={headline.vsLastMonth} headline={headline} />
            <ChangeLine label="last year" change={headline.vsLastYear} headline={headline} />
          </>
        )}
        {headline.source ? (
          <span className={`block ${large ? 'text-xl' : 'text-xs'} text-ink-muted`} data-kpi-source>
            Source: {headline.source}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * Twelve months of contacts as a tiny server-rendered line: no JavaScript needed. A change of source
 * breaks the line, stands as a dashed mark, and is said in words under it.
 */
export function Sparkline({ points, label }: { points: SparkPoint[]; label: string }) {
  const path = sparklinePath(points, 28, 26);
  if (!path) return null;
  return <SparklineSvg path={path} label={label} look="card" />;
}
