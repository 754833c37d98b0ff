'use client';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Annotation, ChartSpec } from '@/lib/trends/charts';

// Every colour is a CSS variable from app/globals.css, so the chart follows light and dark like the
// rest of the page (SVG presentation attributes accept var()). The series are Okabe–Ito.
export const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--color-series-${n})`);
const INK_MUTED = 'var(--color-ink-muted)';
const tick = { fontSize: 12, fill: INK_MUTED };

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const format = (v: unknown, unit: string) => (typeof v === 'number' ? `${number.format(v)}${unit === '%' ? '%' : ''}` : '–');

type TipProps = { active?: boolean; label?: string | number; payload?: readonly { name?: string | number; value?: unknown; color?: string }[] };

/** The values of the hovered (or keyboard-focused) month, plus what happened that month. */
function Tip({ active, label, payload, spec, notes }: TipProps & { spec: ChartSpec; notes: Annotation[] }) {
  if (!active || !payload?.length) return null;
  const happened = notes.filter((a) => a.month === label);
  return (
    <div className="max-w-xs rounded-md bg-surface p-2 text-xs text-ink shadow ring-1 ring-line-strong">
      <p className="font-semibold">{label}</p>
      <ul>
        {payload.map((p) => (
          // The series colour as a swatch, the words in ink: yellow or blue text fails contrast.
          <li key={String(p.name)} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ background: p.color }} />
            {p.name}: {format(p.value, spec.unit)}
          </li>
        ))}
      </ul>
      {happened.length ? (
        <ul className="mt-1 border-t border-line pt-1 text-ink">
          {happened.map((a) => (
            <li key={a.label}>{a.kind === 'win' ? '★' : '◆'} {a.label}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function TrendChart({ spec, height = 280 }: { spec: ChartSpec; height?: number }) {
  const annotations = spec.annotations ?? [];
  const markerMonths = [...new Map(annotations.map((a) => [a.month, a])).values()];
  const common = { data: spec.rows, margin: { top: 8, right: 16, bottom: 8, left: 8 }, accessibilityLayer: true };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--color-chart-grid)" />
      <XAxis dataKey={spec.xKey} tick={tick} stroke="var(--color-ink-subtle)" minTickGap={12} />
      <YAxis tick={tick} stroke="var(--color-ink-subtle)" width={56} domain={spec.percent ? [0, 100] : ['auto', 'auto']} allowDataOverflow={Boolean(spec.percent)} tickFormatter={(v: number) => format(v, spec.unit)} />
      <Tooltip content={<Tip spec={spec} notes={annotations} />} cursor={spec.kind === 'stacked-bar' ? { fill: 'var(--color-surface-strong)', stroke: 'none' } : { stroke: 'var(--color-line-strong)' }} />
      {/* Legend words in ink (recharts colours them like the series); the icon carries the colour. */}
      <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span className="text-ink">{value}</span>} />
      {markerMonths.map((a) => (
        <ReferenceLine key={a.month} x={a.month} stroke={a.kind === 'win' ? PALETTE[2] : PALETTE[3]} strokeDasharray="2 3" strokeOpacity={0.7} label={{ value: a.kind === 'win' ? '★' : '◆', position: 'top', fill: INK_MUTED, fontSize: 11 }} />
      ))}
    </>
  );
  const series = spec.series.filter((s) => s.key !== 'Target');
  let chart: React.ReactElement;
  if (spec.kind === 'stacked-bar') {
    chart = (
      <BarChart {...common}>
        {axes}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    );
  } else if (spec.kind === 'stacked-area') {
    chart = (
      <AreaChart {...common}>
        {axes}
        {series.map((s, i) => (
          <Area key={s.key} dataKey={s.key} name={s.label} stackId="a" type="monotone" stroke={PALETTE[i % PALETTE.length]} fill={PALETTE[i % PALETTE.length]} fillOpacity={0.75} connectNulls={false} isAnimationActive={false} />
        ))}
      </AreaChart>
    );
  } else {
    chart = (
      <LineChart {...common}>
        {axes}
        {spec.target !== null && spec.target !== undefined ? <ReferenceLine y={spec.target} stroke={PALETTE[5]} strokeDasharray="6 3" label={{ value: `Target ${format(spec.target, spec.unit)}`, position: 'insideTopRight', fill: 'var(--color-chart-target)', fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={PALETTE[i % PALETTE.length]} strokeWidth={i === 0 ? 2.5 : 2} strokeDasharray={i === 1 && spec.kind === 'yoy' ? '5 3' : undefined} fill="var(--color-surface)" dot={{ r: 2 }} activeDot={{ r: 4, stroke: 'var(--color-surface)' }} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    );
  }
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {chart}
      </ResponsiveContainer>
    </div>
  );
}
