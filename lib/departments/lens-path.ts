// A published edition's kept page is one per version and per reader's department: the gate puts
// the reader's department into the kept address (ARCHITECTURE.md: a fact of the reader a kept page
// shows goes into its address), so the kept page can put "For your department" first without
// reading the request. Pure: imported by the proxy's gate.

const SEPARATOR = '.';
const DEPARTMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The kept page's last segment: the version, and the reader's department when they have one. */
export function lensVersion(version: string, departmentId: string | null | undefined): string {
  return departmentId && DEPARTMENT_ID.test(departmentId) ? `${version}${SEPARATOR}${departmentId}` : version;
}

/** The version and department back from the kept page's last segment. */
export function splitLensVersion(segment: string): { version: string; departmentId: string | null } {
  const at = segment.indexOf(SEPARATOR);
  if (at < 0) return { version: segment, departmentId: null };
  const departmentId = segment.slice(at + 1);
  return { version: segment.slice(0, at), departmentId: DEPARTMENT_ID.test(departmentId) ? departmentId : null };
}
