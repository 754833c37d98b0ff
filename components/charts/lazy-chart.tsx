'use client';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '@/lib/trends/charts';

// recharts (and d3) load in their own chunk, after the page is interactive, only when a chart
// is about to be seen; the data tables and everything else work without them.
const TrendChart = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), { ssr: false, loading: () => null });

/**
 * Draws the chart when it comes near the viewport: a page of eight charts then costs the
 * browser one or two on load instead of all eight. The data table is there from the start.
 */
export function LazyTrendChart({ spec, height = 280 }: { spec: ChartSpec; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    }, { rootMargin: '200px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ minHeight: height }}>
      {visible ? <TrendChart spec={spec} height={height} /> : <div className="animate-pulse rounded-md bg-surface-strong" style={{ height }} aria-hidden="true" />}
    </div>
  );
}
