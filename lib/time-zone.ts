import 'server-only';
import { cache } from 'react';
import { db } from './db';
import { env } from './env';
import { monthInZone } from './dates/zone';

/** The organisation's zone (APP_TIME_ZONE, UTC by default). */
export function appTimeZone(): string {
  return env().APP_TIME_ZONE;
}

/** The zone a team's months begin and end in: its own when set, else the organisation's. */
export const teamTimeZone = cache(async (teamId: string): Promise<string> => {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { timeZone: true } });
  return team?.timeZone ?? appTimeZone();
});

/** The month it is now in a zone (the organisation's by default). */
export function monthNow(zone: string = appTimeZone(), now: Date = new Date()): string {
  return monthInZone(now, zone);
}

/** The month it is now for a team, in its zone. */
export async function teamMonthNow(teamId: string, now: Date = new Date()): Promise<string> {
  return monthInZone(now, await teamTimeZone(teamId));
}
