// Search across every module's records: the /search page, /api/v1/search, suggestions while
// typing. The index itself lives in src/search/; modules feed it through its interface.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { searchApi } from './api.ts';
import type en from './locales/en.json';
import { searchPages } from './routes.tsx';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const searchModule: HubModule = {
  id: 'search',
  pages: searchPages,
  api: searchApi,
};
