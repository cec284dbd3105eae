// The applicant's pages: the form (drafts saved on the server, files checked and stored), their
// application with its status and the withdrawal, the list of their own applications, and the
// download of a file answer (for the applicant and the event's reviewers only). The writes are the
// actions of actions/apply.ts.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../../platform/actions.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { serveStoredFile } from '../../../platform/files/index.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../../platform/http/forms.ts';
import {
  answerFormValues,
  checkAnswers,
  draftAnswers,
  fileAnswers,
  isFileAnswer,
  questionsOf,
  receiveFiles,
} from '../../../platform/questionnaires/index.ts';
import { renderPage } from '../../../ui/render.tsx';
import { organisationsOf } from '../../directory/index.ts';
import { loadVisibleEvent } from '../access.ts';
import { isInvited, loadForApplicant } from './access.ts';
import {
  type Applying,
  alreadySent,
  REFUSAL,
  saveApplicationDraft,
  submitApplication,
  withdrawApplication,
} from './actions/apply.ts';
import { applicationById, applicationOf, applicationsOfUser } from './applications.ts';
import { applicationForm } from './form.ts';
import { applyRefusal, canReview, canSeeApplication, canWithdraw, closesAt } from './permissions.ts';
import { isReviewer } from './reviews.ts';
import { standardSchema } from './schemas.ts';
import { draftStandardColumns, standardColumns, standardFormValues } from './standard-fields.ts';
import { ApplicationView, MyApplicationsView } from './views/application.tsx';
import { ApplyClosedView, type ApplyPageProps, ApplyView } from './views/apply.tsx';
import { EDITABLE_STATUSES } from './vocab.ts';

type C = Context<AppEnv>;

