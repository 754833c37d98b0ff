import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

// One look for the app's data tables: a framed, horizontally scrollable box (so a wide table never
// widens a phone page; on a phone its first column stays in view, app/globals.css), a caption for
// screen readers, quiet uppercase headings and numbers aligned right in tabular figures, never
// wrapped, so columns of counts line up.

/** The framed table. The caption names it for screen readers; `captionVisible` shows it too. */
export function Table({
  caption,
  captionVisible = false,
  children,
  className = '',
}: {
  caption: ReactNode;
  captionVisible?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`table-scroll overflow-x-auto rounded-lg bg-surface shadow-sm ring-1 ring-line print:shadow-none ${className}`}
    >
      <table className="min-w-full divide-y divide-line text-sm">
        <caption className={captionVisible ? 'px-4 pt-3 text-left text-sm font-semibold text-ink' : 'sr-only'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/** The heading row: pass the `Th` cells. */
export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-surface-muted text-left text-xs font-semibold tracking-wide text-ink-muted uppercase [--sticky-head:var(--color-surface-muted)]">
      <tr>{children}</tr>
    </thead>
  );
}

export function TBody({ className = '', ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={`divide-y divide-line-subtle ${className}`} {...props} />;
}

type CellOptions = {
  /** A number: aligned right in tabular figures. */
  numeric?: boolean;
  /** Tighter padding, for tables with many columns. */
  compact?: boolean;
};

function cellClass({ numeric, compact }: CellOptions, className: string) {
  return [compact ? 'px-3' : 'px-4', numeric ? 'text-right tabular-nums' : '', className].filter(Boolean).join(' ');
}

/** A column heading (scope="col"). */
export function Th({
  numeric,
  compact,
  className = '',
  ...props
}: CellOptions & ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cellClass({ numeric, compact }, `py-3 ${className}`)} {...props} />;
}

/** A data cell; `compact` also tightens the height. */
export function Td({
  numeric,
  compact,
  className = '',
  ...props
}: CellOptions & TdHTMLAttributes<HTMLTableCellElement>) {
  // A number never wraps inside itself ("+12.0 %" stays whole): a table too wide scrolls instead.
  const nowrap = numeric ? 'whitespace-nowrap ' : '';
  return (
    <td className={cellClass({ numeric, compact }, `${nowrap}${compact ? 'py-2' : 'py-3'} ${className}`)} {...props} />
  );
}

/** The one row a table shows when it has nothing to list. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-4 py-6 text-center text-ink-subtle">
        {children}
      </td>
    </tr>
  );
}
