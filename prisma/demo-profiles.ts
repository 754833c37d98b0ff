// Demo "Meet the team": two Customer Care agents who opted in to a profile (one is the demo agent,
// so signing in as agent@demo.test shows one's own), and a newcomer nobody has credited yet, so the
// demo leader's "Needs you" shows fair recognition at work.
import { randomBytes } from 'node:crypto';
import type { DemoSeeder } from './demo';
import { makeUser } from './factories';

const PROFILES = [
  {
    email: 'agent@demo.test',
    title: 'Deliveries and returns, mostly',
    bio: 'I have been answering the phone here for six years and still enjoy the puzzle of a parcel that went missing. Most days I am the one who chases the courier so the customer does not have to. Outside work: allotment, two cats, far too many cookbooks.',
    since: 6 * 12 + 2,
  },
  {
    email: 'amira.haddad@demo.test',
    title: 'Chat and messaging, and our new-starter buddy',
    bio: 'I moved over from the warehouse three years ago, so I know what happens after a customer clicks “order”. I look after our chat queue and help every new starter through their first month.\n\nAsk me about our returns shortcuts.',
    since: 3 * 12 + 5,
  },
] as const;

export const seedDemoProfiles: DemoSeeder = async (db, org) => {
  const month = (monthsAgo: number) =>
    new Date(Date.UTC(org.now.getUTCFullYear(), org.now.getUTCMonth() - monthsAgo, 1));
  const featured: string[] = [];
  for (const p of PROFILES) {
    const user = org.users[p.email];
    if (!user) continue;
    await db.teamProfile.create({ data: { userId: user.id, title: p.title, bio: p.bio, teamSince: month(p.since) } });
    featured.push(user.id);
  }
  // The draft the demo leader is to finish already features them: the preview shows the section.
  await db.review.updateMany({
    where: { teamId: org.teams['customer-care'].id, status: 'DRAFT' },
    data: { meetTheTeamIds: featured },
  });
  // Joined this autumn: no quote or win credits her yet, which is what "Needs you" points out.
  await makeUser(db, {
    email: 'noor.ali@demo.test',
    name: 'Noor Ali',
    role: 'AGENT',
    teamId: org.teams['customer-care'].id,
    password: randomBytes(24).toString('base64url'),
  });
};