export function applyPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The event, the account's registration and whether (and why not) it may apply now. */
  const loadApplying = async (c: C): Promise<Applying> => {
    const { user, event, settings } = await loadForApplicant(c, c.req.param('slug') ?? '');
    const [existing, invited, questions, organisations] = await Promise.all([
      applicationOf(db, event.id, user.id),
      isInvited(db, event.id, user),
      questionsOf(db, applicationForm(event.id)),
      organisationsOf(db, user.id),
    ]);
    const refusal = applyRefusal(event, settings, { now: new Date(), invited });
    return { user, event, settings, existing, refusal, questions, organisations };
  };

  const showForm = (
    c: C,
    applying: Applying,
    state: { values: FormValues; errors?: FieldErrors },
    options: { status?: ContentfulStatusCode; files?: ApplyPageProps['files']; savedAt?: string | null } = {},
  ) =>
    renderPage(
      c,
      { title: c.var.t('registration.applyTitle', { title: applying.event.title }), noindex: true },
      <ApplyView
        event={applying.event}
        settings={applying.settings}
        closesAt={closesAt(applying.event, applying.settings).toISOString()}
        questions={applying.questions}
        files={options.files ?? fileAnswers(applying.existing?.answers ?? {})}
        organisations={applying.organisations}
        state={state}
        draftSavedAt={
          options.savedAt === undefined
            ? applying.existing?.status === 'draft'
              ? applying.existing.updated_at
              : null
            : options.savedAt
        }
      />,
      options.status ?? 200,
    );

  /** A second attempt leads to the first: an application sent already is shown, not a new form. */
  const toApplication = (c: C, applying: Applying) => {
    setFlash(c, 'registration.alreadyApplied');
    return c.redirect(`/events/${applying.event.slug}/application`, 303);
  };

  app.get('/events/:slug/apply', async (c) => {
    const applying = await loadApplying(c);
    const { event, existing, refusal, questions, user } = applying;
    if (alreadySent(existing)) return toApplication(c, applying);
    if (refusal && refusal !== 'noRegistration')
      return renderPage(
        c,
        { title: c.var.t('registration.cannotApplyTitle'), noindex: true },
        <ApplyClosedView event={event} message={REFUSAL[refusal].message} />,
        REFUSAL[refusal].status,
      );
    const values = existing
      ? { ...standardFormValues(existing), ...answerFormValues(questions, existing.answers) }
      : { name: user.name };
    return showForm(c, applying, { values });
  });

  app.post('/events/:slug/apply', async (c) => {
    const applying = await loadApplying(c);
    const { settings, existing, refusal, questions, organisations } = applying;
    if (alreadySent(existing)) return toApplication(c, applying);
    const offered = {
      categoryIds: settings.categories.map((x) => x.id),
      organisationIds: organisations.map((o) => o.id),
    };
    const form = await readForm(c, standardSchema(offered));
    // Refused as a whole (closed, past the deadline, not invited): the form comes back as typed.
    if (refusal && refusal !== 'noRegistration')
      return showForm(
        c,
        applying,
        { values: form.values, errors: { _form: REFUSAL[refusal].message } },
        { status: REFUSAL[refusal].status },
      );
    const ctx = actionContext(c);
    const received = await receiveFiles(deps, questions, await c.req.parseBody({ all: true }), {
      uploader: applying.user.id,
    });
    // Too many files waiting to be read: the form and its draft come back, with when to send again.
    if (received.retryAfter !== undefined) c.header('Retry-After', String(received.retryAfter));
    const previous = existing?.answers ?? {};
    const files = new Map([...fileAnswers(previous), ...received.files]);
    // Not sent, but nothing typed is lost: the draft on the server keeps it as it is.
    const keepDraft = async (errors: FieldErrors, status: ContentfulStatusCode) => {
      await saveApplicationDraft(ctx, applying, {
        standard: draftStandardColumns(form.values, offered, organisations),
        answers: draftAnswers(questions, form.values, files, previous),
      });
      return showForm(
        c,
        applying,
        { values: form.values, errors },
        { status, files, savedAt: new Date().toISOString() },
      );
    };

    if (form.values.intent !== 'submit') {
      if (received.status) return keepDraft(received.errors, received.status);
      await keepDraft({}, 200);
      setFlash(c, 'registration.draftSaved');
      return c.redirect(`/events/${applying.event.slug}/apply`, 303);
    }

    const checked = checkAnswers(questions, form.values, files, previous);
    if (!form.ok || !checked.ok || received.status) {
      const errors = {
        ...(form.ok ? {} : form.errors),
        ...(checked.ok ? {} : checked.errors),
        ...received.errors,
      };
      const onlyFiles = form.ok && checked.ok;
      return keepDraft(errors, onlyFiles && received.status ? received.status : 422);
    }
    const organisationName = organisations.find((o) => o.id === form.data.organisation_id)?.name ?? null;
    const outcome = await submitApplication(ctx, applying, {
      standard: standardColumns(form.data, organisationName),
      answers: checked.answers,
    });
    if (outcome === 'full')
      return showForm(
        c,
        applying,
        { values: form.values, errors: { _form: 'registration.full' } },
        { status: 409, files, savedAt: new Date().toISOString() },
      );
    setFlash(c, `registration.sent.${outcome}`);
    return c.redirect(`/events/${applying.event.slug}/application`, 303);
  });

  app.get('/events/:slug/application', async (c) => {
    const { user, event, settings } = await loadForApplicant(c, c.req.param('slug'));
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
        questions={await questionsOf(db, applicationForm(event.id))}
        mayWithdraw={canWithdraw(event, application.status, now)}
        editable={open && EDITABLE_STATUSES.has(application.status)}
      />,
    );
  });

  app.post('/events/:slug/application/withdraw', async (c) => {
    const { user, event, settings } = await loadForApplicant(c, c.req.param('slug'));
    const application = await applicationOf(db, event.id, user.id);
    if (!application) throw new HttpError(404, 'error.404.message');
    await withdrawApplication(actionContext(c), event, settings, application);
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
    const answer = application.answers[c.req.param('field')];
    if (!isFileAnswer(answer)) throw new HttpError(404, 'error.404.message');
    return serveStoredFile(c, answer, { shared: false });
  });

  return app;
}
