'use client';
import { useEffect, useState } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale, type BarShapeProps } from 'recharts';
import { formatNumberUpTo } from '@/lib/format';
import type { Annotation, ChartSpec } from '@/lib/trends/chart-spec';

// Every colour is a CSS variable from app/globals.css, so the chart follows light and dark like the
// rest of the page (SVG presentation attributes accept var()). The series are Okabe–Ito.
export const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--color-series-${n})`);
const INK_MUTED = 'var(--color-ink-muted)';

const format = (v: unknown, unit: string) => (typeof v === 'number' ? `${formatNumberUpTo(v, 1)}${unit === '%' ? '%' : ''}` : '–');

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

type TickProps = { x?: number | string; y?: number | string; payload?: { value: unknown } };

// Plain SVG text for axis labels. recharts' own tick measures every label in the DOM (to wrap
// words and to drop labels that would overlap), which made each chart a long task; here the
// labels to show are chosen from the chart's width instead.
function XTick({ x, y, payload }: TickProps) {
  return (
    <text x={x} y={y} dy={14} textAnchor="middle" fontSize={12} fill={INK_MUTED}>
      {String(payload?.value ?? '')}
    </text>
  );
}

function YTick({ x, y, payload, unit }: TickProps & { unit: string }) {
  return (
    <text x={x} y={y} dx={-4} dy={4} textAnchor="end" fontSize={12} fill={INK_MUTED}>
      {format(payload?.value, unit)}
    </text>
  );
}

/**
 * The months with a win (★) or a project update (◆): a dashed line and its symbol, all drawn in
 * one group from the chart's own x scale. (One recharts ReferenceLine each, with a measured label,
 * made a three-year chart with a marker most months several times slower to draw.) The words are
 * in the tooltip and in the "What happened" list beside the chart.
 */
function Markers({ marks }: { marks: Annotation[] }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  if (!x || !area) return null;
  return (
    <g aria-hidden="true" className="recharts-annotations">
      {marks.map((a) => {
        const px = x(a.month, { position: 'middle' });
        if (px === undefined) return null;
        return (
          <g key={a.month}>
            <line x1={px} x2={px} y1={area.y} y2={area.y + area.height} stroke={a.kind === 'win' ? PALETTE[2] : PALETTE[3]} strokeDasharray="2 3" strokeOpacity={0.7} />
            <text x={px} y={area.y - 2} textAnchor="middle" fontSize={11} fill={INK_MUTED}>
              {a.kind === 'win' ? '★' : '◆'}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A bar as a plain rectangle: recharts' own shape draws a rounded-corner path for each of a
 * three-year chart's hundred and more bars. */
function PlainBar({ x, y, width, height, fill }: BarShapeProps) {
  return <rect x={x} y={y} width={Math.max(0, Number(width))} height={Math.max(0, Number(height))} fill={fill} />;
}

/** Every how many months a label fits: about 64 px for "2026-10" or "Oct" and the gap after it. */
function labelInterval(width: number, count: number): number {
  const plotWidth = Math.max(80, width - 90);
  return Math.max(0, Math.ceil((count * 64) / plotWidth) - 1);
}

export function TrendChart({ spec, height = 280, onDrawn }: { spec: ChartSpec; height?: number; onDrawn?: () => void }) {
  useEffect(() => onDrawn?.(), [onDrawn]);
  const [width, setWidth] = useState(600);
  const annotations = spec.annotations ?? [];
  const markerMonths = [...new Map(annotations.map((a) => [a.month, a])).values()];
  const common = { data: spec.rows, margin: { top: 8, right: 16, bottom: 8, left: 8 }, accessibilityLayer: true };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--color-chart-grid)" />
      <XAxis dataKey={spec.xKey} tick={<XTick />} interval={labelInterval(width, spec.rows.length)} stroke="var(--color-ink-subtle)" />
      <YAxis tick={<YTick unit={spec.unit} />} interval={0} stroke="var(--color-ink-subtle)" width={56} domain={spec.percent ? [0, 100] : ['auto', 'auto']} allowDataOverflow={Boolean(spec.percent)} />
      <Tooltip content={<Tip spec={spec} notes={annotations} />} cursor={spec.kind === 'stacked-bar' ? { fill: 'var(--color-surface-strong)', stroke: 'none' } : { stroke: 'var(--color-line-strong)' }} />
      {/* Legend words in ink (recharts colours them like the series); the icon carries the colour. */}
      <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span className="text-ink">{value}</span>} />
      <Markers marks={markerMonths} />
    </>
  );
  const series = spec.series.filter((s) => s.key !== 'Target');
  let chart: React.ReactElement;
  if (spec.kind === 'stacked-bar') {
    chart = (
      <BarChart {...common}>
        {axes}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} shape={PlainBar} />
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
          <Line key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={PALETTE[i % PALETTE.length]} strokeWidth={i === 0 ? 2.5 : 2} strokeDasharray={i === 1 && spec.kind === 'yoy' ? '5 3' : undefined} fill="var(--color-surface)" dot={spec.rows.length <= 24 ? { r: 2 } : false} activeDot={{ r: 4, stroke: 'var(--color-surface)' }} connectNulls={false} isAnimationActive={false} />
        ))}
      </LineChart>
    );
  }
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        {chart}
      </ResponsiveContainer>
    </div>
  );
}
