import type { TestProject } from 'vitest/node';
import { startThrowawayCluster, type Cluster } from '../embedded-postgres.ts';
import { prepareTemplate } from './template.ts';

declare module 'vitest' {
  // Module augmentation only works with an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

// `npm test` starts one cluster for every runner and passes TEST_PG_ADMIN_URL; `npx vitest` alone
// starts its own.
export default async function setup(project: TestProject) {
  let cluster: Cluster | null = null;
  let adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl) {
    cluster = await startThrowawayCluster();
    adminUrl = cluster.adminUrl;
    await prepareTemplate(adminUrl);
  }
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await cluster?.stop();
  };
}
