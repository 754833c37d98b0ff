import 'server-only';
import { db } from '../db';
import { type Actor, assertSignedIn } from '../authz';
import { loadCatalog, readMonths } from './figures';
import { formatMonthlyCsv } from './monthly-csv';
import { loadSourceNoteUnchecked } from './sources';

/** Every signed-in reader may export a team's figures: they are what the reviews publish. */
export async function exportMonthlyCsv(actor: Actor, teamId: string, from: string, to: string): Promise<string> {
  assertSignedIn(actor);
  const [catalog, records, note] = await Promise.all([
    loadCatalog(db, teamId),
    readMonths(db, teamId, from, to),
    loadSourceNoteUnchecked(db, teamId, from, to),
  ]);
  return formatMonthlyCsv(records, catalog, note);
}
