// The organisers' questions of the application form: add, change, move, hide, delete — a question
// with answers keeps its kind and its chosen choices and is hidden rather than deleted.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../../platform/http/forms.ts';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { auditEvent, loadForManaging } from './access.ts';
import {
  addField,
  answeredFields,
  deleteField,
  fieldOf,
  fieldsOf,
  moveField,
  updateField,
} from './form-store.ts';
import { fieldSchema, moveSchema } from './schemas.ts';
import { FieldEditView, FormBuilderView, fieldFormValues } from './views-form-builder.tsx';
import { MAX_FORM_FIELDS } from './vocab.ts';

type C = Context<AppEnv>;

export function formPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
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
      await auditEvent(c, trx, event, 'event.form_changed', { what: 'field added', field: id });
    });
    setFlash(c, 'form.saved');
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
      await auditEvent(c, trx, event, 'event.form_changed', { what: 'field changed', field: field.id });
    });
    setFlash(c, 'form.saved');
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
      await auditEvent(c, trx, event, 'event.form_changed', {
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
      await auditEvent(c, trx, event, 'event.form_changed', {
        what: `field moved ${form.data.direction}`,
        field: field.id,
      });
    });
    return c.redirect(`/events/${event.slug}/registration/form#field-${field.id}`, 303);
  });

  return app;
}
