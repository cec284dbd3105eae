// Administration: accounts (search, filters, exports, roles, disabling), the audit log (filters,
// exports) and /api/v1/users. See docs/security.md for the rules it keeps.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { adminApi } from './api.ts';
import type en from './locales/en.json';
import { adminPages } from './routes.tsx';
import { focalPointPages } from './routes-focal-points.tsx';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const adminModule: HubModule = {
  id: 'admin',
  // The countries' focal points have a page of their own (focal-points.tsx).
  pages: (deps) => adminPages(deps).route('/', focalPointPages(deps)),
  api: adminApi,
};

// What `hub user set-role` uses: the role change, with systemContext(deps, 'cli').
export { changeRole } from './actions/accounts.ts';
