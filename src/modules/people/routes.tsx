// The people directory's pages, top to bottom as the list of their URLs. Each handler reads its
// input (the schemas, the photo check), calls a listing or an action, and renders; the rules and
// the writes are the actions' (actions/), the same the API and the seed call.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { User } from '../../db/schema.ts';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { chosenFile, type ImageRefusal, imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, type FormValues, readForm, submitForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { nowIso, todayUtc } from '../../platform/time.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { eventsMetAt } from '../events/index.ts';
import {
  loadClaim,
  loadEditablePerson,
  loadVisiblePerson,
  type PersonDetails,
  pendingClaimOf,
  profileOf,
} from './access.ts';
import { decideClaim, ensureMayClaim, requestClaim } from './actions/claims.ts';
import { removePhoto, replacePhoto } from './actions/photo.ts';
import { createPerson, deletePerson, ensureMayCreate, updatePerson } from './actions/profiles.ts';
import { exportColumns, peopleVcards } from './export.ts';
import {
  EXPORT_LIMIT,
  exportPeople,
  filterChoices,
  listPeople,
  PAGE_SIZE,
  pendingClaimCount,
  pendingClaims,
} from './listing.ts';
import {
  allowedStatuses,
  canCreateForOthers,
  canCreateOwn,
  canDecideClaims,
  canDelete,
  canEdit,
  canSeeContact,
} from './permissions.ts';
import { photos } from './photo.ts';
import {
  claimInput,
  effectiveSort,
  formValuesOf,
  type Owner,
  peopleFilterSchema,
  personCreateInput,
  personInput,
} from './schemas.ts';
import { personJsonLd } from './structured-data.ts';
import { ClaimsView } from './views/claims.tsx';
import { PersonFormView } from './views/form.tsx';
import { PeopleView } from './views/list.tsx';
import { type PersonPermissions, PersonView } from './views/person.tsx';

type C = Context<AppEnv>;

/** Whose profile the user may create: their own (once), and, for editors, someone else's. */
async function ownersFor(c: C, user: User) {
  const own = await profileOf(c.var.deps.db, user.id);
  const owners: Owner[] = [];
  if (canCreateOwn(user, !!own)) owners.push('me');
  if (canCreateForOthers(user)) owners.push('none');
  return { own, owners };
}

/** The form to create a profile for `owner` (one of `owners`). */
function showNew(
  c: C,
  user: User,
  owners: Owner[],
  owner: Owner,
  state: FormState,
  status: ContentfulStatusCode = 200,
) {
  return renderPage(
    c,
    { title: c.var.t(owner === 'none' ? 'people.addSomeone' : 'people.createMine'), noindex: true },
    <PersonFormView
      action="/directory/people/new"
      state={state}
      owners={owners}
      statuses={allowedStatuses(user)}
    />,
    status,
  );
}

/** The edit page: the profile form and the photo's (with a refused upload's reason). */
function showEdit(
  c: C,
  person: PersonDetails,
  state: FormState,
  status: ContentfulStatusCode = 200,
  photoRefusal?: ImageRefusal,
) {
  return renderPage(
    c,
    { title: c.var.t('form.editTitle', { name: person.name }), noindex: true },
    <PersonFormView
      action={`/directory/people/${person.slug}/edit`}
      state={state}
      editing={person}
      statuses={allowedStatuses(c.var.auth?.user ?? null)}
      photoRefusal={photoRefusal}
    />,
    status,
  );
}

