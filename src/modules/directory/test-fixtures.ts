// Shared by the directory's tests (and those of modules whose records belong to organisations): a
// valid organisation form, an organisation added through it, and a multipart upload the way a
// browser sends the logo form.
import { addThroughForm } from '../../../test/forms.ts';
import type { TestClient, Upload } from '../../../test/harness.ts';

export const organisationForm = (overrides: Record<string, string> = {}) => ({
  kind: 'artisan_group',
  name: 'Ban Phanom Weavers',
  name_translit: '',
  lang: 'en',
  description: 'Silk weavers of **Ban Phanom** near Luang Prabang.',
  country: 'LA',
  province: 'Luang Prabang',
  city: 'Luang Prabang',
  address: '',
  latitude: '',
  longitude: '',
  website: '',
  email: '',
  phone: '',
  contact_visibility: 'members',
  founded_year: '',
  parent: '',
  opening_hours: '',
  domains: 'visual_arts_crafts',
  stages: 'production',
  languages: 'lo',
  ...overrides,
});

/** Adds an organisation through the directory's form as `client`, its owner from then on; its slug. */
export async function createOrganisation(
  client: TestClient,
  overrides: Record<string, string> = {},
): Promise<string> {
  return (await addThroughForm(client, '/directory/new', organisationForm(overrides))).replace(
    '/directory/',
    '',
  );
}

/** POSTs a multipart form with one file, with the client's cookies and the CSRF token of its last page. */
export function uploadFile(client: TestClient, path: string, file: Upload) {
  return client.request(path, { multipart: { fields: {}, files: [file] } });
}
