// The current selection of the directory as CSV, XLSX, JSON and vCard (/directory/export.*), with
// contacts only where the reader may see them; and what "download my data" gets of a member: their
// memberships and the invitations they sent or received.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { vcardFile, vcardText } from '../../platform/vcard.ts';
import { facetsOf, type Organisation, type PlaceFields, placeOf } from './access.ts';
import { selection, textMatches } from './listing.ts';
import { canSeeContact } from './permissions.ts';
import type { DirectoryFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const EXPORT_LIMIT = 10_000;

export type ExportedOrganisation = PlaceFields &
  Pick<
    Organisation,
    'slug' | 'name' | 'name_translit' | 'kind' | 'email' | 'phone' | 'founded_year' | 'updated_at'
  > & {
    url: string;
    verified: boolean;
    domains: string[];
    stages: string[];
    languages: string[];
  };

/** The spreadsheet columns (CSV and XLSX): one per field, named as in the JSON. */
const COLUMN_NAMES = [
  'name',
  'name_translit',
  'kind',
  'country',
  'province',
  'city',
  'address',
  'latitude',
  'longitude',
  'website',
  'email',
  'phone',
  'founded_year',
  'verified',
  'domains',
  'stages',
  'languages',
  'url',
  'updated_at',
] as const satisfies readonly (keyof ExportedOrganisation)[];

export const exportColumns: Column<ExportedOrganisation>[] = COLUMN_NAMES.map((name) => ({
  header: name,
  value: (row) => row[name],
}));

/** The selection with the fields of an export, by name, up to EXPORT_LIMIT rows. */
export async function exportRows(
  db: Db,
  filter: DirectoryFilter,
  ctx: { viewer: User | null; baseUrl: string },
): Promise<ExportedOrganisation[]> {
  const matches = await textMatches(db, filter, ctx.viewer);
  const rows = await selection(db, filter, ctx.viewer, matches)
    .selectAll('organisations')
    .orderBy('organisations.name')
    .limit(EXPORT_LIMIT)
    .execute();
  const ids = rows.map((r) => r.id);
  const [facets, memberships] = await Promise.all([
    facetsOf(db, ids),
    ctx.viewer && ids.length
      ? db
          .selectFrom('organisation_members')
          .select(['organisation_id', 'role'])
          .where('user_id', '=', ctx.viewer.id)
          .where('organisation_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  const roleOf = new Map(memberships.map((m) => [m.organisation_id, m.role]));
  return rows.map((r) => {
    const contact = canSeeContact(ctx.viewer, r, roleOf.get(r.id) ?? null);
    const f = facets.get(r.id);
    return {
      slug: r.slug,
      url: `${ctx.baseUrl}/directory/${r.slug}`,
      name: r.name,
      name_translit: r.name_translit,
      kind: r.kind,
      ...placeOf(r),
      email: contact ? r.email : null,
      phone: contact ? r.phone : null,
      founded_year: r.founded_year,
      verified: r.verified_at !== null,
      domains: f?.domain ?? [],
      stages: f?.stage ?? [],
      languages: f?.language ?? [],
      updated_at: r.updated_at,
    };
  });
}

export function toVcards(rows: ExportedOrganisation[]): string {
  const cards = rows.map((o) => {
    const lines = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:org',
      `FN:${vcardText(o.name)}`,
      `ORG:${vcardText(o.name)}`,
    ];
    if (o.city || o.country || o.address)
      lines.push(
        `ADR:;;${vcardText(o.address ?? '')};${vcardText(o.city ?? '')};${vcardText(o.province ?? '')};;${vcardText(o.country)}`,
      );
    if (o.latitude !== null && o.longitude !== null) lines.push(`GEO:geo:${o.latitude},${o.longitude}`);
    if (o.website) lines.push(`URL:${o.website}`);
    if (o.email) lines.push(`EMAIL:${o.email}`);
    if (o.phone) lines.push(`TEL:${vcardText(o.phone)}`);
    lines.push(`SOURCE:${o.url}`, 'END:VCARD');
    return lines;
  });
  return vcardFile(cards);
}

/**
 * What "download my data" (/account/export.json) holds of a member in the directory: the
 * organisations they belong to (with their role and since when), and the invitations they sent
 * or that were sent to their address (never the secret of a link).
 */
export async function directoryAccountExport(db: Db, userId: number) {
  const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  const email = user?.email.trim().toLowerCase() ?? '';
  const invitations = () =>
    db
      .selectFrom('organisation_invitations as i')
      .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
      .leftJoin('users as inviter', 'inviter.id', 'i.invited_by')
      .select([
        'o.name as organisation',
        'o.slug as organisation_slug',
        'i.email',
        'i.role',
        'inviter.name as invited_by',
        'i.created_at',
        'i.expires_at',
        'i.accepted_at',
        'i.revoked_at',
      ])
      .orderBy('i.id');
  const [memberships, sent, received] = await Promise.all([
    db
      .selectFrom('organisation_members as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.name as organisation', 'o.slug as organisation_slug', 'm.role', 'm.created_at as since'])
      .where('m.user_id', '=', userId)
      .orderBy('m.created_at')
      .execute(),
    invitations().where('i.invited_by', '=', userId).execute(),
    invitations()
      .where((eb) => eb.or([eb('i.email', '=', email), eb('i.accepted_by', '=', userId)]))
      .execute(),
  ]);
  return { memberships, invitations: { sent, received } };
}
