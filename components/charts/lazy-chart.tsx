'use client';
import dynamic from 'next/dynamic';
import { startTransition, useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '@/lib/trends/chart-spec';

// recharts (and d3) load in their own chunk, after the page is interactive, only when a chart
// is about to be seen; the data tables and everything else work without them.
const TrendChart = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), { ssr: false, loading: () => null });

// Charts that come into view are drawn one at a time, each in its own task and as a transition
// React may interrupt: several charts drawn in one go block the page for hundreds of
// milliseconds, and a reader scrolling or typing meanwhile would feel it.
let queue: Promise<void> = Promise.resolve();
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `draw` once the charts before it have been drawn (or have had two seconds to). */
function drawInTurn(draw: (drawn: () => void) => void) {
  queue = queue.then(nextTask).then(
    () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        startTransition(() =>
          draw(() => {
            clearTimeout(timer);
            resolve();
          }),
        );
      }),
  );
}

/**
 * Draws the chart once a fifth of it is in view: a page of eight charts then costs the browser the
 * two or so on screen, and each further one as it is scrolled to. The data table is there from the
 * start.
 */
export function LazyTrendChart({ spec, height = 280 }: { spec: ChartSpec; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const drawn = useRef<() => void>(() => {});
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let cancelled = false;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        drawInTurn((done) => {
          drawn.current = done;
          if (cancelled) done();
          else setVisible(true);
        });
      }
    }, { threshold: 0.2 });
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, []);
  return (
    <div ref={ref} style={{ minHeight: height }}>
      {visible ? <TrendChart spec={spec} height={height} onDrawn={() => drawn.current()} /> : <div className="animate-pulse rounded-md bg-surface-strong" style={{ height }} aria-hidden="true" />}
    </div>
  );
}