/** The profile page, with the claim form sent back (422) when `claimState` is given. */
async function profilePage(c: C, person: PersonDetails, claimState?: FormState) {
  const { db, config } = c.var.deps;
  const user = c.var.auth?.user ?? null;
  const own = user ? await profileOf(db, user.id) : undefined;
  const pending = user && person.user_id === null ? await pendingClaimOf(db, person.id, user.id) : undefined;
  const isOwn = !!user && person.user_id === user.id;
  // Following: a published profile, not one's own.
  const follow =
    person.status !== 'published' || isOwn
      ? null
      : { following: await isFollowing(db, user?.id, { type: 'person', key: String(person.id) }) };
  const may: PersonPermissions = {
    edit: canEdit(user, person),
    delete: canDelete(user, person),
    contact: canSeeContact(user, person),
    claim: person.user_id !== null ? null : !user ? 'login' : own ? null : pending ? 'pending' : 'form',
  };
  // The events they met at, with their consent: for signed-in members only (the events module says which).
  const metAt = user ? await eventsMetAt(db, person) : [];
  const summary = [person.title, person.organisations.find((o) => o.published)?.name].filter(Boolean);
  return renderPage(
    c,
    {
      title: person.name,
      description: person.bio ? excerpt(person.bio, 200) : summary.join(', ') || undefined,
      path: `/directory/people/${person.slug}`,
      ogType: 'profile',
      jsonLd: personJsonLd(person, { baseUrl: config.baseUrl, t: c.var.t, contact: may.contact }),
      noindex: person.status !== 'published',
    },
    <PersonView
      person={person}
      may={may}
      isOwn={isOwn}
      follow={follow}
      claimState={claimState}
      metAt={metAt}
    />,
    claimState ? 422 : 200,
  );
}

