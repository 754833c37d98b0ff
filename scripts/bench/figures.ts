// `npm run bench:figures`: how long importing 60 months of monthly CSV and a 50,000-row ticket
// export take, end to end through the same code the app runs, against a real (throwaway)
// PostgreSQL. Goals on the 2-core reference machine: under 2 s and under 10 s.
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { startThrowawayCluster } from '../embedded-postgres.ts';
import { createTestDatabase, prepareTemplate } from '../testing/template.ts';

const cluster = await startThrowawayCluster();
try {
  await prepareTemplate(cluster.adminUrl);
  const database = await createTestDatabase(cluster.adminUrl, 'bench');
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret-00';
  const { db } = await import('../../lib/db');
  const { makeCatalog, makeTeam, makeUser } = await import('../../prisma/factories');
  const { applyMonthlyImport } = await import('../../lib/figures/monthly-import');
  const { applyTicketImport } = await import('../../lib/figures/ticket-import');
  const { aggregateTickets } = await import('../../lib/figures/ticket-export');
  const { guessColumns } = await import('../../lib/figures/ticket-guess');
  const { addMonths, currentMonth } = await import('../../lib/dates/month');

  const channels = ['Phone', 'Email', 'Chat', 'Social'];
  const reasons = ['Billing', 'Delivery', 'Returns', 'Technical', 'Account', 'Product information'];
  const segments = ['Consumers', 'Business customers', 'Partners', 'Internal'];
  const kpis = ['CSAT', 'First response time', 'Average handle time', 'First-contact resolution', 'Backlog'];
  const team = await makeTeam(db);
  await makeCatalog(db, team.id, {
    channels,
    reasons,
    segments,
    kpis: kpis.map((name) => ({ name, unit: name === 'CSAT' || name.includes('resolution') ? 'PERCENT' : 'COUNT' })),
  });
  const leader = await makeUser(db, { role: 'LEADER', teamId: team.id });

  // ── 60 months of monthly CSV ──
  const last = addMonths(currentMonth(), -1);
  const lines = ['month,kind,item,value'];
  for (let i = 59; i >= 0; i--) {
    const month = addMonths(last, -i);
    for (const c of channels) lines.push(`${month},received,${c},${1000 + i}`, `${month},handled,${c},${990 + i}`);
    for (const r of reasons) lines.push(`${month},reason,${r},${300 + i}`);
    for (const s of segments) lines.push(`${month},segment,${s},${500 + i}`);
    for (const k of kpis) lines.push(`${month},kpi,${k},${50 + (i % 40)}`);
    lines.push(`${month},note,,"Month ${i}, quoted"`);
  }
  const monthly = lines.join('\n');
  let t = performance.now();
  const { results: first } = await applyMonthlyImport(leader, team.id, monthly, { createUnknown: false });
  const firstMs = performance.now() - t;
  t = performance.now();
  const { results: again } = await applyMonthlyImport(leader, team.id, monthly, { createUnknown: false });
  const againMs = performance.now() - t;

  // ── 50,000-row ticket export ──
  const header =
    'Ticket ID;Created at;Via;Tags;Organization;Satisfaction Score;First reply time (min);Full resolution time;Status';
  const rows = [header];
  for (let i = 0; i < 50_000; i++) {
    const month = addMonths(last, -(i % 12));
    const day = String((i % 28) + 1).padStart(2, '0');
    rows.push(
      [
        i + 1,
        `${month}-${day} 10:${String(i % 60).padStart(2, '0')}`,
        channels[i % 4],
        `${reasons[i % 6]!.toLowerCase()} vip`,
        i % 7 === 0 ? '"Acme; Ltd\nLondon"' : 'Consumers',
        i % 5 === 0 ? 'Bad' : 'Good',
        5 + (i % 50),
        `0:${String(3 + (i % 20)).padStart(2, '0')}:00`,
        i % 30 === 0 ? 'open' : 'solved',
      ].join(';'),
    );
  }
  const exportText = '\uFEFF' + rows.join('\r\n');
  t = performance.now();
  const parsed = parse(exportText, { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
  const parseMs = performance.now() - t;
  const [head, ...data] = parsed;
  t = performance.now();
  const aggregated = aggregateTickets(data, {
    mapping: guessColumns(head!),
    dateOrder: 'DMY',
    durationUnits: { firstResponse: 'minutes', handleTime: 'minutes' },
    multiTag: true,
    multiTagRule: 'first',
    satisfaction: {},
    valueMaps: {
      channel: Object.fromEntries(channels.map((c) => [c, c])),
      reason: Object.fromEntries(reasons.map((r) => [r.toLowerCase(), r])),
      segment: { Consumers: 'Consumers', 'Acme; Ltd\nLondon': 'Business customers' },
    },
    kpis: { csat: 'CSAT', firstResponse: { kpi: 'First response time', unit: 'MINUTES' } },
    latestMonth: currentMonth(),
  });
  const aggregateMs = performance.now() - t;
  t = performance.now();
  await applyTicketImport(leader, team.id, {
    months: aggregated.months.map(({ month, payload }) => ({ month, payload })),
    cover: { reasons: true, segments: true, kpis: ['CSAT', 'First response time'] },
    create: { channel: [], reason: [], segment: [] },
    mappings: [],
    ignored: { rows: aggregated.stats.rows, ignored: aggregated.stats.ignored, confirmed: false },
  });
  const applyMs = performance.now() - t;

  const row = (label: string, ms: number, goal?: number) =>
    console.log(
      `${label.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms${goal ? `   goal < ${goal} ms: ${ms < goal ? 'met' : 'NOT met'}` : ''}`,
    );
  console.log(
    `\nService Review figures import benchmark (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
  );
  console.log(
    `monthly CSV: ${lines.length - 1} rows, ${first.length} months; ticket export: ${data.length} rows, ${(exportText.length / 1e6).toFixed(1)} MB\n`,
  );
  row('monthly CSV, 60 months, first import (all new)', firstMs, 2000);
  row('monthly CSV, same file again (all unchanged)', againMs, 2000);
  console.log(
    `  outcomes: first ${first.filter((r) => r.outcome === 'new').length} new; again ${again.filter((r) => r.outcome === 'unchanged').length} unchanged`,
  );
  row('ticket export: parse 50,000 rows (csv-parse)', parseMs);
  row('ticket export: aggregate into months', aggregateMs);
  row(`ticket export: apply ${aggregated.months.length} months in one transaction`, applyMs);
  row('ticket export, total', parseMs + aggregateMs + applyMs, 10_000);
  await db.$disconnect();
  await database.drop();
} finally {
  await cluster.stop();
}
