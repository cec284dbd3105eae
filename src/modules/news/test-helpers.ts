// Shared by the news tests: the test file's platform with an editor, an organisation's owner and a
// stranger (each with an API token), the post form sent as a browser sends it (multipart, with an
// optional cover file), and API calls with a personal token.
import { rowCount } from '../../../test/counts.ts';
import { platformForFile, type TestClient, type TestPlatform } from '../../../test/harness.ts';
import { createOrganisation } from '../directory/test-fixtures.ts';
import { postForm } from './test-fixtures.ts';

/**
 * The test file's platform with an editor, the owner of an organisation named `organisation` and a
 * stranger to it, each signed in and with an API token.
 */
export async function newsHub(organisation: string) {
  const hub = await platformForFile();
  const editor = await hub.signedInWithToken('editor');
  const owner = await hub.signedInWithToken();
  const stranger = await hub.signedInWithToken();
  const orgSlug = await createOrganisation(owner.client, { name: organisation });
  return { hub, editor, owner, stranger, orgSlug };
}

export { createOrganisation, postForm };

/**
 * POSTs the post form as multipart (the form's enctype), with the client's cookies and the CSRF
 * token of the last page it loaded, and an optional file in `cover` (or another field).
 */
export function sendMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { field?: string; name: string; type: string; bytes: Uint8Array },
) {
  return client.request(path, {
    multipart: { fields, files: file ? [{ ...file, field: file.field ?? 'cover' }] : [] },
  });
}

/** Writes a post through the page's form (loading the form first for its CSRF token). */
export async function writePost(client: TestClient, overrides: Record<string, string> = {}) {
  await client.get('/news/new');
  return sendMultipart(client, '/news/new', postForm(overrides));
}

export const postCount = (hub: TestPlatform) => rowCount(hub, 'posts');