export function peoplePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/directory/people', async (c) => {
    const filter = peopleFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ cards, total }, choices, own, claims] = await Promise.all([
      listPeople(db, filter, { viewer, locale: c.var.locale }),
      filterChoices(db, filter),
      viewer ? profileOf(db, viewer.id) : undefined,
      canDecideClaims(viewer) ? pendingClaimCount(db) : null,
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      { title: t('people.title'), description: t('people.intro'), path: '/directory/people' },
      <PeopleView
        filter={filter}
        sort={effectiveSort(filter)}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        {...choices}
        own={own ?? null}
        canCreateOwn={canCreateOwn(viewer, !!own)}
        canCreateForOthers={canCreateForOthers(viewer)}
        pendingClaims={claims}
      />,
    );
  });

  // The list as filtered, for spreadsheets, scripts and address books; contacts as the reader may see them.
  app.get('/directory/people/:file{export\\.(csv|xlsx|json|vcf)}', async (c) => {
    const format = c.req.param('file').replace('export.', '') as 'csv' | 'xlsx' | 'json' | 'vcf';
    const filter = peopleFilterSchema.parse(c.req.query());
    const rows = await exportPeople(db, filter, {
      viewer: c.var.auth?.user ?? null,
      baseUrl: config.baseUrl,
    });
    const name = `creative-hub-people-${todayUtc()}`;
    if (format === 'json') {
      const body = JSON.stringify({ exportedAt: nowIso(), count: rows.length, people: rows });
      return attachment(c, body, 'application/json', `${name}.json`);
    }
    if (format === 'vcf')
      return attachment(c, peopleVcards(rows), 'text/vcard; charset=utf-8', `${name}.vcf`);
    const selection = rows.slice(0, EXPORT_LIMIT);
    return spreadsheetDownload(c, exportColumns, selection, { file: name, sheet: 'People' }, format);
  });

  app.get('/directory/people/new', async (c) => {
    const user = actingUser(actionContext(c));
    const { own, owners } = await ownersFor(c, user);
    if (owners.length === 0) {
      // A member who has a profile already edits it instead.
      if (own) return c.redirect(`/directory/people/${own.slug}/edit`, 303);
      throw new HttpError(403, 'error.403.message');
    }
    const owner = c.req.query('owner') === 'none' && owners.includes('none') ? 'none' : (owners[0] ?? 'me');
    const values: FormValues = owner === 'me' ? { owner, name: user.name } : { owner };
    return showNew(c, user, owners, owner, { values });
  });

  app.post('/directory/people/new', async (c) => {
    const ctx = actionContext(c);
    const user = actingUser(ctx);
    const { owners } = await ownersFor(c, user);
    const form = await readForm(c, personCreateInput);
    const owner = form.ok ? form.data.owner : form.values.owner === 'none' ? 'none' : 'me';
    // A second own profile (409) or someone else's by a member (403) is refused before any message.
    await ensureMayCreate(ctx, owner);
    if (!form.ok) return showNew(c, user, owners, owner, form, 422);
    const done = await attempt(() => createPerson(ctx, form.data));
    if (!done.ok) return showNew(c, user, owners, owner, { values: form.values, errors: done.errors }, 422);
    setFlash(c, 'people.created');
    return c.redirect(`/directory/people/${done.value.slug}`, 303);
  });

  app.get('/directory/people/claims', async (c) => {
    ensure(actionContext(c), canDecideClaims);
    return renderPage(
      c,
      { title: c.var.t('people.claimsTitle'), noindex: true },
      <ClaimsView claims={await pendingClaims(db)} />,
    );
  });

  app.post('/directory/people/claims/:id/:decision{approve|reject}', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canDecideClaims);
    const decision = c.req.param('decision') === 'approve' ? 'approve' : 'reject';
    await decideClaim(ctx, await loadClaim(c), decision);
    setFlash(c, decision === 'approve' ? 'people.claimApproved' : 'people.claimRejected');
    return c.redirect('/directory/people/claims', 303);
  });

  app.get('/directory/people/:slug', async (c) => profilePage(c, await loadVisiblePerson(c)));

  app.post('/directory/people/:slug/claim', async (c) => {
    const ctx = actionContext(c);
    const person = await loadVisiblePerson(c, actingUser(ctx));
    // Who may not claim is told so (401, 409) before their message is read.
    await ensureMayClaim(ctx, person);
    const form = await readForm(c, claimInput);
    if (!form.ok) return profilePage(c, person, form);
    await requestClaim(ctx, person, form.data);
    setFlash(c, 'people.claimSent');
    return c.redirect(`/directory/people/${person.slug}`, 303);
  });

  app.get('/directory/people/:slug/edit', async (c) => {
    const person = await loadEditablePerson(c);
    return showEdit(c, person, { values: formValuesOf(person) });
  });

  app.post('/directory/people/:slug/edit', async (c) => {
    const ctx = actionContext(c);
    const person = await loadEditablePerson(c);
    const done = await submitForm(c, personInput, (input) => updatePerson(ctx, person, input));
    if (!done.ok) return showEdit(c, person, done, 422);
    setFlash(c, 'form.saved');
    return c.redirect(`/directory/people/${person.slug}`, 303);
  });

  app.post('/directory/people/:slug/delete', async (c) => {
    const ctx = actionContext(c);
    await deletePerson(ctx, await loadVisiblePerson(c, actingUser(ctx)));
    setFlash(c, 'people.deleted');
    return c.redirect('/directory/people', 303);
  });

  // /photo.webp for people and caches that go by the extension; /photo for short. Photos of drafts
  // and hidden profiles are for the few who may see them: no shared caches.
  app.get('/directory/people/:slug/:file{photo(\\.webp)?}', async (c) => {
    const person = await loadVisiblePerson(c);
    return imageResponse(c, (size) => photos.bytes(db, person.id, size), {
      shared: person.status === 'published',
    });
  });

  // The upload form is on the edit page; a refused file shows that page again with the reason.
  app.post('/directory/people/:slug/photo', async (c) => {
    const ctx = actionContext(c);
    const person = await loadEditablePerson(c);
    // The CSRF check has already read the body (within UPLOAD_LIMIT_MB); this is the photo's own limit.
    const file = chosenFile((await c.req.parseBody()).photo);
    const check = await photos.check(file);
    if (!check.ok)
      return showEdit(c, person, { values: formValuesOf(person) }, check.refusal.status, check.refusal);
    await replacePhoto(ctx, person, check.image, file?.size ?? 0);
    setFlash(c, 'people.photo.saved');
    return c.redirect(`/directory/people/${person.slug}/edit`, 303);
  });

  app.post('/directory/people/:slug/photo/delete', async (c) => {
    const person = await loadEditablePerson(c);
    await removePhoto(actionContext(c), person);
    setFlash(c, 'people.photo.removed');
    return c.redirect(`/directory/people/${person.slug}/edit`, 303);
  });

  return app;
}
