// Search across every module's records: the /search page, /api/v1/search, suggestions while
// typing. The index itself lives in src/search/; modules feed it through its interface.
import type { HubModule } from '../../platform/context.ts';
import { searchApi } from './api.ts';
import { searchPages } from './routes.tsx';

export const searchModule: HubModule = {
  id: 'search',
  pages: searchPages,
  api: searchApi,
};
