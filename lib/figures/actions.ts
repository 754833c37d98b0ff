'use server';
import { revalidatePath } from 'next/cache';
import { expireDashboard } from '../expiry/cache';
import { z } from 'zod';
import { ValidationError, type FormState } from '../errors';
import { handleForm, toFormState, typedValues } from '../form';
import { requireActor } from '../session';
import { getManagedTeam } from '../team-access';
import { monthSchema } from '../dates/month';
import { MonthConflictError, saveMonthFromForm } from './month-save';
import { ticketImportSchema, applyTicketImport } from './ticket-import';
import { applyMonthlyImport, ImportError, previewMonthlyImport, type ImportPreview } from './monthly-import';
import { departmentChoicesFrom } from './new-reason-departments';

export type SaveMonthState = FormState & {
  conflict?: { version: number; values: Record<string, string>; by: string | null };
  version?: number;
};

export async function saveMonthAction(_prev: SaveMonthState, formData: FormData): Promise<SaveMonthState> {
  const schema = z.object({
    team: z.string().min(1).max(80),
    month: monthSchema(),
    version: z.coerce.number().int().min(0),
  });
  const result = await handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    try {
      const { outcome, version } = await saveMonthFromForm(
        actor,
        team.id,
        data.month,
        data.version,
        typedValues(formData),
      );
      revalidatePath(`/manage/${team.slug}`, 'layout');
      expireDashboard();
      const message =
        outcome === 'unchanged' ? 'Nothing changed.' : `Saved: ${data.month} is now at version ${version}.`;
      return {
        ok: true,
        message,
        version,
        values: { ...typedValues(formData), version: String(version) },
      } satisfies SaveMonthState;
    } catch (error) {
      if (error instanceof MonthConflictError) {
        return {
          ok: false,
          message: error.message,
          values: { ...typedValues(formData), version: String(error.latestVersion) },
          conflict: { version: error.latestVersion, values: error.latestValues, by: error.latestBy },
        } satisfies SaveMonthState;
      }
      throw error;
    }
  });
  return result;
}

export type ImportState = FormState & {
  preview?: ImportPreview;
  csv?: string;
  fileName?: string;
  problems?: { where: string; message: string }[];
  applied?: { month: string; outcome: string }[];
};

const MAX_CSV_BYTES = 5 * 1024 * 1024;

async function csvFrom(formData: FormData): Promise<{ text: string; fileName: string } | { error: string }> {
  const file = formData.get('file');
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { error: 'The file is larger than 5 MB: split it by year.' };
    return { text: await file.text(), fileName: file.name };
  }
  const text = formData.get('csv');
  if (typeof text === 'string' && text.trim())
    return { text, fileName: String(formData.get('fileName') ?? 'pasted.csv') };
  return { error: 'Choose a CSV file.' };
}

/** Step 1: read the file and show what would change, writing nothing. Step 2 (apply) re-reads it. */
export async function monthlyImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const schema = z.object({
    team: z.string().min(1).max(80),
    step: z.enum(['preview', 'apply']),
    createUnknown: z.string().optional(),
    confirmHandled: z.string().optional(),
  });
  return handleForm(formData, { roles: ['ADMIN', 'LEADER'], schema }, async (actor, data) => {
    const team = await getManagedTeam(actor, data.team);
    const input = await csvFrom(formData);
    if ('error' in input)
      return { ok: false, message: input.error, fieldErrors: { file: [input.error] } } satisfies ImportState;
    const options = {
      confirmHandledAboveReceived: data.confirmHandled === 'on',
      createUnknown: data.createUnknown === 'on',
    };
    if (data.step === 'preview') {
      const preview = await previewMonthlyImport(actor, team.id, input.text, options);
      return { ok: true, preview, csv: input.text, fileName: input.fileName } satisfies ImportState;
    }
    try {
      const { results: applied, linked } = await applyMonthlyImport(actor, team.id, input.text, {
        ...options,
        departments: departmentChoicesFrom(formData),
      });
      revalidatePath(`/manage/${team.slug}`, 'layout');
      expireDashboard();
      const changed = applied.filter((a) => a.outcome !== 'unchanged').length;
      const links = linked.length
        ? ` Linked to departments: ${linked.map((l) => `${l.reason} → ${l.department}`).join(', ')}.`
        : '';
      return {
        ok: true,
        applied,
        message: `Imported ${applied.length} month${applied.length === 1 ? '' : 's'}: ${changed} changed, ${applied.length - changed} unchanged.${links}`,
      } satisfies ImportState;
    } catch (error) {
      // The preview stays on the page with the problems or a refused department under its select.
      if (error instanceof ValidationError) {
        const preview = await previewMonthlyImport(actor, team.id, input.text, options);
        return {
          ok: false,
          message: error.message,
          fieldErrors: error.fieldErrors,
          problems: error instanceof ImportError ? error.problems : undefined,
          preview,
          csv: input.text,
          fileName: input.fileName,
        } satisfies ImportState;
      }
      throw error;
    }
  });
}

const ticketImportActionSchema = ticketImportSchema.extend({ team: z.string().min(1).max(80) });

export type TicketImportResult = {
  ok: boolean;
  message: string;
  applied?: { month: string; outcome: string }[];
  created?: { kind: string; name: string }[];
  /** New reasons linked to the department chosen for them in the preview. */
  linked?: { reason: string; department: string }[];
  problems?: { where: string; message: string }[];
  fieldErrors?: Record<string, string[] | undefined>;
};

/** The browser aggregates the export (it never uploads 50,000 tickets); this applies the months. */
export async function applyTicketImportAction(
  input: z.input<typeof ticketImportActionSchema>,
): Promise<TicketImportResult> {
  try {
    const actor = await requireActor('ADMIN', 'LEADER');
    const parsed = ticketImportActionSchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        message: 'The aggregated figures were not valid.',
        problems: parsed.error.issues.map((i) => ({ where: i.path.join('.'), message: i.message })),
      };
    const team = await getManagedTeam(actor, parsed.data.team);
    const { results, created, linked } = await applyTicketImport(actor, team.id, parsed.data);
    revalidatePath(`/manage/${team.slug}`, 'layout');
    expireDashboard();
    const changed = results.filter((a) => a.outcome !== 'unchanged').length;
    return {
      ok: true,
      applied: results,
      created,
      linked,
      message: `Imported ${results.length} month${results.length === 1 ? '' : 's'} from the ticket export: ${changed} changed, ${results.length - changed} unchanged.`,
    };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, message: error.message, problems: error.problems };
    const state = toFormState(error);
    return { ok: false, message: state.message ?? 'Refused.', fieldErrors: state.fieldErrors };
  }
}
