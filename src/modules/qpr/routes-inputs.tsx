// The civil-society inputs' pages: the list and form of a member of an organisation of the
// country, an input's edit form (their organisation's only), and the coordinator's decision.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { checkbox } from '../../platform/http/fields.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import { renderPage } from '../../ui/render.tsx';
import { getInput, type LoadedReport, loadReport } from './access.ts';
import { decideInput, inputsPath, saveInput } from './actions/inputs.ts';
import { inputsOf, measureChoices, organisationNames } from './listing.ts';
import { canBringInputs, canSeeInput } from './permissions.ts';
import { decisionInput, inputDraft, inputObject } from './schemas.ts';
import { CivilSocietyView, InputForm } from './views/civil-society.tsx';

type C = Context<AppEnv>;
const INPUTS = '/qpr/:country{[A-Z]{2}}/:cycle{[0-9]{4}-[0-9]{4}}/civil-society';
const inputForm = inputDraft.extend({ send: checkbox() });

export function inputsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The report, for its coordinators and the members of the country's organisations; 404 to others. */
  const load = (c: C): Promise<LoadedReport> =>
    loadReport(c, (_r, role) => role.coordinator || canBringInputs(role));

  async function show(
    c: C,
    state?: { values: FormValues; errors: FieldErrors },
    status: ContentfulStatusCode = 200,
    deciding?: number,
  ) {
    const { report, role } = await load(c);
    const [organisations, mine, sent, measures] = await Promise.all([
      organisationNames(db, role.organisations),
      inputsOf(db, report, { organisations: role.organisations }),
      role.coordinator ? inputsOf(db, report, { sent: true }) : Promise.resolve([]),
      role.coordinator ? measureChoices(db, report.country) : Promise.resolve([]),
    ]);
    return renderPage(
      c,
      { title: c.var.t('qpr.inputsTitle'), noindex: true },
      <CivilSocietyView
        report={report}
        organisations={organisations}
        mine={mine}
        sent={sent}
        coordinator={role.coordinator}
        measures={measures}
        state={state}
        deciding={deciding}
      />,
      status,
    );
  }

  /** The input's form read: a draft needs nothing but its organisation; a sent one its title too. */
  async function readInput(c: C) {
    const form = await readForm(c, inputForm);
    if (!form.ok) return form;
    const { send, ...data } = form.data;
    if (send) {
      const full = inputObject.safeParse(data);
      if (!full.success)
        return { ok: false as const, values: form.values, errors: { title: 'form.required' as const } };
    }
    return { ok: true as const, data: { ...data, title: data.title.trim() }, send, values: form.values };
  }

  app.get(INPUTS, (c) => show(c));

  app.post(INPUTS, async (c) => {
    const { report, role } = await load(c);
    const form = await readInput(c);
    if (!form.ok) return show(c, form, 422);
    const done = await attempt(() => saveInput(actionContext(c), report, role, form.data, form.send));
    if (!done.ok) return show(c, { values: form.values, errors: done.errors }, 422);
    setFlash(c, form.send ? 'qpr.inputSent' : 'qpr.draftSaved');
    return c.redirect(form.send ? inputsPath(report) : `${inputsPath(report)}/${done.value.id}`, 303);
  });

  async function loadInput(c: C) {
    const loaded = await load(c);
    const input = await getInput(db, loaded.report, Number(c.req.param('id')));
    if (!input || !canSeeInput(loaded.role, input)) throw new HttpError(404, 'error.404.message');
    return { ...loaded, input };
  }

  const showInput = async (
    c: C,
    state?: { values: FormValues; errors: FieldErrors },
    status: ContentfulStatusCode = 200,
  ) => {
    const { report, role, input } = await loadInput(c);
    return renderPage(
      c,
      { title: c.var.t('qpr.editInput'), noindex: true },
      <div class="wrap stack">
        <h1>{c.var.t('qpr.editInput')}</h1>
        <p>
          <a href={inputsPath(report)}>{c.var.t('qpr.inputsTitle')}</a>
        </p>
        <InputForm
          report={report}
          organisations={await organisationNames(db, role.organisations)}
          editing={input}
          state={state}
        />
      </div>,
      status,
    );
  };

  app.get(`${INPUTS}/:id{[0-9]{1,15}}`, (c) => showInput(c));

  app.post(`${INPUTS}/:id{[0-9]{1,15}}`, async (c) => {
    const { report, role, input } = await loadInput(c);
    const form = await readInput(c);
    if (!form.ok) return showInput(c, form, 422);
    const done = await attempt(() => saveInput(actionContext(c), report, role, form.data, form.send, input));
    if (!done.ok) return showInput(c, { values: form.values, errors: done.errors }, 422);
    setFlash(c, form.send ? 'qpr.inputSent' : 'qpr.draftSaved');
    return c.redirect(form.send ? inputsPath(report) : `${inputsPath(report)}/${input.id}`, 303);
  });

  app.post(`${INPUTS}/:id{[0-9]{1,15}}/decide`, async (c) => {
    const { report, role, input } = await loadInput(c);
    const form = await readForm(c, decisionInput);
    if (!form.ok) return show(c, form, 422, input.id);
    const done = await attempt(() => decideInput(actionContext(c), report, role, input, form.data));
    if (!done.ok) return show(c, { values: form.values, errors: done.errors }, 422, input.id);
    setFlash(c, 'qpr.decided');
    return c.redirect(inputsPath(report), 303);
  });

  return app;
}
