import { keptEditionPath } from '/work/main/lib/reviews/edition-gate';
import { sessionToken } from '/work/main/lib/session-user';
import { db } from '/work/main/lib/db';
const cookie = process.env.C!;
const path = '/reviews/billing-support/2026-10';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
async function bench(name: string, fn: () => Promise<unknown>, n = 2000) {
  for (let i = 0; i < 200; i++) await fn();
  const c0 = cpu(), t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(name, 'cpu ms/op', ((cpu() - c0) / n).toFixed(3), 'wall', ((performance.now() - t0) / n).toFixed(3));
}
console.log(await keptEditionPath(cookie, path));
await bench('sessionToken', () => sessionToken(cookie));
await bench('gate', () => keptEditionPath(cookie, path));
await bench('select 1 prisma', () => db.$queryRaw`SELECT 1`);
process.exit(0);
