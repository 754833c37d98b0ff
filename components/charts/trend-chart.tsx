'use client';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Annotation, ChartSpec } from '@/lib/trends/charts';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies, and on dark or light.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const format = (v: unknown, unit: string) => (typeof v === 'number' ? `${number.format(v)}${unit === '%' ? '%' : ''}` : '–');

export function TrendChart({ spec, annotations = [], height = 280 }: { spec: ChartSpec; annotations?: Annotation[]; height?: number }) {
  const common = { data: spec.rows, margin: { top: 8, right: 16, bottom: 8, left: 8 }, accessibilityLayer: true };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
      <XAxis dataKey={spec.xKey} tick={{ fontSize: 12, fill: '#334155' }} minTickGap={12} />
      <YAxis tick={{ fontSize: 12, fill: '#334155' }} width={56} domain={spec.percent ? [0, 100] : ['auto', 'auto']} allowDataOverflow={Boolean(spec.percent)} tickFormatter={(v: number) => format(v, spec.unit)} />
      <Tooltip formatter={(v) => format(v, spec.unit)} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {annotations.map((a) => (
        <ReferenceLine key={`${a.month}-${a.label}`} x={a.month} stroke={a.kind === 'win' ? '#009E73' : '#CC79A7'} strokeDasharray="4 2" label={{ value: a.kind === 'win' ? '★' : '◆', position: 'top', fill: '#334155', fontSize: 12 }} />
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
        {spec.target !== null && spec.target !== undefined ? <ReferenceLine y={spec.target} stroke="#D55E00" strokeDasharray="6 3" label={{ value: `Target ${format(spec.target, spec.unit)}`, position: 'insideTopRight', fill: '#7c2d12', fontSize: 12 }} /> : null}
        {series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} type="monotone" stroke={PALETTE[i % PALETTE.length]} strokeWidth={i === 0 ? 2.5 : 2} strokeDasharray={i === 1 && spec.kind === 'yoy' ? '5 3' : undefined} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
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
