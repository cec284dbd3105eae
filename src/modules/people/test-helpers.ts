// Shared by the people tests: the test file's platform with the demo organisations and people, a
// valid profile form as a browser sends it, creating a profile through that form, and the profiles
// listed on a page of the people list.
import { addThroughForm } from '../../../test/forms.ts';
import { platformForFile, type TestClient } from '../../../test/harness.ts';

/** The test file's platform with the demo organisations and people of seed/. */
export const seededPlatform = () => platformForFile({ seed: ['directory', 'people'] });

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
  return addThroughForm(client, '/directory/people/new', form);
}

/** The slugs of the profiles on a page of the people list, in order. */
export const slugsOn = (html: string) =>
  [...html.matchAll(/<h2 class="card-title"><a href="\/directory\/people\/([^"]+)"/g)].map((m) => m[1]);
