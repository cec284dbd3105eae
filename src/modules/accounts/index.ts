// Accounts: registration with email verification, login, sessions, passwords, personal API
// tokens, the account page with "download my data", and /api/v1/me. Other modules and the `hub`
// command use what is re-exported at the end.
import { Hono } from 'hono';
import type { AppEnv, HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { accountApi } from './api.ts';
import type en from './locales/en.json';
import { accountPages } from './routes-account.tsx';
import { signInPages } from './routes-sign-in.tsx';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const accountsModule: HubModule = {
  id: 'accounts',
  pages: () => new Hono<AppEnv>().route('/', signInPages()).route('/', accountPages()),
  api: accountApi,
};

export { countAdmins, countUsers, findUserByEmail, findUserById, normaliseEmail } from './access.ts';
export { createToken } from './actions/account.ts';
export { createAccount, type NewAccount } from './actions/create.ts';
export { AccountSchema, toAccount } from './api.ts';
export { isLastActiveAdmin } from './permissions.ts';
export { emailField, nameField, newPasswordField } from './schemas.ts';
