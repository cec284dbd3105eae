// The list of people as it is filtered, as a spreadsheet (/directory/people/export.csv and .xlsx,
// the same columns) and as vCards (.vcf; JSON is the rows themselves); and what "download my data"
// (/account/export.json) holds of a member here: the profiles they own and their claims.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { vcardFile, vcardText } from '../../platform/vcard.ts';
import { getPersonById } from './access.ts';
import type { ExportedPerson } from './listing.ts';
import { photoUrl } from './photo.ts';

const listed = (key: 'domains' | 'languages' | 'skills' | 'links'): Column<ExportedPerson> => ({
  header: key,
  value: (p) => p[key],
});

export const exportColumns: Column<ExportedPerson>[] = [
  { header: 'name', value: (p) => p.name },
  { header: 'name_translit', value: (p) => p.name_translit },
  { header: 'title', value: (p) => p.title },
  {
    header: 'organisations',
    value: (p) => p.organisations.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)),
  },
  { header: 'country', value: (p) => p.country },
  listed('domains'),
  listed('languages'),
  listed('skills'),
  listed('links'),
  { header: 'email', value: (p) => p.email },
  { header: 'phone', value: (p) => p.phone },
  { header: 'url', value: (p) => p.url },
  { header: 'updated_at', value: (p) => p.updated_at },
];

export function peopleVcards(rows: ExportedPerson[]): string {
  const cards = rows.map((p) => {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual', `FN:${vcardText(p.name)}`];
    if (p.title) lines.push(`TITLE:${vcardText(p.title)}`);
    const firstOrganisation = p.organisations[0];
    if (firstOrganisation) lines.push(`ORG:${vcardText(firstOrganisation.name)}`);
    if (p.country) lines.push(`ADR:;;;;;;${vcardText(p.country)}`);
    for (const link of p.links) lines.push(`URL:${link}`);
    if (p.email) lines.push(`EMAIL:${p.email}`);
    if (p.phone) lines.push(`TEL:${vcardText(p.phone)}`);
    lines.push(`SOURCE:${p.url}`, 'END:VCARD');
    return lines;
  });
  return vcardFile(cards);
}

/** The profiles a member owns (each as the API shows it to its owner) and the claims they made. */
export async function peopleAccountExport(db: Kysely<Database>, userId: number) {
  const [owned, claims] = await Promise.all([
    db.selectFrom('people').select('id').where('user_id', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('person_claims')
      .innerJoin('people', 'people.id', 'person_claims.person_id')
      .select([
        'people.slug as profile',
        'people.name as profile_name',
        'person_claims.message',
        'person_claims.status',
        'person_claims.created_at',
        'person_claims.decided_at',
      ])
      .where('person_claims.user_id', '=', userId)
      .orderBy('person_claims.id')
      .execute(),
  ]);
  const profiles = [];
  for (const { id } of owned) {
    const p = await getPersonById(db, id);
    if (!p) continue;
    profiles.push({
      slug: p.slug,
      name: p.name,
      name_translit: p.name_translit,
      lang: p.lang,
      title: p.title,
      bio: p.bio,
      translations: p.translations,
      country: p.country,
      organisations: p.organisations.map(({ slug, name, role }) => ({ slug, name, role })),
      domains: p.domains,
      languages: p.languages,
      skills: p.skills,
      links: p.linkList,
      email: p.email,
      phone: p.phone,
      contact_visibility: p.contact_visibility,
      status: p.status,
      photo: p.photo ? photoUrl(p.slug, p.photo) : null,
      created_at: p.created_at,
      updated_at: p.updated_at,
    });
  }
  return { profiles, claims };
}
