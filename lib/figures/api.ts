import 'server-only';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { checkDatabase } from '../health';
import { getActor } from '../session';
import { authenticateApiToken } from '../team-settings/tokens';
import { ApiValidationError, type ApiPrincipal } from './api-months';

/** A bearer token, or else the signed-in user's session (checked per team by the service). */
export async function resolveApiPrincipal(request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await authenticateApiToken(match[1]!) : null;
    if (!token) throw new UnauthenticatedError('The API token is missing, malformed or revoked.');
    return { kind: 'token', ...token };
  }
  const actor = await getActor();
  if (!actor) throw new UnauthenticatedError('Send `Authorization: Bearer <token>` or sign in.');
  return { kind: 'user', actor };
}

/**
 * Typed errors become their status with a JSON body. Anything else is a 500 — unless PostgreSQL is
 * not answering, when the client gets 503 JSON with Retry-After: a help-desk push should retry.
 */
export async function jsonError(error: unknown): Promise<Response> {
  if (error instanceof ApiValidationError)
    return Response.json({ error: 'invalid', errors: error.errors }, { status: 400 });
  if (error instanceof ValidationError) {
    const errors = Object.entries(error.fieldErrors).flatMap(([path, messages]) =>
      (messages ?? []).map((message) => ({ path, message })),
    );
    return Response.json({ error: 'invalid', errors }, { status: 400 });
  }
  if (error instanceof UnauthenticatedError)
    return Response.json(
      { error: 'unauthenticated', message: error.message },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
    );
  if (error instanceof ForbiddenError)
    return Response.json({ error: 'forbidden', message: error.message }, { status: 403 });
  if (error instanceof NotFoundError)
    return Response.json({ error: 'not_found', message: error.message }, { status: 404 });
  if (error instanceof ConflictError)
    return Response.json({ error: 'conflict', message: error.message }, { status: 409 });
  if (!(await checkDatabase())) {
    return Response.json(
      { error: 'unavailable', message: 'The database is not answering. Try again in a minute.' },
      { status: 503, headers: { 'Retry-After': '30' } },
    );
  }
  throw error;
}

export function zodErrors(issues: { path: PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
