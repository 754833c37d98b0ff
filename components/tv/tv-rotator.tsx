'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { TvSlide } from '@/lib/dashboard/tv';
import type { Headline } from '@/lib/dashboard/headlines';
import { headlineChange } from '@/lib/dashboard/headline-change';
import { NOT_COMPARABLE } from '@/lib/change';
import { sparklinePath } from '@/lib/dashboard/sparkline';
import { SparklineSvg } from '@/components/dashboard/sparkline-svg';
import { formatNumber as fmt, formatTargetLine, formatValueParts } from '@/lib/format';

const ROTATE_MS = 15_000;
const REFRESH_MS = 5 * 60_000;

/** One headline on the TV; exported so a test can hold it beside the other faces. */
export function Tile({ h }: { h: Headline }) {
  const change = headlineChange(h, h.vsLastMonth);
  const value = formatValueParts(h.value, h.unit.trim(), h.decimals);
  return (
    <div className="rounded-2xl bg-slate-900 p-4 ring-1 ring-slate-700 md:p-6">
      <p className="text-lg text-slate-300 md:text-2xl">{h.label}</p>
      <p className="text-4xl font-bold tabular-nums md:text-7xl">
        {value.number}
        <span className="text-2xl text-slate-300 md:text-4xl">{value.unit}</span>
      </p>
      {h.target !== null && h.target !== undefined ? (
        <p className={`mt-2 text-base md:text-2xl ${h.onTarget ? 'text-emerald-300' : 'text-amber-300'}`}>
          <span aria-hidden="true">{h.onTarget ? '✓' : '✗'}</span>{' '}
          {formatTargetLine(Boolean(h.onTarget), h.target, h.unit.trim(), h.decimals)}
        </p>
      ) : null}
      {h.source ? <p className="mt-1 text-base text-slate-300 md:text-2xl">Source: {h.source}</p> : null}
      {change.text === NOT_COMPARABLE ? (
        // Across a change of source the TV says so, as the dashboard does, instead of a rise or fall.
        <p className="mt-1 text-base text-slate-300 md:text-2xl">Last month: {change.text}</p>
      ) : change.amount !== null ? (
        // The same words as the dashboard; the TV's own palette (it is always dark).
        <p
          className={`mt-1 text-base md:text-2xl ${change.tone === 'better' ? 'text-emerald-300' : change.tone === 'worse' ? 'text-rose-300' : 'text-slate-300'}`}
        >
          {change.trend === 'flat' ? '→' : change.trend === 'up' ? '▲' : '▼'} {change.text} on last month
          {change.tone === 'neutral' ? null : <span className="sr-only"> ({change.tone})</span>}
        </p>
      ) : null}
    </div>
  );
}

function Trend({ points }: { points: TvSlide['spark'] }) {
  const path = sparklinePath(points, 38, 34);
  if (!path) return null;
  return (
    <SparklineSvg
      path={path}
      label={`Contacts over the last 12 months, from ${fmt(path.first)} to ${fmt(path.last)}`}
      look="tv"
    />
  );
}

export function TvRotator({ slides }: { slides: TvSlide[] }) {
  const router = useRouter();
  const [index, setIndex] = useState(0);
  const screen = useRef<HTMLElement>(null);
  useEffect(() => {
    const rotate = setInterval(() => setIndex((i) => (i + 1) % Math.max(1, slides.length)), ROTATE_MS);
    // Fresh figures and quotes without anyone touching the screen.
    const refresh = setInterval(() => router.refresh(), REFRESH_MS);
    const keys = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') setIndex((i) => (i + 1) % slides.length);
      if (e.key === 'ArrowLeft') setIndex((i) => (i - 1 + slides.length) % slides.length);
    };
    window.addEventListener('keydown', keys);
    // Says the arrow keys now work: until hydration a press would be lost (a test waits for this).
    screen.current?.setAttribute('data-keys', 'on');
    return () => {
      clearInterval(rotate);
      clearInterval(refresh);
      window.removeEventListener('keydown', keys);
    };
  }, [router, slides.length]);
  const slide = slides[index % Math.max(1, slides.length)];
  if (!slide) return <p className="p-16 text-4xl">No teams yet.</p>;
  return (
    <main ref={screen} className="flex min-h-screen flex-col gap-4 p-4 md:gap-8 md:p-12">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold md:text-6xl">{slide.team}</h1>
        <p className="text-lg text-slate-300 md:text-3xl">
          {slide.month ?? 'No figures yet'} · {index + 1} of {slides.length}
        </p>
      </header>
      <section aria-label="Headline numbers" className="grid grid-cols-1 gap-4 sm:grid-cols-2 md:gap-6 xl:grid-cols-4">
        {slide.tiles.map((h) => (
          <Tile key={h.key} h={h} />
        ))}
      </section>
      <section
        aria-label="Contacts over 12 months"
        className="rounded-2xl bg-slate-900 p-4 ring-1 ring-slate-700 md:p-6"
      >
        <p className="text-lg text-slate-300 md:text-2xl">Contacts, last 12 months</p>
        <Trend points={slide.spark} />
      </section>
      <section aria-label="What customers said" className="grid gap-4 md:gap-6 xl:grid-cols-2">
        {slide.quotes.map((q) => (
          <figure key={q.id} className="rounded-2xl bg-slate-900 p-4 ring-1 ring-slate-700 md:p-8">
            <blockquote className="text-xl leading-snug md:text-4xl">“{q.text}”</blockquote>
            <figcaption className="mt-4 text-base text-slate-300 md:text-2xl">
              — <cite className="not-italic">{q.cite}</cite>
              {q.credited.length ? ` · thanks to ${q.credited.join(', ')}` : ''}
            </figcaption>
          </figure>
        ))}
      </section>
    </main>
  );
}
