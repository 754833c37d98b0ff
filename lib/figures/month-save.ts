import 'server-only';
import { db } from '../db';
import type { Actor } from '../authz';
import { ConflictError, ValidationError, isUniqueViolation } from '../errors';
import { assertCanManageTeam } from '../team-access';
import { loadCatalog, readMonth, writeMonthTx } from './figures';
import { HAND_LABEL } from './provenance';
import { fieldValuesOf, parseMonthForm } from './month-form';

export class MonthConflictError extends ConflictError {
  constructor(
    message: string,
    readonly latestVersion: number,
    readonly latestValues: Record<string, string>,
    readonly latestBy: string | null,
  ) {
    super(message);
  }
}

/** Saves the whole month as the form shows it, refusing if it changed since the form was loaded. */
export async function saveMonthFromForm(
  actor: Actor,
  teamId: string,
  month: string,
  expectedVersion: number,
  values: Record<string, string>,
) {
  assertCanManageTeam(actor, teamId);
  const catalog = await loadCatalog(db, teamId);
  const { change, fieldErrors } = parseMonthForm(values, catalog);
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
  try {
    return await db.$transaction((tx) =>
      writeMonthTx(tx, {
        actor,
        teamId,
        month,
        change,
        mode: 'replace',
        expectedVersion,
        catalog,
        source: 'form',
        provenance: { kind: 'MANUAL', label: HAND_LABEL },
      }),
    );
  } catch (error) {
    // Two first saves of a new month race to create it: the loser is a conflict too.
    if (!(error instanceof ConflictError) && !isUniqueViolation(error)) throw error;
    const latest = await readMonth(db, teamId, month);
    throw new MonthConflictError(
      `${latest.updatedBy ?? 'Someone'} saved this month while you were editing. Nothing of yours was saved: their values are shown under each field. Check them, then save again to keep yours.`,
      latest.version,
      fieldValuesOf(latest.state),
      latest.updatedBy,
    );
  }
}
