import 'server-only';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { getActor } from '../session';
import { authenticateApiToken } from '../team-settings/tokens';
import { ApiValidationError, type ApiPrincipal } from './service';

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

export function jsonError(error: unknown): Response {
  if (error instanceof ApiValidationError) return Response.json({ error: 'invalid', errors: error.errors }, { status: 400 });
  if (error instanceof ValidationError) {
    const errors = Object.entries(error.fieldErrors).flatMap(([path, messages]) => (messages ?? []).map((message) => ({ path, message })));
    return Response.json({ error: 'invalid', errors }, { status: 400 });
  }
  if (error instanceof UnauthenticatedError) return Response.json({ error: 'unauthenticated', message: error.message }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  if (error instanceof ForbiddenError) return Response.json({ error: 'forbidden', message: error.message }, { status: 403 });
  if (error instanceof NotFoundError) return Response.json({ error: 'not_found', message: error.message }, { status: 404 });
  throw error;
}

export function zodErrors(issues: { path: PropertyKey[]; message: string }[]) {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
