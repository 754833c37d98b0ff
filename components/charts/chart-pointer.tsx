'use client';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

type Tip = { lines: string[]; left: number; top: number; alignRight: boolean };

const columnOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<SVGRectElement>('[data-tip]') : null;

/**
 * The interactive layer over a server-drawn chart: a tooltip for the hovered or focused month and
 * arrow keys between months. It carries no chart data of its own — each month's column is named
 * with its words (aria-label, one line per "; ") — so the chart costs the browser one small
 * component, and works without it.
 */
export function ChartPointer({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const active = useRef<SVGRectElement | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const show = (column: SVGRectElement | null) => {
    if (active.current && active.current !== column) active.current.removeAttribute('data-active');
    active.current = column;
    const box = ref.current?.getBoundingClientRect();
    if (!column || !box) return setTip(null);
    column.setAttribute('data-active', '');
    const at = column.getBoundingClientRect();
    // Beside the column, on the side with more room, so the tooltip never covers the month.
    const alignRight = at.left + at.width / 2 > box.left + box.width / 2;
    setTip({
      lines: (column.getAttribute('aria-label') ?? '').split('; '),
      left: alignRight ? at.left - box.left - 8 : at.right - box.left + 8,
      top: at.top - box.top,
      alignRight,
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const column = columnOf(e.target);
    if (!column) return;
    const all = [...(column.parentElement?.querySelectorAll<SVGRectElement>('[data-tip]') ?? [])];
    const i = all.indexOf(column);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) {
      if (e.key === 'Escape') show(null);
      return;
    }
    e.preventDefault();
    const to = all[Math.max(0, Math.min(all.length - 1, next))];
    if (!to) return;
    // Roving focus: the month last visited is the one Tab comes back to.
    column.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
    to.focus();
  };

  return (
    <div
      ref={ref}
      className={className}
      onPointerOver={(e) => show(columnOf(e.target))}
      onPointerLeave={() => show(null)}
      onFocus={(e) => show(columnOf(e.target))}
      onBlur={() => show(null)}
      onKeyDown={onKeyDown}
    >
      {children}
      {tip ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute z-10 max-w-xs rounded-md bg-surface p-2 text-xs text-ink shadow ring-1 ring-line-strong print:hidden"
          style={{ top: tip.top, left: tip.left, transform: tip.alignRight ? 'translateX(-100%)' : undefined }}
        >
          <p className="font-semibold">{tip.lines[0]}</p>
          <ul>
            {tip.lines.slice(1).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
