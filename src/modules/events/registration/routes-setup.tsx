// The organisers' pages: registration settings (with categories and invitations), the application
// form's questions, and the rubric with the reviewers. Each write is one transaction with its audit
// entry (and the invitations' mail).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../../platform/http/forms.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { renderPage } from '../../../ui/render.tsx';
import { findUserByEmail } from '../../accounts/index.ts';
import type { EventDetails } from '../store.ts';
import { changeContext, loadForManaging } from './access.ts';
import { promoteFromWaitingList } from './decisions.ts';
import {
  addField,
  answeredFields,
  deleteField,
  fieldOf,
  fieldsOf,
  moveField,
  updateField,
} from './form-store.ts';
import { invitationMail, mailLocale } from './mail.ts';
import {
  addCriterion,
  addReviewer,
  criteriaOf,
  deleteCriterion,
  highestScore,
  removeReviewer,
  reviewersOf,
  updateCriterion,
} from './review-store.ts';
import { criterionSchema, fieldSchema, moveSchema, reviewerSchema, settingsSchema } from './schemas.ts';
import {
  acceptedCount,
  categoriesInUse,
  getSettings,
  invitationsOf,
  saveSettings,
} from './settings-store.ts';
import { FieldEditView, FormBuilderView, fieldFormValues } from './views-form-builder.tsx';
import { type RubricForms, RubricView } from './views-rubric.tsx';
import { SettingsView, settingsFormValues } from './views-setup.tsx';
import { MAX_CRITERIA, MAX_FORM_FIELDS } from './vocab.ts';

type C = Context<AppEnv>;

