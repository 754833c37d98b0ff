// Runs once per server start (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startEmailWorker } = await import('./lib/reviews/email-worker');
  startEmailWorker();
}
