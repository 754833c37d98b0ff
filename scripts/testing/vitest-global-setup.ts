import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from '../embedded-postgres.ts';
import { prepareTemplate } from './template.ts';

declare module 'vitest' {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

type Shared = { adminUrl: Promise<string>; stop: () => Promise<void>; users: number };
// Each project of vitest.config.ts runs this setup, in the one main process: the first starts the
// cluster (when needed) and prepares the template, the others wait for it, the last stops it.
const g = globalThis as unknown as { serviceReviewTestCluster?: Shared };

function shared(): Shared {
  if (g.serviceReviewTestCluster) return g.serviceReviewTestCluster;
  // `npm test` starts one cluster for every runner and passes TEST_PG_ADMIN_URL; `npx vitest` alone
  // starts its own.
  const given = process.env.TEST_PG_ADMIN_URL;
  const cluster = given ? null : startThrowawayCluster();
  const adminUrl = (async () => {
    const url = given ?? (await cluster!).adminUrl;
    if (!given) await prepareTemplate(url);
    return url;
  })();
  return (g.serviceReviewTestCluster = {
    adminUrl,
    users: 0,
    stop: async () => {
      await (await cluster)?.stop();
    },
  });
}

export default async function setup(project: TestProject) {
  const run = shared();
  run.users++;
  project.provide('pgAdminUrl', await run.adminUrl);
  return async () => {
    if (--run.users === 0) {
      delete g.serviceReviewTestCluster;
      await run.stop();
    }
  };
}
