// The agenda editor's pages, under /events/:slug/agenda: the editor (timetable and forms), a day's
// title, sections, items (each on its own page to change) and pasted agendas, reviewed before they
// are saved. Each write is an action of actions/agenda.ts; a refusal shows the form again with the
// message next to the field and everything typed kept.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { type ActionContext, actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm, submitForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { type EventDetails, loadEditableEvent } from './access.ts';
import {
  addSection,
  deleteItem,
  deleteSection,
  type Overlap,
  saveItem,
  savePasted,
  setDayTitle,
} from './actions/agenda.ts';
import { getAgenda, itemOf, peopleOfItem, withinEvent } from './agenda.ts';
import { itemCount, parseAgendaText } from './agenda-text.ts';
import { daySchema, itemFormValues, itemSchema, pasteSchema, sectionSchema } from './schemas.ts';
import { AgendaEditorView, type AgendaForms } from './views/agenda-editor.tsx';
import { ItemPage } from './views/agenda-item.tsx';

type C = Context<AppEnv>;

export function agendaPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const load = (c: C) => loadEditableEvent(db, c, c.req.param('slug') ?? '');
  const back = (c: C, event: EventDetails, flash: 'form.saved' | 'events.removed') => {
    setFlash(c, flash);
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  };

  const editor = async (c: C, event: EventDetails, forms: AgendaForms, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t('events.agendaEditorTitle', { title: event.title }), noindex: true },
      <AgendaEditorView event={event} agenda={await getAgenda(db, event.id)} forms={forms} />,
      status,
    );

  const itemPage = async (
    c: C,
    event: EventDetails,
    itemId: number,
    forms: Pick<AgendaForms, 'item' | 'overlaps'>,
    status: ContentfulStatusCode = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('events.editItem'), noindex: true },
      <ItemPage
        event={event}
        agenda={await getAgenda(db, event.id)}
        itemId={itemId}
        state={forms.item ?? {}}
        overlaps={forms.overlaps}
      />,
      status,
    );

  const loadItem = async (event: EventDetails, raw: string | undefined) => {
    const id = Number(raw);
    const item = Number.isSafeInteger(id) ? await itemOf(db, event.id, id) : undefined;
    if (!item) throw new HttpError(404, 'error.404.message');
    return item;
  };

  app.get('/events/:slug/agenda', async (c) => {
    const { event } = await load(c);
    return editor(c, event, { item: { values: { date: event.starts_on } } });
  });

  /** A form of the editor's page that one action writes: shown again with its refusal, if any. */
  const editorForm = <S extends z.ZodType>(
    path: string,
    form: 'day' | 'section',
    schema: S,
    write: (ctx: ActionContext, event: EventDetails, input: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(`/events/:slug/agenda/${path}`, async (c) => {
      const { event } = await load(c);
      const done = await submitForm(c, schema, (input) => write(actionContext(c), event, input));
      if (!done.ok) return editor(c, event, { [form]: done }, 422);
      return back(c, event, 'form.saved');
    });
  editorForm('day', 'day', daySchema, setDayTitle);
  editorForm('sections', 'section', sectionSchema, addSection);

  app.post('/events/:slug/agenda/sections/:id/delete', async (c) => {
    const { event } = await load(c);
    await deleteSection(actionContext(c), event, Number(c.req.param('id')) || 0);
    return back(c, event, 'events.removed');
  });

  app.post('/events/:slug/agenda/items', async (c) => {
    const { event } = await load(c);
    const done = await submitForm(c, itemSchema, (item) => saveItem(actionContext(c), event, item));
    if (!done.ok) return editor(c, event, { item: done }, 422);
    if (!done.value.saved)
      return editor(c, event, { item: { values: done.values }, overlaps: done.value.overlaps }, 422);
    return back(c, event, 'form.saved');
  });

  app.get('/events/:slug/agenda/items/:id', async (c) => {
    const { event } = await load(c);
    const item = await loadItem(event, c.req.param('id'));
    const values = itemFormValues(item, await peopleOfItem(db, item.id));
    return itemPage(c, event, item.id, { item: { values } });
  });

  app.post('/events/:slug/agenda/items/:id', async (c) => {
    const { event } = await load(c);
    const item = await loadItem(event, c.req.param('id'));
    const done = await submitForm(c, itemSchema, (input) =>
      saveItem(actionContext(c), event, input, item.id),
    );
    if (!done.ok) return itemPage(c, event, item.id, { item: done }, 422);
    if (!done.value.saved) {
      const overlaps: Overlap[] = done.value.overlaps;
      return itemPage(c, event, item.id, { item: { values: done.values }, overlaps }, 422);
    }
    return back(c, event, 'form.saved');
  });

  app.post('/events/:slug/agenda/items/:id/delete', async (c) => {
    const { event } = await load(c);
    const item = await loadItem(event, c.req.param('id'));
    await deleteItem(actionContext(c), event, item.id);
    return back(c, event, 'events.removed');
  });

  // Pasted text: read and shown for review; saved only when sent again with confirm=1 and no
  // unreadable line.
  app.post('/events/:slug/agenda/paste', async (c) => {
    const { event } = await load(c);
    const form = await readForm(c, pasteSchema);
    if (!form.ok) return editor(c, event, { paste: form }, 422);
    if (!withinEvent(event, form.data.date))
      return editor(
        c,
        event,
        { paste: { values: form.values, errors: { date: 'events.outsideDays' } } },
        422,
      );
    const review = parseAgendaText(form.data.text);
    const count = itemCount(review);
    if (!form.data.confirm || review.problems.length > 0 || count === 0) {
      const errors: FieldErrors = count === 0 ? { text: 'events.nothingRead' } : {};
      const status = form.data.confirm ? 422 : 200;
      return editor(c, event, { paste: { values: form.values, errors }, review }, status);
    }
    const saved = await savePasted(actionContext(c), event, form.data.date, review);
    setFlash(c, 'events.pastedSaved', { count: saved });
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  return app;
}
