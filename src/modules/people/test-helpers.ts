// Shared by the people tests: a platform with the demo organisations and people, a valid profile
// form as a browser sends it, creating a profile through that form, and the profiles listed on a
// page of the people list.
import { expect } from 'vitest';
import {
  createTestPlatform,
  type TestClient,
  type TestPlatform,
  visibleText,
} from '../../../test/harness.ts';
import { SEED_DIR } from '../../seed.ts';
import { seedDirectory } from '../directory/seed.ts';
import { seedPeople } from './seed.ts';

/** A fresh platform with the demo organisations and people of seed/ (the directory's first). */
export async function seededPlatform(): Promise<TestPlatform> {
  const hub = await createTestPlatform();
  await seedDirectory({ deps: hub.deps, seedDir: SEED_DIR });
  await seedPeople({ deps: hub.deps, seedDir: SEED_DIR });
  return hub;
}

/** Every field of the profile form, the organisation rows empty, valid as it is. */
export const profileForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  name: 'Keo Sophea',
  name_translit: '',
  lang: 'en',
  title: 'Textile designer',
  bio: 'Designs **ikat** patterns.',
  country: 'KH',
  org_slug: '',
  org_role: '',
  skills: '',
  links: '',
  email: '',
  phone: '',
  contact_visibility: 'hidden',
  status: 'published',
  ...overrides,
});

/**
 * Creates a profile through the form, as `client` (their own; `owner: 'none'` for an editor's profile
 * of someone else); returns its address.
 */
export async function createProfile(client: TestClient, form: Record<string, string>): Promise<string> {
  await client.get('/directory/people/new');
  const res = await client.request('/directory/people/new', { form });
  expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  return res.location ?? '';
}

/** The slugs of the profiles on a page of the people list, in order. */
export const slugsOn = (html: string) =>
  [...html.matchAll(/<h2 class="card-title"><a href="\/directory\/people\/([^"]+)"/g)].map((m) => m[1]);
