import type { sparklinePath } from '@/lib/dashboard/sparkline';

type Path = NonNullable<ReturnType<typeof sparklinePath>>;

/** How a sparkline is drawn: the dashboard card's small one, or the TV's large one on its dark screen. */
const LOOKS = {
  card: {
    height: 30,
    svg: 'h-10 w-full',
    breakStroke: 'var(--color-ink-subtle)',
    breakWidth: undefined,
    breakDash: '3 2',
    lineStroke: 'var(--color-series-1)',
    lineWidth: '1.5',
    sentence: 'mt-1 text-xs text-ink-muted',
  },
  tv: {
    height: 40,
    svg: 'h-24 w-full md:h-40',
    breakStroke: '#cbd5e1',
    breakWidth: '2',
    breakDash: '6 4',
    lineStroke: '#56B4E9',
    lineWidth: '3',
    sentence: 'mt-2 text-base text-slate-300 md:text-2xl',
  },
} as const;

/**
 * A sparkline's line, as server-rendered SVG: a change of source breaks the line, stands as a dashed
 * mark, and is said in words under it (the image's label says it to screen readers).
 */
export function SparklineSvg({ path, label, look }: { path: Path; label: string; look: keyof typeof LOOKS }) {
  const l = LOOKS[look];
  const said = path.breaks.map((b) => b.sentence);
  return (
    <>
      <svg
        viewBox={`0 0 100 ${l.height}`}
        className={l.svg}
        role="img"
        aria-label={[label, ...said].join('. ')}
        preserveAspectRatio="none"
      >
        {path.breaks.map((b) => (
          <line
            key={b.x}
            x1={b.x}
            x2={b.x}
            y1={0}
            y2={l.height}
            stroke={l.breakStroke}
            strokeWidth={l.breakWidth}
            strokeDasharray={l.breakDash}
            vectorEffect="non-scaling-stroke"
            data-source-break
          />
        ))}
        <path
          d={path.d}
          fill="none"
          strokeLinecap="round"
          stroke={l.lineStroke}
          strokeWidth={l.lineWidth}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      {said.map((sentence) => (
        <p key={sentence} className={l.sentence} aria-hidden="true">
          {sentence}
        </p>
      ))}
    </>
  );
}
