// The people directory's pages. Each handler reads its input through the schemas, asks
// permissions.ts whether the reader may act, and writes through store.ts inside one transaction
// (profile, search index and audit log together).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { isLocale } from '../../locales/index.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../platform/http/forms.ts';
import { translator } from '../../platform/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { excerpt } from '../../platform/markdown.ts';
import { CSV_TYPE } from '../../platform/spreadsheets.ts';
import type { Domain } from '../../platform/vocabularies.ts';
import { renderPage } from '../../ui/render.tsx';
import { peopleCsv, peopleVcards } from './export.ts';
import { effectiveSort, exportPeople, listPeople, PAGE_SIZE } from './listing.ts';
import {
  allowedStatuses,
  canCreateForOthers,
  canCreateOwn,
  canDecideClaims,
  canDelete,
  canEdit,
  canSeeContact,
  canView,
  claimRefusal,
  statusAfterSave,
} from './permissions.ts';
import { photoUrl } from './photo.ts';
import { peoplePhotoPages } from './photo-routes.tsx';
import {
  claimSchema,
  type PersonInput,
  peopleFilterSchema,
  personCreateSchema,
  personInputSchema,
} from './schemas.ts';
import {
  approveClaim,
  createClaim,
  createPerson,
  deletePerson,
  getClaim,
  getPerson,
  type PersonDetails,
  pendingClaimOf,
  pendingClaims,
  profileOf,
  rejectClaim,
  resolveOrganisations,
  updatePerson,
} from './store.ts';
import { ClaimsView } from './views-claims.tsx';
import { formValuesOf, PersonFormView } from './views-form.tsx';
import { PeopleView } from './views-list.tsx';
import { type PersonPermissions, PersonView } from './views-profile.tsx';

type C = Context<AppEnv>;
type Db = Kysely<Database>;

/** Loads the person of the URL, or answers 404 (also for profiles the reader may not see). */
export async function loadVisiblePerson(db: Db, user: User | null, slug: string): Promise<PersonDetails> {
  const person = await getPerson(db, slug);
  if (!person || !canView(user, person)) throw new HttpError(404, 'error.404.message');
  return person;
}

/** The organisations named in the input must exist; otherwise a message next to the field. */
export async function organisationIdsOf(db: Db, input: PersonInput) {
  const { ids, unknown } = await resolveOrganisations(
    db,
    input.organisations.map((o) => o.slug),
  );
  const errors: FieldErrors = unknown.length ? { organisations: 'people.unknownOrganisation' } : {};
  return { ids, errors };
}

/** Tells the claimant what the administrators decided, in the claimant's language. */
async function mailClaimant(
  db: Db,
  baseUrl: string,
  claim: { user_id: number; person_id: number },
  approved: boolean,
): Promise<void> {
  const [user, person] = await Promise.all([
    db.selectFrom('users').select(['email', 'locale']).where('id', '=', claim.user_id).executeTakeFirst(),
    db.selectFrom('people').select(['slug', 'name']).where('id', '=', claim.person_id).executeTakeFirst(),
  ]);
  if (!user || !person) return;
  const t = translator(isLocale(user.locale) ? user.locale : 'en');
  const values = { name: person.name, url: `${baseUrl}/directory/people/${person.slug}` };
  await enqueueMail(db, {
    to: user.email,
    subject: t(approved ? 'people.mailApprovedSubject' : 'people.mailRejectedSubject', values),
    text: t(approved ? 'people.mailApprovedText' : 'people.mailRejectedText', values),
  });
}

/** Beyond this many, the organisation filter is not offered as a list (see organisationChoices). */
const ORGANISATION_CHOICES = 100;

