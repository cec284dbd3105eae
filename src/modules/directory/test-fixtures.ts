// Shared by the members and logo tests: a valid organisation form, and a multipart upload the way
// a browser sends the logo form (TestClient sends url-encoded forms only).
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

/** POSTs a multipart form with one file, with the client's cookies and the CSRF token of its last page. */
export function uploadFile(client: TestClient, path: string, file: Upload) {
  return client.request(path, { multipart: { fields: {}, files: [file] } });
}
