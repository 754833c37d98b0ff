// Typed failures the data layer returns or throws; pages and actions turn them into responses.
export type FieldErrors = Record<string, string[] | undefined>;

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'You do not have access to this.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(message = 'Please sign in.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Not found.') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends Error {
  readonly status = 400;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Please correct the highlighted fields.',
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class ConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The state every form action returns to `useActionState`. */
export type FormState<Values = Record<string, string>> = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the person typed, echoed back so a rejected submit loses nothing. */
  values?: Partial<Values>;
};

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'
  );
}

/**
 * A Slack/Teams/webhook destination stored under another AUTH_SECRET (the database was restored
 * or moved without its key): nothing can read it, so trying again cannot help.
 */
export class UndecryptableSecretError extends Error {
  constructor(
    message = 'This destination was saved under another AUTH_SECRET (the database was restored or moved without the key it was saved with), so its address cannot be read. Start the app with that AUTH_SECRET (or DATA_DIR/auth-secret file), or remove the destination and add it again.',
  ) {
    super(message);
    this.name = 'UndecryptableSecretError';
  }
}
