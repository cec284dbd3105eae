// Administration: accounts, roles, disabling, the audit log.
import type { HubModule } from '../../platform/context.ts';
import { adminApi } from './api.ts';
import { adminPages } from './routes.tsx';

export const adminModule: HubModule = {
  id: 'admin',
  pages: adminPages,
  api: adminApi,
};

export { changeRole } from './store.ts';
