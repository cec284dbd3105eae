import type { Migration } from 'kysely';
import * as platform from './2026_11_21_0001_platform.ts';
import * as search from './2026_11_22_0001_search.ts';

export const platformMigrations: Record<string, Migration> = {
  '2026_11_21_0001_platform': platform,
  '2026_11_22_0001_search': search,
};
