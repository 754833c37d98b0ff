import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { ForbiddenError, NotFoundError } from '../errors';

/** For pages: a lib refusal becomes the 403 page, a missing record the 404 page. */
export async function orPageError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
