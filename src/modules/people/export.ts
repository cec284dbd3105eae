// The current selection of people as CSV and vCard (JSON is the rows themselves). The vCard
// escaping is the directory's, shared through its index.ts; spreadsheets are platform/spreadsheets.ts.
import { csvText, neutraliseFormula } from '../../platform/spreadsheets.ts';
import { vcardText } from '../directory/index.ts';
import type { ExportedPerson } from './listing.ts';

const CSV_COLUMNS: (keyof ExportedPerson)[] = [
  'name',
  'name_translit',
  'title',
  'organisations',
  'country',
  'domains',
  'languages',
  'skills',
  'links',
  'email',
  'phone',
  'url',
  'updated_at',
];

export function peopleCsv(rows: ExportedPerson[]): string {
  const records = rows.map((row) =>
    CSV_COLUMNS.map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return '';
      if (column === 'organisations')
        return neutraliseFormula(
          row.organisations.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join('; '),
        );
      if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
      return neutraliseFormula(String(value));
    }),
  );
  return csvText([CSV_COLUMNS, ...records]);
}

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
    return lines.join('\r\n');
  });
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
