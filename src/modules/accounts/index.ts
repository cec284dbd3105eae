// Accounts: registration with email verification, login, sessions, passwords, personal API
// tokens, the account page and /api/v1/me. Other modules and the `hub` command use the store
// functions re-exported here.
import type { HubModule } from '../../platform/context.ts';
import { accountApi } from './api.ts';
import { accountPages } from './routes.tsx';

export const accountsModule: HubModule = {
  id: 'accounts',
  pages: accountPages,
  api: accountApi,
};

export { AccountSchema, toAccount } from './api.ts';
export { emailField, nameField, newPasswordField } from './schemas.ts';
export {
  countAdmins,
  countUsers,
  createUser,
  findUserByEmail,
  findUserById,
  normaliseEmail,
} from './store.ts';

import type { MessageKeys } from '../../platform/i18n.ts';
import type en from './locales/en.json';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}
