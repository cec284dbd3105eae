// The pages of a document's files: downloads for readers (by content hash, so published files
// may be kept by shared caches; unpublished ones are private and 404 to strangers), and for
// editors the files page where files are added, get new versions and are removed (the writes are
// actions/files.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { chosenFile } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { isFileHash, serveStoredFile } from '../../platform/files/index.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type DocumentDetails, loadForChange, loadVisible } from './access.ts';
import {
  addDocumentFile,
  addDocumentFileVersion,
  checkDocumentFile,
  removeDocumentFile,
  type UploadRefusal,
} from './actions/files.ts';
import { currentHash, fileVersionUrl, findFile, findFileVersion } from './files.ts';
import { canManageFiles } from './permissions.ts';
import { fileInput } from './schemas.ts';
import { DocumentFilesView } from './views/files.tsx';

type C = Context<AppEnv>;

/** A positive whole number from the URL, or 404. */
function idParam(c: C, name: string): number {
  const value = c.req.param(name) ?? '';
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new HttpError(404, 'error.404.message');
  return Number(value);
}

/** The file of the URL among the document's, or 404 (also one of another document). */
function fileIdOf(c: C, doc: DocumentDetails): number {
  const fileId = idParam(c, 'fileId');
  if (!doc.files.some((f) => f.id === fileId)) throw new HttpError(404, 'error.404.message');
  return fileId;
}

/** The form's state with a refused file's message (and its values: the size limit) next to it. */
const withRefusal = (state: FormState, refusal: UploadRefusal): FormState => ({
  values: state.values,
  errors: { ...state.errors, file: refusal.key },
  errorValues: { file: refusal.values ?? {} },
});

export function libraryFilePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const limitMb = Math.floor(config.uploadLimitBytes / 1024 / 1024);
  /**
   * The file chosen in the form's `file` field, checked (the body was parsed by the CSRF check). A
   * refusal that asks to wait (too many files waiting to be read) says how long in Retry-After.
   */
  const checkedFile = async (c: C) => {
    const file = chosenFile((await c.req.parseBody({ all: true })).file);
    const checked = await checkDocumentFile(file, config.uploadLimitBytes, c.var.auth?.user.id);
    if (!checked.ok && checked.refusal.retryAfter !== undefined)
      c.header('Retry-After', String(checked.refusal.retryAfter));
    return checked;
  };

  const showFiles = (
    c: C,
    doc: DocumentDetails,
    forms: { add?: FormState; version?: { fileId: number; state: FormState } } = {},
    status: ContentfulStatusCode = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('library.filesTitle', { title: doc.title }), noindex: true },
      <DocumentFilesView doc={doc} limitMb={limitMb} {...forms} />,
      status,
    );

  app.get('/library/:slug/files', async (c) => {
    const { doc } = await loadForChange(c, canManageFiles);
    return showFiles(c, doc);
  });

  app.post('/library/:slug/files', async (c) => {
    const { ctx, doc } = await loadForChange(c, canManageFiles);
    const form = await readForm(c, fileInput);
    const checked = await checkedFile(c);
    if (!form.ok || !checked.ok) {
      const state: FormState = { values: form.values, errors: form.ok ? {} : form.errors };
      const add = checked.ok ? state : withRefusal(state, checked.refusal);
      // A refused file decides the status (413, 415) unless the fields are wrong too.
      const status = form.ok && !checked.ok ? checked.refusal.status : 422;
      return showFiles(c, doc, { add }, status);
    }
    await addDocumentFile(ctx, doc, form.data, checked.upload);
    setFlash(c, 'library.fileAdded');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  app.post('/library/:slug/files/:fileId/versions', async (c) => {
    const { ctx, doc } = await loadForChange(c, canManageFiles);
    const fileId = fileIdOf(c, doc);
    const checked = await checkedFile(c);
    if (!checked.ok) {
      const state = withRefusal({ values: {} }, checked.refusal);
      return showFiles(c, doc, { version: { fileId, state } }, checked.refusal.status);
    }
    await addDocumentFileVersion(ctx, doc, fileId, checked.upload);
    setFlash(c, 'library.fileVersionAdded');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  app.post('/library/:slug/files/:fileId/delete', async (c) => {
    const { ctx, doc } = await loadForChange(c, canManageFiles);
    await removeDocumentFile(ctx, doc, fileIdOf(c, doc));
    setFlash(c, 'library.fileRemoved');
    return c.redirect(`/library/${doc.slug}/files`, 303);
  });

  // The current version of a file, whatever it is now: a link that stays right after new
  // versions. The redirect itself is never kept, the file behind it may be.
  app.get('/library/:slug/files/:fileId', async (c) => {
    const doc = await loadVisible(c);
    const file = await findFile(db, doc.id, idParam(c, 'fileId'));
    const hash = file && (await currentHash(db, file.id));
    if (!file || !hash) throw new HttpError(404, 'error.404.message');
    c.header('Cache-Control', doc.published_at ? 'no-cache' : 'private, no-cache');
    return c.redirect(fileVersionUrl(doc.slug, file.id, hash), 302);
  });

  // One version, named by its content: it never changes, so a published document's file may be
  // kept by any cache for a year; an unpublished one's only by the reader's browser, revalidated.
  app.get('/library/:slug/files/:fileId/:hash', async (c) => {
    const doc = await loadVisible(c);
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
