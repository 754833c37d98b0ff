export const DASHBOARD_DESCRIPTION = 'What our customer-service teams handled, how well, and what customers said.';

/** "Good morning, Alex": by the hour of `now` where it is read (the reader's browser, on the kept page). */
export function greeting(name: string, now: Date): string {
  const hour = now.getHours();
  const first = name.split(' ')[0] || name;
  return `${hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening'}, ${first}`;
}
