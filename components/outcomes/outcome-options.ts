import { monthLabel } from '@/lib/dates/month';
import type { OutcomesPage } from '@/lib/outcomes/outcomes';

/** The ask and edition pickers' options, in words a leader recognises. */
export function outcomeOptions(page: Pick<OutcomesPage, 'asks' | 'editions'>) {
  return {
    asks: page.asks.map((a) => ({
      id: a.id,
      label: `${a.title} (${a.department.name}, ${monthLabel(a.review.month)})`,
    })),
    editions: page.editions.map((e) => ({ id: e.id, label: `${monthLabel(e.month)}: ${e.title}` })),
  };
}
