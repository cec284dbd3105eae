// The applicant's pages: the form (drafts saved on the server, files checked and stored), their
// application with its status and the withdrawal, the list of their own applications, and the
// download of a file answer (for the applicant and the event's reviewers only).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { serveStoredFile } from '../../../platform/files/index.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { renderPage } from '../../../ui/render.tsx';
import { organisationsOf } from '../../directory/index.ts';
import { loadVisibleEvent } from '../access.ts';
import { changeContext, loadForApplicant } from './access.ts';
import { answerFormValues, checkAnswers, draftAnswers, fileAnswers, isFileAnswer } from './answers.ts';
import {
  type Application,
  applicationById,
  applicationOf,
  applicationsOfUser,
  saveDraft,
  standardColumns,
} from './applications-store.ts';
import { submitApplication, withdraw } from './decisions.ts';
import { draftStandardColumns, standardFormValues } from './drafts.ts';
import { receiveFiles } from './files.ts';
import { fieldsOf } from './form-store.ts';
import {
  type ApplyRefusal,
  applyRefusal,
  canReview,
  canSeeApplication,
  canWithdraw,
  closesAt,
} from './permissions.ts';
import { isReviewer } from './review-store.ts';
import { standardSchema } from './schemas.ts';
import { isInvited } from './settings-store.ts';
import { ApplicationView, MyApplicationsView } from './views-application.tsx';
import { ApplyClosedView, type ApplyPageProps, ApplyView } from './views-apply.tsx';
import { EDITABLE_STATUSES } from './vocab.ts';

type C = Context<AppEnv>;

const REFUSAL: Record<Exclude<ApplyRefusal, 'noRegistration'>, { message: MessageKey; status: 403 | 409 }> = {
  notOpen: { message: 'registration.refused.notOpen', status: 409 },
  deadlinePassed: { message: 'registration.refused.deadlinePassed', status: 409 },
  notInvited: { message: 'registration.refused.notInvited', status: 403 },
};

