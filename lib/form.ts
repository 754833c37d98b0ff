import 'server-only';
import type { Actor } from './authz';
import { requireActor, requireSessionUser } from './session';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FormState,
} from './errors';
import type { Role } from './generated/prisma/enums';
import { z } from 'zod';

const SECRET_FIELDS = /password/i;

/** What the person typed, minus secrets and React's own fields, to put back in the form. */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$') || SECRET_FIELDS.test(key) || typeof value !== 'string') continue;
    values[key] = value;
  }
  return values;
}

/**
 * The one shape of a form action: session user (read from the database) → role check → zod
 * safeParse → the lib command → a FormState that keeps what was typed. Commands throw typed
 * errors; anything else is a bug and propagates to error.tsx.
 */
export async function handleForm<S extends z.ZodType, R extends FormState>(
  formData: FormData,
  /** allowPasswordChange: the one action a one-time-password session may run. */
  options: { roles: Role[]; schema: S; allowPasswordChange?: boolean },
  run: (actor: Actor, data: z.output<S>) => Promise<R>,
): Promise<R | FormState> {
  const values = typedValues(formData);
  let actor: Actor;
  try {
    actor = options.allowPasswordChange ? await requireSessionUser() : await requireActor(...options.roles);
  } catch (error) {
    return toFormState(error, values);
  }
  const parsed = options.schema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error as z.ZodError);
    return {
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
      values,
    };
  }
  try {
    return await run(actor, parsed.data);
  } catch (error) {
    return toFormState(error, values);
  }
}

export function toFormState(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof ValidationError)
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (
    error instanceof UnauthenticatedError ||
    error instanceof ForbiddenError ||
    error instanceof NotFoundError ||
    error instanceof ConflictError
  ) {
    return { ok: false, message: error.message, values };
  }
  throw error;
}

// handleForm reads a form as one value per name; a list of checkboxes (credited teammates) sends
// the same name several times. Joining those values keeps handleForm and its echo unchanged.
export function joinRepeated(formData: FormData, names: readonly string[]): FormData {
  const joined = new FormData();
  for (const [key, value] of formData.entries()) {
    if (names.includes(key)) continue;
    joined.append(key, value);
  }
  for (const name of names) {
    const values = formData.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
    joined.append(name, values.join(','));
  }
  return joined;
}
