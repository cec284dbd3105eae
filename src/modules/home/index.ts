// The front page: what this hub is, where to go, how to join.
import type { HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import type en from './locales/en.json';
import { homePages } from './routes.tsx';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const homeModule: HubModule = {
  id: 'home',
  pages: homePages,
};