export function applyPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The event, the account's registration and whether (and why not) it may apply now. */
  const loadApplying = async (c: C) => {
    const loaded = await loadForApplicant(db, c, c.req.param('slug') ?? '');
    const { user, event, settings } = loaded;
    const [existing, invited, fields, organisations] = await Promise.all([
      applicationOf(db, event.id, user.id),
      isInvited(db, event.id, user),
      fieldsOf(db, event.id),
      organisationsOf(db, user.id),
    ]);
    const refusal = applyRefusal(event, settings, { now: new Date(), invited });
    return { ...loaded, existing, refusal, fields, organisations };
  };
  type Applying = Awaited<ReturnType<typeof loadApplying>>;

  const showForm = (
    c: C,
    loaded: Applying,
    state: { values: FormValues; errors?: FieldErrors },
    options: { status?: ContentfulStatusCode; files?: ApplyPageProps['files']; savedAt?: string | null } = {},
  ) =>
    renderPage(
      c,
      { title: c.var.t('registration.applyTitle', { title: loaded.event.title }), noindex: true },
      <ApplyView
        event={loaded.event}
        settings={loaded.settings}
        closesAt={closesAt(loaded.event, loaded.settings).toISOString()}
        fields={loaded.fields}
        files={options.files ?? fileAnswers(loaded.existing?.parsedAnswers ?? {})}
        organisations={loaded.organisations}
        state={state}
        draftSavedAt={
          options.savedAt === undefined
            ? loaded.existing?.status === 'draft'
              ? loaded.existing.updated_at
              : null
            : options.savedAt
        }
      />,
      options.status ?? 200,
    );

  /** A second attempt leads to the first: an application sent already is shown, not a new form. */
  const alreadySent = (existing: Application | undefined) =>
    !!existing && !EDITABLE_STATUSES.has(existing.status);

  app.get('/events/:slug/apply', async (c) => {
    const loaded = await loadApplying(c);
    const { event, existing, refusal, fields, user } = loaded;
    if (alreadySent(existing)) {
      setFlash(c, 'registration.alreadyApplied');
      return c.redirect(`/events/${event.slug}/application`, 303);
    }
    if (refusal && refusal !== 'noRegistration')
      return renderPage(
        c,
        { title: c.var.t('registration.cannotApplyTitle'), noindex: true },
        <ApplyClosedView event={event} message={REFUSAL[refusal].message} />,
        REFUSAL[refusal].status,
      );
    const values = existing
      ? { ...standardFormValues(existing), ...answerFormValues(fields, existing.parsedAnswers) }
      : { name: user.name };
    return showForm(c, loaded, { values });
  });

  app.post('/events/:slug/apply', async (c) => {
    const loaded = await loadApplying(c);
    const { event, settings, existing, refusal, fields, organisations, user } = loaded;
    if (alreadySent(existing)) {
      setFlash(c, 'registration.alreadyApplied');
      return c.redirect(`/events/${event.slug}/application`, 303);
    }
    const offered = {
      categoryIds: settings.categories.map((x) => x.id),
      organisationIds: organisations.map((o) => o.id),
    };
    const form = await readForm(c, standardSchema(offered));
    // Refused as a whole (closed, past the deadline, not invited): the form comes back as typed.
    if (refusal && refusal !== 'noRegistration')
      return showForm(
        c,
        loaded,
        { values: form.values, errors: { _form: REFUSAL[refusal].message } },
        { status: REFUSAL[refusal].status },
      );

    const received = await receiveFiles(deps, fields, await c.req.parseBody({ all: true }));
    const previous = existing?.parsedAnswers ?? {};
    const files = new Map([...fileAnswers(previous), ...received.files]);
    const asTyped = (trx: typeof db) =>
      saveDraft(
        trx,
        event.id,
        user.id,
        draftStandardColumns(form.values, offered, organisations),
        draftAnswers(fields, form.values, files, previous),
      );

    if (form.values.intent !== 'submit') {
      await db.transaction().execute(asTyped);
      if (received.status)
        return showForm(
          c,
          loaded,
          { values: form.values, errors: received.errors },
          { status: received.status, files, savedAt: new Date().toISOString() },
        );
      setFlash(c, 'registration.draftSaved');
      return c.redirect(`/events/${event.slug}/apply`, 303);
    }

    const checked = checkAnswers(fields, form.values, files, previous);
    const errors: FieldErrors = {
      ...(form.ok ? {} : form.errors),
      ...(checked.ok ? {} : checked.errors),
      ...received.errors,
    };
    if (!form.ok || !checked.ok || received.status) {
      // Not sent, but nothing typed is lost: the draft on the server keeps it as it is.
      await db.transaction().execute(asTyped);
      const onlyFiles = form.ok && checked.ok;
      return showForm(
        c,
        loaded,
        { values: form.values, errors },
        {
          status: onlyFiles && received.status ? received.status : 422,
          files,
          savedAt: new Date().toISOString(),
        },
      );
    }
    const organisationName = organisations.find((o) => o.id === form.data.organisation_id)?.name ?? null;
    const outcome = await db.transaction().execute(async (trx) => {
      const id = await saveDraft(
        trx,
        event.id,
        user.id,
        standardColumns(form.data, organisationName),
        checked.answers,
      );
      return submitApplication(trx, changeContext(c, event, settings), id);
    });
    if (outcome === 'full')
      return showForm(
        c,
        loaded,
        { values: form.values, errors: { _form: 'registration.full' } },
        { status: 409, files, savedAt: new Date().toISOString() },
      );
    deps.outbox.kick();
    setFlash(c, `registration.sent.${outcome}`);
    return c.redirect(`/events/${event.slug}/application`, 303);
  });

  app.get('/events/:slug/application', async (c) => {
    const { user, event, settings } = await loadForApplicant(db, c, c.req.param('slug'));
    const application = await applicationOf(db, event.id, user.id);
    if (!application) return c.redirect(`/events/${event.slug}/apply`, 303);
    const now = new Date();
    const open = !applyRefusal(event, settings, { now, invited: await isInvited(db, event.id, user) });
    return renderPage(
      c,
      { title: c.var.t('registration.yourApplication', { title: event.title }), noindex: true },
      <ApplicationView
        event={event}
        application={application}
        fields={await fieldsOf(db, event.id)}
        mayWithdraw={canWithdraw(event, application.status, now)}
        editable={open && EDITABLE_STATUSES.has(application.status)}
      />,
    );
  });

  app.post('/events/:slug/application/withdraw', async (c) => {
    const { user, event, settings } = await loadForApplicant(db, c, c.req.param('slug'));
    const application = await applicationOf(db, event.id, user.id);
    if (!application) throw new HttpError(404, 'error.404.message');
    if (!canWithdraw(event, application.status, new Date()))
      throw new HttpError(409, 'registration.cannotWithdraw');
    await db.transaction().execute((trx) => withdraw(trx, changeContext(c, event, settings), application.id));
    deps.outbox.kick();
    setFlash(c, 'registration.withdrawn');
    return c.redirect(`/events/${event.slug}/application`, 303);
  });

  app.get('/account/applications', async (c) => {
    const user = requireUser(c);
    return renderPage(
      c,
      { title: c.var.t('registration.myApplications'), noindex: true },
      <MyApplicationsView applications={await applicationsOfUser(db, user)} />,
    );
  });

  // A file answer: the applicant's own, or one a reviewer of the event reads. Never cached by
  // anyone but the reader's browser (serveStoredFile with shared: false).
  app.get('/events/:slug/applications/:id/files/:field', async (c) => {
    const user = requireUser(c);
    const { event, organiser } = await loadVisibleEvent(db, user, c.req.param('slug'));
    const application = await applicationById(db, event.id, Number(c.req.param('id')));
    if (!application) throw new HttpError(404, 'error.404.message');
    const mayReview = canReview(user, organiser, await isReviewer(db, user, event.id));
    if (!canSeeApplication(user, application, mayReview)) throw new HttpError(403, 'registration.notYours');
    // Drafts are their applicant's business alone.
    if (application.status === 'draft' && application.user_id !== user.id)
      throw new HttpError(404, 'error.404.message');
    const answer = application.parsedAnswers[c.req.param('field')];
    if (!isFileAnswer(answer)) throw new HttpError(404, 'error.404.message');
    return serveStoredFile(c, answer, { shared: false });
  });

  return app;
}
