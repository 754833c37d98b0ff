import { sourceLine } from '@/lib/figures/source-note';

/** "Source: Sep–Nov 2026: Salesforce Service Cloud export imported 6 Dec 2026; earlier: Freshdesk." */
export function SourceNote({ note, className = '' }: { note: string | null | undefined; className?: string }) {
  if (!note) return null;
  return (
    <p className={`text-xs text-ink-muted ${className}`} data-source-note>
      {sourceLine(note)}
    </p>
  );
}
