// Accounts: registration with email verification, login, sessions, passwords, personal API
// tokens, the account page with "download my data", and /api/v1/me. Other modules and the `hub`
// command use what is re-exported at the end.
import { Hono } from 'hono';
import type { AppEnv, HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { accountApi } from './api.ts';
import type en from './locales/en.json';
import { openidMigration } from './openid/migrations.ts';
import { openidPages } from './openid/routes.tsx';
import { accountPages } from './routes-account.tsx';
import { signInPages } from './routes-sign-in.tsx';
import { twoFactorMigration } from './two-factor/migrations.ts';
import { REQUIRE_SETTING, twoFactorRequirement } from './two-factor/requirement.ts';
import { twoFactorPages } from './two-factor/routes.tsx';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const accountsModule: HubModule = {
  id: 'accounts',
  // The two-factor guard is mounted at '/' with the pages, so it runs before the routes of every
  // module listed after this one, and before the API (two-factor/requirement.ts).
  pages: () =>
    new Hono<AppEnv>()
      .use(twoFactorRequirement)
      .route('/', signInPages())
      .route('/', accountPages())
      .route('/', twoFactorPages())
      .route('/', openidPages()),
  api: accountApi,
  migrations: {
    '2026_12_25_0001_accounts_two_factor': twoFactorMigration,
    '2026_12_26_0001_accounts_openid': openidMigration,
  },
  // The admins' switch (on /moderation, with the platform's other on/off settings).
  moderation: {
    settings: [
      { key: REQUIRE_SETTING, label: 'twoFactor.requireSetting', hint: 'twoFactor.requireSettingHint' },
    ],
  },
};

export { countAdmins, countUsers, findUserByEmail, findUserById, normaliseEmail } from './access.ts';
export { createToken } from './actions/account.ts';
export { createAccount, type NewAccount } from './actions/create.ts';
export { AccountSchema, toAccount } from './api.ts';
export { isLastActiveAdmin } from './permissions.ts';
export { emailField, nameField, newPasswordField } from './schemas.ts';
export { hasTwoFactor, resetTwoFactor, usersWithTwoFactor } from './two-factor/actions.ts';
