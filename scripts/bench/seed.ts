// The benchmark data set shared by `npm run bench` and `npm run bench:backup`: 3 teams × 60 months
// of figures, 30 agents and leaders, one reader, a leader and an admin who sign in, and N quotes (100,000 by default), each credited.
import pg from 'pg';

export const BENCH_PASSWORD = 'bench-password';
/** The bench's own session secret: lib/env.js requires one beside DATABASE_URL, and the server the
 * bench starts must share it with the seeding process. */
export const BENCH_AUTH_SECRET = 'bench-secret-bench-secret-bench-secret-01';

export async function seedBenchData(url: string, quotes: number, months = 60) {
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET = BENCH_AUTH_SECRET;
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { PrismaClient } = await import('../../lib/generated/prisma/client');
  const { makeTeam, makeUser } = await import('../../prisma/factories');
  const { seedTeamFigures } = await import('../../prisma/demo-figures');
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const teams = [
    await makeTeam(db, { name: 'Customer Care', slug: 'customer-care' }),
    await makeTeam(db, { name: 'Billing Support', slug: 'billing-support' }),
    await makeTeam(db, { name: 'Technical Support', slug: 'technical-support' }),
  ];
  await seedTeamFigures(db, teams[0]!.id, 'customer-care', 1, months);
  await seedTeamFigures(db, teams[1]!.id, 'billing-support', 2, months);
  await seedTeamFigures(db, teams[2]!.id, 'customer-care', 3, months);
  await makeUser(db, { role: 'COLLEAGUE', email: 'reader@bench.test', name: 'Bench Reader', password: BENCH_PASSWORD });
  // A leader's dashboard carries their own "Needs you" and is rendered per request: measured too.
  await makeUser(db, {
    role: 'LEADER',
    teamId: teams[0]!.id,
    email: 'leader@bench.test',
    name: 'Bench Leader',
    password: BENCH_PASSWORD,
  });
  await makeUser(db, { role: 'ADMIN', email: 'admin@bench.test', name: 'Bench Admin', password: BENCH_PASSWORD });
  const agents = [];
  for (const team of teams)
    for (let i = 0; i < 10; i++)
      agents.push(
        await makeUser(db, { role: i ? 'AGENT' : 'LEADER', teamId: team.id, name: `Agent ${team.slug} ${i}` }),
      );
  await db.$disconnect();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "Quote" (id, "teamId", "submitterId", "submissionKey", text, attribution, channel, "receivedOn", status, "createdAt", "updatedAt")
     SELECT 'q' || g, t.id, (SELECT id FROM "User" WHERE "teamId" = t.id ORDER BY id OFFSET (g % 10) LIMIT 1), 'bench-' || g,
            'Thank you for sorting my ' || (ARRAY['refund', 'invoice', 'delivery', 'password', 'tariff'])[1 + g % 5] || ' so quickly, quote number ' || g,
            (ARRAY['NAMED', 'ORGANISATION', 'ANONYMOUS'])[1 + g % 3]::"QuoteAttribution", (ARRAY['PHONE', 'EMAIL', 'CHAT'])[1 + g % 3]::"QuoteChannel",
            current_date - (g % 1800), (CASE WHEN g % 20 = 0 THEN 'PENDING' ELSE 'APPROVED' END)::"QuoteStatus", now(), now()
     FROM generate_series(1, $1::int) g JOIN LATERAL (SELECT id FROM "Team" ORDER BY id OFFSET (g % 3) LIMIT 1) t ON true`,
    [quotes],
  );
  await client.query(
    `INSERT INTO "QuoteCredit" ("quoteId", "userId", "updatedAt") SELECT id, "submitterId", now() FROM "Quote"`,
  );
  await client.query('VACUUM ANALYZE');
  await client.end();
  return { teams, agents };
}