export function setupPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  const audit = (
    c: C,
    trx: typeof db,
    event: EventDetails,
    action: string,
    details: Record<string, unknown>,
  ) => recordAudit(trx, { ...auditOrigin(c), action, subjectType: 'event', subjectId: event.id, details });

  // ── Settings ──────────────────────────────────────────────────────────────
  const showSettings = async (
    c: C,
    event: EventDetails,
    state: Parameters<typeof SettingsView>[0]['state'],
    status: 200 | 409 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('registration.settingsTitle'), noindex: true },
      <SettingsView event={event} state={state} accepted={await acceptedCount(db, event.id)} />,
      status,
    );

  app.get('/events/:slug/registration', async (c) => {
    const { event, settings } = await loadForManaging(db, c, c.req.param('slug'));
    const values = settingsFormValues(event, settings, await invitationsOf(db, event.id));
    return showSettings(c, event, { values });
  });

  app.post('/events/:slug/registration', async (c) => {
    const { user, event, settings: before } = await loadForManaging(db, c, c.req.param('slug'));
    const accepted = await acceptedCount(db, event.id);
    const form = await readForm(c, settingsSchema({ timeZone: event.time_zone, now: new Date(), accepted }));
    if (!form.ok) return showSettings(c, event, form, 422);
    // A category registrations point to may be renamed, not removed: the roster and the key
    // figures count people by it.
    const used = await categoriesInUse(db, event.id);
    const kept = new Set(form.data.categories.map((cat) => cat.id));
    if ([...used].some((id) => !kept.has(id)))
      return showSettings(
        c,
        event,
        { values: form.values, errors: { categories: 'registration.categoryInUse' } },
        409,
      );
    const { newlyInvited } = await db.transaction().execute(async (trx) => {
      const saved = await saveSettings(trx, event.id, form.data, user.id);
      await audit(c, trx, event, saved.created ? 'event.registration_opened' : 'event.registration_changed', {
        mode: form.data.mode,
        capacity: form.data.capacity,
        deadline: form.data.deadline,
        invited: saved.newlyInvited.length,
      });
      // A larger capacity makes room for the waiting list of an open registration.
      const settings = (await getSettings(trx, event.id))!;
      await promoteFromWaitingList(trx, changeContext(c, event, settings));
      const accounts = saved.newlyInvited.length
        ? await trx
            .selectFrom('users')
            .select(['email', 'locale'])
            .where('email', 'in', saved.newlyInvited)
            .execute()
        : [];
      const localeOf = new Map(accounts.map((a) => [a.email, a]));
      for (const email of saved.newlyInvited)
        await enqueueMail(
          trx,
          invitationMail({
            to: email,
            locale: mailLocale(localeOf.get(email), config),
            event: { ...event, venueName: event.venue?.name ?? null },
            config,
          }),
        );
      return saved;
    });
    deps.outbox.kick();
    setFlash(c, before ? 'directory.saved' : 'registration.opened', { invited: newlyInvited.length });
    return c.redirect(`/events/${event.slug}/registration`, 303);
  });

  // ── The application form's questions ─────────────────────────────────────
  const showBuilder = async (
    c: C,
    event: EventDetails,
    add: { values?: Record<string, string | string[]>; errors?: FieldErrors } = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const [fields, answered] = await Promise.all([fieldsOf(db, event.id), answeredFields(db, event.id)]);
    return renderPage(
      c,
      { title: c.var.t('registration.formTitle'), noindex: true },
      <FormBuilderView
        event={event}
        fields={fields}
        answered={new Set(answered.keys())}
        add={{ values: { kind: 'text', ...add.values }, errors: add.errors }}
      />,
      status,
    );
  };

  /** The question of the URL, with what has been answered to it. */
  const loadField = async (c: C) => {
    const loaded = await loadForManaging(db, c, c.req.param('slug') ?? '');
    const field = await fieldOf(db, loaded.event.id, Number(c.req.param('id')));
    if (!field) throw new HttpError(404, 'error.404.message');
    const chosen = (await answeredFields(db, loaded.event.id)).get(field.id);
    return { ...loaded, field, answered: chosen !== undefined, chosen: chosen ?? new Set<string>() };
  };

  app.get('/events/:slug/registration/form', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    return showBuilder(c, event);
  });

  app.post('/events/:slug/registration/form', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    const form = await readForm(c, fieldSchema);
    if (!form.ok) return showBuilder(c, event, form, 422);
    if ((await fieldsOf(db, event.id)).length >= MAX_FORM_FIELDS)
      return showBuilder(
        c,
        event,
        { values: form.values, errors: { _form: 'registration.tooManyFields' } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      const id = await addField(trx, event.id, form.data);
      await audit(c, trx, event, 'event.form_changed', { what: 'field added', field: id });
    });
    setFlash(c, 'directory.saved');
    return c.redirect(`/events/${event.slug}/registration/form`, 303);
  });

  const showField = (
    c: C,
    loaded: Awaited<ReturnType<typeof loadField>>,
    state: { values?: Record<string, string | string[]>; errors?: FieldErrors },
    status: 200 | 409 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('registration.editFieldTitle', { label: loaded.field.label }), noindex: true },
      <FieldEditView event={loaded.event} field={loaded.field} state={state} answered={loaded.answered} />,
      status,
    );

  app.get('/events/:slug/registration/form/:id', async (c) => {
    const loaded = await loadField(c);
    return showField(c, loaded, { values: fieldFormValues(loaded.field) });
  });

  app.post('/events/:slug/registration/form/:id', async (c) => {
    const loaded = await loadField(c);
    const { event, field } = loaded;
    const form = await readForm(c, fieldSchema);
    if (!form.ok) return showField(c, loaded, form, 422);
    // Answers given stay valid: the kind of an answered question stays, and so does every choice
    // someone chose (renaming a choice would leave their answer pointing at nothing).
    if (loaded.answered && form.data.kind !== field.kind)
      return showField(c, loaded, { values: form.values, errors: { kind: 'registration.kindFixed' } }, 409);
    if ([...loaded.chosen].some((o) => !form.data.options.includes(o)))
      return showField(
        c,
        loaded,
        { values: form.values, errors: { options: 'registration.optionChosen' } },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await updateField(trx, field.id, form.data);
      await audit(c, trx, event, 'event.form_changed', { what: 'field changed', field: field.id });
    });
    setFlash(c, 'directory.saved');
    return c.redirect(`/events/${event.slug}/registration/form#field-${field.id}`, 303);
  });

  app.post('/events/:slug/registration/form/:id/delete', async (c) => {
    const loaded = await loadField(c);
    const { event, field } = loaded;
    if (loaded.answered)
      return showField(
        c,
        loaded,
        { values: fieldFormValues(field), errors: { _form: 'registration.fieldAnswered' } },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await deleteField(trx, field.id);
      await audit(c, trx, event, 'event.form_changed', {
        what: 'field deleted',
        field: field.id,
        label: field.label,
      });
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/registration/form`, 303);
  });

  app.post('/events/:slug/registration/form/:id/move', async (c) => {
    const { event, field } = await loadField(c);
    const form = await readForm(c, moveSchema);
    if (!form.ok) throw new HttpError(422, 'form.invalid');
    await db.transaction().execute(async (trx) => {
      await moveField(trx, event.id, field.id, form.data.direction);
      await audit(c, trx, event, 'event.form_changed', {
        what: `field moved ${form.data.direction}`,
        field: field.id,
      });
    });
    return c.redirect(`/events/${event.slug}/registration/form#field-${field.id}`, 303);
  });

  // ── Rubric and reviewers ──────────────────────────────────────────────────
  const showRubric = async (
    c: C,
    event: EventDetails,
    forms: RubricForms = {},
    status: 200 | 404 | 409 | 422 = 200,
  ) => {
    const [criteria, reviewers] = await Promise.all([criteriaOf(db, event.id), reviewersOf(db, event.id)]);
    return renderPage(
      c,
      { title: c.var.t('registration.rubricTitle'), noindex: true },
      <RubricView event={event} criteria={criteria} reviewers={reviewers} forms={forms} />,
      status,
    );
  };

  const loadCriterion = async (c: C) => {
    const loaded = await loadForManaging(db, c, c.req.param('slug') ?? '');
    const id = Number(c.req.param('id'));
    const criterion = (await criteriaOf(db, loaded.event.id)).find((x) => x.id === id);
    if (!criterion) throw new HttpError(404, 'error.404.message');
    return { ...loaded, criterion };
  };

  app.get('/events/:slug/registration/rubric', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    return showRubric(c, event);
  });

  app.post('/events/:slug/registration/rubric', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    const form = await readForm(c, criterionSchema);
    if (!form.ok) return showRubric(c, event, { add: form }, 422);
    if ((await criteriaOf(db, event.id)).length >= MAX_CRITERIA)
      return showRubric(
        c,
        event,
        { add: { values: form.values, errors: { _form: 'registration.tooManyCriteria' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      await addCriterion(trx, event.id, form.data);
      await audit(c, trx, event, 'event.rubric_changed', { what: 'criterion added', label: form.data.label });
    });
    setFlash(c, 'directory.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id', async (c) => {
    const { event, criterion } = await loadCriterion(c);
    const form = await readForm(c, criterionSchema);
    if (!form.ok) return showRubric(c, event, { edit: { id: criterion.id, state: form } }, 422);
    const top = await highestScore(db, criterion.id);
    if (top !== null && form.data.max_score < top)
      return showRubric(
        c,
        event,
        {
          edit: {
            id: criterion.id,
            state: { values: form.values, errors: { max_score: 'registration.maxBelowScores' } },
          },
        },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await updateCriterion(trx, criterion.id, form.data);
      await audit(c, trx, event, 'event.rubric_changed', {
        what: 'criterion changed',
        criterion: criterion.id,
      });
    });
    setFlash(c, 'directory.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id/delete', async (c) => {
    const { event, criterion } = await loadCriterion(c);
    // Reviewers' scores on it would go with it: a scored criterion stays.
    if ((await highestScore(db, criterion.id)) !== null)
      return showRubric(
        c,
        event,
        {
          edit: {
            id: criterion.id,
            state: {
              values: { label: criterion.label, max_score: String(criterion.max_score) },
              errors: { _form: 'registration.criterionScored' },
            },
          },
        },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await deleteCriterion(trx, criterion.id);
      await audit(c, trx, event, 'event.rubric_changed', {
        what: 'criterion deleted',
        label: criterion.label,
      });
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/reviewers', async (c) => {
    const { user, event } = await loadForManaging(db, c, c.req.param('slug'));
    const form = await readForm(c, reviewerSchema);
    if (!form.ok) return showRubric(c, event, { reviewer: form }, 422);
    const account = await findUserByEmail(db, form.data.email);
    if (!account || account.disabled_at)
      return showRubric(
        c,
        event,
        { reviewer: { values: form.values, errors: { email: 'registration.noSuchAccount' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      if (await addReviewer(trx, event.id, account.id, user.id))
        await audit(c, trx, event, 'event.reviewer_added', { reviewer: account.id });
    });
    setFlash(c, 'directory.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric#reviewers`, 303);
  });

  app.post('/events/:slug/registration/reviewers/:userId/delete', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    const reviewerId = Number(c.req.param('userId'));
    await db.transaction().execute(async (trx) => {
      await removeReviewer(trx, event.id, reviewerId);
      await audit(c, trx, event, 'event.reviewer_removed', { reviewer: reviewerId });
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/registration/rubric#reviewers`, 303);
  });

  return app;
}
