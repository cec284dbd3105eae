// The pages of a document's files: downloads for readers (by content hash, so published files
// may be kept by shared caches; unpublished ones are private and 404 to strangers), and for
// editors the files page where files are added, get new versions and are removed.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { isFileHash, serveStoredFile } from '../../platform/files/index.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { loadVisible } from './access.ts';
import {
  addDocumentFile,
  addDocumentFileVersion,
  checkDocumentFile,
  chosenFile,
  removeDocumentFile,
} from './file-actions.ts';
import { currentHash, fileVersionUrl, findFile, findFileVersion } from './files.ts';
import { canManageFiles } from './permissions.ts';
import { fileInputSchema } from './schemas.ts';
import type { DocumentDetails } from './store.ts';
import { DocumentFilesView, type FileFormState } from './views-files.tsx';

type C = Context<AppEnv>;

/** A positive whole number from the URL, or 404. */
function idParam(c: C, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new HttpError(404, 'error.404.message');
  return Number(value);
}

/**
 * The document of a files page, for someone who may manage its files. Signed in first (the login
 * page, 401), then a record they may see (404), then the role (403): a member learns nothing about
 * unpublished records.
 */
async function loadForFiles(c: C): Promise<{ doc: DocumentDetails; user: ReturnType<typeof requireUser> }> {
  const user = requireUser(c);
  const doc = await loadVisible(c, c.req.param('slug') ?? '');
  if (!canManageFiles(user)) throw new HttpError(403, 'error.403.message');
  return { doc, user };
}

export function libraryFilePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const limitMb = Math.floor(config.uploadLimitBytes / 1024 / 1024);

  const showFiles = (
    c: C,
    doc: DocumentDetails,
    forms: { add?: FileFormState; version?: { fileId: number; state: FileFormState } } = {},
    status: ContentfulStatusCode = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('library.filesTitle', { title: doc.title }), noindex: true },
      <DocumentFilesView doc={doc} limitMb={limitMb} {...forms} />,
      status,
    );

  app.get('/library/:slug/files', async (c) => {
    const { doc } = await loadForFiles(c);
    return showFiles(c, doc);
  });

  app.post('/library/:slug/files', async (c) => {
    const { doc, user } = await loadForFiles(c);
    const form = await readForm(c, fileInputSchema);
    // Parsed once already by the CSRF check: Hono keeps the body.
    const checked = await checkDocumentFile(
      chosenFile(await c.req.parseBody({ all: true })),
      config.uploadLimitBytes,
    );
    if (!form.ok || !checked.ok) {
      const errors = form.ok ? {} : { ...form.errors };
      const refusal = checked.ok ? undefined : checked.refusal;
      if (refusal) errors.file = refusal.key;
      const fileError = refusal && { key: refusal.key, values: refusal.values };
      // A refused file decides the status (413, 415) unless the fields are wrong too.
      const status = form.ok && refusal ? refusal.status : 422;
      return showFiles(c, doc, { add: { values: form.values, errors, fileError } }, status);
    }
    await addDocumentFile(c, doc, form.data, checked.upload, user);
    setFlash(c, 'library.fileAdded');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  app.post('/library/:slug/files/:fileId/versions', async (c) => {
    const { doc, user } = await loadForFiles(c);
    const fileId = idParam(c, 'fileId');
    if (!doc.files.some((f) => f.id === fileId)) throw new HttpError(404, 'error.404.message');
    const checked = await checkDocumentFile(
      chosenFile(await c.req.parseBody({ all: true })),
      config.uploadLimitBytes,
    );
    if (!checked.ok) {
      const { key, values, status } = checked.refusal;
      return showFiles(
        c,
        doc,
        { version: { fileId, state: { values: {}, errors: { file: key }, fileError: { key, values } } } },
        status,
      );
    }
    await addDocumentFileVersion(c, doc, fileId, checked.upload, user);
    setFlash(c, 'library.fileVersionAdded');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  app.post('/library/:slug/files/:fileId/delete', async (c) => {
    const { doc } = await loadForFiles(c);
    const fileId = idParam(c, 'fileId');
    if (!doc.files.some((f) => f.id === fileId)) throw new HttpError(404, 'error.404.message');
    await removeDocumentFile(c, doc, fileId);
    setFlash(c, 'library.fileRemoved');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  // The current version of a file, whatever it is now: a link that stays right after new
  // versions. The redirect itself is never kept, the file behind it may be.
  app.get('/library/:slug/files/:fileId', async (c) => {
    const doc = await loadVisible(c, c.req.param('slug'));
    const file = await findFile(db, doc.id, idParam(c, 'fileId'));
    const hash = file && (await currentHash(db, file.id));
    if (!file || !hash) throw new HttpError(404, 'error.404.message');
    c.header('Cache-Control', doc.published_at ? 'no-cache' : 'private, no-cache');
    return c.redirect(fileVersionUrl(doc.slug, file.id, hash), 302);
  });

  // One version, named by its content: it never changes, so a published document's file may be
  // kept by any cache for a year; an unpublished one's only by the reader's browser, revalidated.
  app.get('/library/:slug/files/:fileId/:hash', async (c) => {
    const doc = await loadVisible(c, c.req.param('slug'));
    const hash = c.req.param('hash');
    if (!isFileHash(hash)) throw new HttpError(404, 'error.404.message');
    const version = await findFileVersion(db, doc.id, idParam(c, 'fileId'), hash);
    if (!version) throw new HttpError(404, 'error.404.message');
    return serveStoredFile(
      c,
      { hash: version.hash, mime: version.mime, size: Number(version.size), name: version.name },
      { shared: doc.published_at !== null },
    );
  });

  return app;
}
