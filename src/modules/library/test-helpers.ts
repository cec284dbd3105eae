// Shared by the library's tests: the test file's platform with an editor and a member, documents
// made through the form, uploads sent as a browser (or an API client) sends them, and what an upload
// may have left behind anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { rowCount } from '../../../test/counts.ts';
import { addThroughForm } from '../../../test/forms.ts';
import { platformForFile, type TestClient, type TestPlatform } from '../../../test/harness.ts';

/**
 * The test file's platform with the demo content of the modules named in `seed`, a signed-in editor
 * and a signed-in member, each with a personal API token.
 */
export async function libraryHub(seed: string[] = []) {
  const hub = await platformForFile({ seed });
  return {
    hub,
    editor: await hub.signedInWithToken('editor'),
    member: await hub.signedInWithToken('member'),
  };
}

/** A law as the form sends it, with a translation row (the library's own tests). */
export const lawForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'law',
  title: 'Law on Intellectual Property (test)',
  lang: 'en',
  summary: 'A test record about **copyright**.',
  official_number: '50/2005/QH11',
  issuer: 'vietnam-mcst',
  issuer_name: '',
  places: 'VN',
  languages: 'vi',
  issued_on: '2005-11-29',
  in_force_from: '2006-07-01',
  in_force_to: '',
  status: 'in_force',
  domains: 'books_press',
  themes: 'Copyright,  Intellectual  Property ',
  tags: 'IPR',
  licence: '',
  source_url: 'https://example.org/ip-law',
  supersedes: '',
  published: '1',
  tr_lang: 'vi',
  tr_title: 'Luật Sở hữu trí tuệ (thử)',
  tr_summary: 'Bản ghi thử về **quyền tác giả**.',
  ...overrides,
});

export const documentForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'policy',
  title: 'Policy dialogue on the 2005 Convention (test)',
  lang: 'en',
  summary: 'A record for the file tests.',
  official_number: '',
  issuer: '',
  issuer_name: 'Mekong Institute',
  places: 'mekong',
  languages: 'en',
  issued_on: '2019-05-20',
  in_force_from: '',
  in_force_to: '',
  status: '',
  domains: 'heritage',
  themes: '',
  tags: '',
  licence: '',
  source_url: '',
  supersedes: '',
  language_version_of: '',
  published: '1',
  ...overrides,
});

/** Adds a document through the form as `client` (an editor); returns its slug. */
export async function createDocument(client: TestClient, overrides: Record<string, string> = {}) {
  return (await addThroughForm(client, '/library/new', documentForm(overrides))).replace('/library/', '');
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
  type?: string;
  field?: string;
}

/**
 * POSTs a multipart form the way a browser sends the files form: the client's cookies and the
 * CSRF token of the last page it loaded (or an API token from a fresh client, then no CSRF), and
 * an optional file (in `file` unless it says another field).
 */
export async function sendUpload(
  hub: TestPlatform,
  client: TestClient | null,
  target: string,
  fields: Record<string, string>,
  file?: Upload,
  options: { token?: string; method?: string } = {},
) {
  const sender = client && !options.token ? client : hub.client();
  return sender.request(target, {
    method: options.method ?? 'POST',
    multipart: { fields, files: file ? [{ ...file, field: file.field ?? 'file' }] : [] },
    headers: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
    csrf: sender === client,
  });
}

/** Every file in the store (DATA_DIR/files), by name. */
export function storedFiles(hub: TestPlatform): string[] {
  const root = path.join(hub.deps.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .flatMap((d) => (d.isFile() ? [d.name] : []))
    .sort();
}

/** What a write of files leaves behind: rows, audit entries, stored bytes. */
export async function fileTraces(hub: TestPlatform) {
  const { db } = hub.deps;
  const audit = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'document.file%')
    .executeTakeFirstOrThrow();
  return {
    files: await rowCount(hub, 'document_files'),
    versions: await rowCount(hub, 'document_file_versions'),
    audit: Number(audit.n),
    stored: storedFiles(hub),
  };
}

/** The download links of a page's files section, in page order. */
export function downloadLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/library\/[^"/]+\/files\/\d+\/[0-9a-f]{64})"/g)].map((m) => m[1]!);
}