export function peoplePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  /**
   * The organisations offered as a filter: all of them while they are few; beyond that a list of
   * thousands would weigh more than the page, so only the one chosen (reached from its profile's
   * "People of this organisation" link) is offered.
   */
  async function organisationChoices(chosen: string | undefined) {
    const some = await db
      .selectFrom('person_organisations')
      .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
      .select(['organisations.slug', 'organisations.name'])
      .distinct()
      .where('organisations.status', '=', 'published')
      .limit(ORGANISATION_CHOICES + 1)
      .execute();
    if (some.length <= ORGANISATION_CHOICES) return some;
    if (!chosen) return [];
    return db
      .selectFrom('organisations')
      .select(['slug', 'name'])
      .where('slug', '=', chosen)
      .where('status', '=', 'published')
      .execute();
  }

  app.get('/directory/people', async (c) => {
    const filter = peopleFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ cards, total }, countries, languages, organisations, own, claims] = await Promise.all([
      listPeople(db, filter, { viewer, locale: c.var.locale }),
      db
        .selectFrom('people')
        .select('country')
        .distinct()
        .where('status', '=', 'published')
        .where('country', 'is not', null)
        .execute(),
      db.selectFrom('person_facets').select('value').distinct().where('facet', '=', 'language').execute(),
      organisationChoices(filter.organisation),
      viewer ? profileOf(db, viewer.id) : Promise.resolve(undefined),
      canDecideClaims(viewer)
        ? db
            .selectFrom('person_claims')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'pending')
            .executeTakeFirst()
        : Promise.resolve(undefined),
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
        countries={countries.flatMap((r) => (r.country ? [r.country] : []))}
        languages={languages.map((r) => r.value)}
        organisations={organisations}
        own={own ?? null}
        canCreateOwn={canCreateOwn(viewer, !!own)}
        canCreateForOthers={canCreateForOthers(viewer)}
        pendingClaims={claims ? Number(claims.n) : null}
      />,
    );
  });

  for (const format of ['csv', 'json', 'vcf'] as const) {
    app.get(`/directory/people/export.${format}`, async (c) => {
      const filter = peopleFilterSchema.parse(c.req.query());
      const rows = await exportPeople(db, filter, {
        viewer: c.var.auth?.user ?? null,
        baseUrl: config.baseUrl,
      });
      const name = `creative-hub-people-${new Date().toISOString().slice(0, 10)}`;
      c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') return c.body(peopleCsv(rows), 200, { 'Content-Type': CSV_TYPE });
      if (format === 'vcf')
        return c.body(peopleVcards(rows), 200, { 'Content-Type': 'text/vcard; charset=utf-8' });
      return c.json({ exportedAt: new Date().toISOString(), count: rows.length, people: rows });
    });
  }

  /** Whose profile the user may create: their own (once), and, for editors, someone else's. */
  const ownersFor = async (user: User) => {
    const own = await profileOf(db, user.id);
    const owners: ('me' | 'none')[] = [];
    if (canCreateOwn(user, !!own)) owners.push('me');
    if (canCreateForOthers(user)) owners.push('none');
    return { own, owners };
  };

  app.get('/directory/people/new', async (c) => {
    const user = requireUser(c);
    const { own, owners } = await ownersFor(user);
    if (owners.length === 0) {
      // A member who has a profile already edits it instead.
      if (own) return c.redirect(`/directory/people/${own.slug}/edit`, 303);
      throw new HttpError(403, 'error.403.message');
    }
    const owner = c.req.query('owner') === 'none' && owners.includes('none') ? 'none' : (owners[0] ?? 'me');
    return renderPage(
      c,
      { title: c.var.t(owner === 'none' ? 'people.addSomeone' : 'people.createMine'), noindex: true },
      <PersonFormView
        action="/directory/people/new"
        state={{ values: owner === 'me' ? { owner, name: user.name } : { owner } }}
        owners={owners}
        statuses={allowedStatuses(user)}
      />,
    );
  });

  app.post('/directory/people/new', async (c) => {
    const user = requireUser(c);
    const { own, owners } = await ownersFor(user);
    const form = await readForm(c, personCreateSchema);
    const owner = form.ok ? form.data.owner : form.values.owner === 'none' ? 'none' : 'me';
    if (!owners.includes(owner)) {
      if (owner === 'me' && own) throw new HttpError(409, 'people.alreadyHaveProfile');
      throw new HttpError(403, 'error.403.message');
    }
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t(owner === 'none' ? 'people.addSomeone' : 'people.createMine'), noindex: true },
        <PersonFormView
          action="/directory/people/new"
          state={{ values: form.values, errors }}
          owners={owners}
          statuses={allowedStatuses(user)}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, errors } = await organisationIdsOf(db, form.data);
    if (Object.keys(errors).length) return show(errors);
    const status = statusAfterSave(user, null, form.data.status);
    const person = await db.transaction().execute(async (trx) => {
      const created = await createPerson(trx, form.data, {
        userId: owner === 'me' ? user.id : null,
        actor: user,
        status,
        organisationIds: ids,
      });
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'person.created',
        subjectType: 'person',
        subjectId: created.id,
        details: { name: created.name, own: owner === 'me', status },
      });
      return created;
    });
    setFlash(c, 'people.created');
    return c.redirect(`/directory/people/${person.slug}`, 303);
  });

  app.get('/directory/people/claims', async (c) => {
    const user = requireUser(c);
    if (!canDecideClaims(user)) throw new HttpError(403, 'error.403.message');
    const claims = await pendingClaims(db);
    return renderPage(
      c,
      { title: c.var.t('people.claimsTitle'), noindex: true },
      <ClaimsView claims={claims} />,
    );
  });

  for (const decision of ['approve', 'reject'] as const) {
    app.post(`/directory/people/claims/:id/${decision}`, async (c) => {
      const admin = requireUser(c);
      if (!canDecideClaims(admin)) throw new HttpError(403, 'error.403.message');
      const id = Number(c.req.param('id'));
      const claim = Number.isSafeInteger(id) ? await getClaim(db, id) : undefined;
      if (!claim) throw new HttpError(404, 'error.404.message');
      if (claim.status !== 'pending') throw new HttpError(409, 'people.claimDecided');
      await db.transaction().execute(async (trx) => {
        if (decision === 'approve') {
          const refusal = await approveClaim(trx, claim, admin);
          if (refusal) throw new HttpError(409, refusal);
        } else {
          await rejectClaim(trx, claim.id, admin);
        }
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: decision === 'approve' ? 'person.claim_approved' : 'person.claim_rejected',
          subjectType: 'person',
          subjectId: claim.person_id,
          details: { claimId: claim.id, userId: claim.user_id },
        });
        await mailClaimant(trx, config.baseUrl, claim, decision === 'approve');
      });
      setFlash(c, decision === 'approve' ? 'people.claimApproved' : 'people.claimRejected');
      return c.redirect('/directory/people/claims', 303);
    });
  }

  /** The profile page, with a claim form sent back when `claimState` is given. */
  const profilePage = async (
    c: C,
    person: PersonDetails,
    claimState?: { values: Record<string, string>; errors: FieldErrors },
  ) => {
    const user = c.var.auth?.user ?? null;
    const own = user ? await profileOf(db, user.id) : undefined;
    const pending =
      user && person.user_id === null ? await pendingClaimOf(db, person.id, user.id) : undefined;
    const may: PersonPermissions = {
      edit: canEdit(user, person),
      delete: canDelete(user, person),
      contact: canSeeContact(user, person),
      claim: person.user_id !== null ? null : !user ? 'login' : own ? null : pending ? 'pending' : 'form',
    };
    const url = `${config.baseUrl}/directory/people/${person.slug}`;
    const organisations = person.organisations.filter((o) => o.published);
    const t = c.var.t;
    const jsonLd: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: person.name,
      ...(person.name_translit ? { alternateName: person.name_translit } : {}),
      url,
      ...(person.photo ? { image: `${config.baseUrl}${photoUrl(person.slug, person.photo)}` } : {}),
      ...(person.title ? { jobTitle: person.title } : {}),
      ...(person.bio ? { description: excerpt(person.bio, 300) } : {}),
      ...(organisations.length
        ? {
            worksFor: organisations.map((o) => ({
              '@type': 'Organization',
              name: o.name,
              url: `${config.baseUrl}/directory/${o.slug}`,
            })),
          }
        : {}),
      ...(person.country
        ? {
            workLocation: {
              '@type': 'Place',
              address: { '@type': 'PostalAddress', addressCountry: person.country },
            },
          }
        : {}),
      ...(person.languages.length ? { knowsLanguage: person.languages } : {}),
      ...(person.skills.length || person.domains.length
        ? {
            knowsAbout: [...person.domains.map((d) => t(`vocab.domain.${d as Domain}`)), ...person.skills],
          }
        : {}),
      ...(person.linkList.length ? { sameAs: person.linkList } : {}),
      ...(may.contact && person.email ? { email: person.email } : {}),
      ...(may.contact && person.phone ? { telephone: person.phone } : {}),
    };
    const summary = [person.title, organisations[0]?.name].filter(Boolean).join(', ');
    return renderPage(
      c,
      {
        title: person.name,
        description: person.bio ? excerpt(person.bio, 200) : summary || undefined,
        path: `/directory/people/${person.slug}`,
        ogType: 'profile',
        jsonLd,
        noindex: person.status !== 'published',
      },
      <PersonView
        person={person}
        may={may}
        isOwn={!!user && person.user_id === user.id}
        claimState={claimState}
      />,
      claimState ? 422 : 200,
    );
  };

  app.get('/directory/people/:slug', async (c) => {
    const person = await loadVisiblePerson(db, c.var.auth?.user ?? null, c.req.param('slug'));
    return profilePage(c, person);
  });

  app.post('/directory/people/:slug/claim', async (c) => {
    const user = requireUser(c);
    const person = await loadVisiblePerson(db, user, c.req.param('slug'));
    const [own, pending] = await Promise.all([
      profileOf(db, user.id),
      pendingClaimOf(db, person.id, user.id),
    ]);
    const refusal = claimRefusal(user, person, { hasProfile: !!own, pendingClaim: !!pending });
    if (refusal) throw new HttpError(refusal.status, refusal.message);
    const form = await readForm(c, claimSchema);
    if (!form.ok) {
      return profilePage(c, person, {
        values: { message: String(form.values.message ?? '') },
        errors: form.errors,
      });
    }
    await db.transaction().execute(async (trx) => {
      const claimId = await createClaim(trx, person.id, user.id, form.data.message);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'person.claim_requested',
        subjectType: 'person',
        subjectId: person.id,
        details: { claimId },
      });
    });
    setFlash(c, 'people.claimSent');
    return c.redirect(`/directory/people/${person.slug}`, 303);
  });

  app.get('/directory/people/:slug/edit', async (c) => {
    const user = requireUser(c);
    const person = await loadVisiblePerson(db, user, c.req.param('slug'));
    if (!canEdit(user, person)) throw new HttpError(403, 'error.403.message');
    return renderPage(
      c,
      { title: c.var.t('form.editTitle', { name: person.name }), noindex: true },
      <PersonFormView
        action={`/directory/people/${person.slug}/edit`}
        state={{ values: formValuesOf(person) }}
        editing={person}
        statuses={allowedStatuses(user)}
      />,
    );
  });

  app.post('/directory/people/:slug/edit', async (c) => {
    const user = requireUser(c);
    const person = await loadVisiblePerson(db, user, c.req.param('slug'));
    if (!canEdit(user, person)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, personInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('form.editTitle', { name: person.name }), noindex: true },
        <PersonFormView
          action={`/directory/people/${person.slug}/edit`}
          state={{ values: form.values, errors }}
          editing={person}
          statuses={allowedStatuses(user)}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, errors } = await organisationIdsOf(db, form.data);
    if (Object.keys(errors).length) return show(errors);
    await db.transaction().execute(async (trx) => {
      const changes = await updatePerson(trx, person, form.data, {
        status: statusAfterSave(user, person.status, form.data.status),
        organisationIds: ids,
      });
      if (Object.keys(changes).length) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'person.updated',
          subjectType: 'person',
          subjectId: person.id,
          details: { fields: Object.keys(changes) },
        });
      }
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/directory/people/${person.slug}`, 303);
  });

  app.post('/directory/people/:slug/delete', async (c) => {
    const user = requireUser(c);
    const person = await loadVisiblePerson(db, user, c.req.param('slug'));
    if (!canDelete(user, person)) throw new HttpError(403, 'error.403.message');
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'person.deleted',
        subjectType: 'person',
        subjectId: person.id,
        details: { name: person.name, slug: person.slug },
      });
      await deletePerson(trx, person.id);
    });
    setFlash(c, 'people.deleted');
    return c.redirect('/directory/people', 303);
  });

  // Photos: a router of their own (photo-routes.tsx).
  app.route('/', peoplePhotoPages(deps));

  return app;
}
