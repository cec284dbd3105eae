// The current selection of the directory as CSV, JSON and vCard, with contacts only where the
// reader may see them.
import { csvText, neutraliseFormula } from '../../platform/spreadsheets.ts';

export interface ExportedOrganisation {
  slug: string;
  url: string;
  name: string;
  name_translit: string | null;
  kind: string;
  country: string;
  province: string | null;
  city: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  founded_year: number | null;
  verified: boolean;
  domains: string[];
  stages: string[];
  languages: string[];
  updated_at: string;
}

const CSV_COLUMNS: (keyof ExportedOrganisation)[] = [
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
];

export function toCsv(rows: ExportedOrganisation[]): string {
  const records = rows.map((row) =>
    CSV_COLUMNS.map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return '';
      if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
      if (typeof value === 'boolean') return value ? 'yes' : 'no';
      return typeof value === 'string' ? neutraliseFormula(value) : String(value);
    }),
  );
  return csvText([CSV_COLUMNS, ...records]);
}

/** vCard 4.0 (RFC 6350) text values escape backslash, comma, semicolon and newlines. */
export function vcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
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
    if (o.city || o.country || o.address) {
      lines.push(
        `ADR:;;${vcardText(o.address ?? '')};${vcardText(o.city ?? '')};${vcardText(o.province ?? '')};;${vcardText(o.country)}`,
      );
    }
    if (o.latitude !== null && o.longitude !== null) lines.push(`GEO:geo:${o.latitude},${o.longitude}`);
    if (o.website) lines.push(`URL:${o.website}`);
    if (o.email) lines.push(`EMAIL:${o.email}`);
    if (o.phone) lines.push(`TEL:${vcardText(o.phone)}`);
    lines.push(`SOURCE:${o.url}`, 'END:VCARD');
    return lines.join('\r\n');
  });
  return `${cards.join('\r\n')}\r\n`;
}
