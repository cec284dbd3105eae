// The standard fields of every application (name, organisation, kind, country, category, gender,
// networking consent) as their columns store them: from the checked input of a submission; from a
// draft as typed (a draft is never refused), with only what fits its column — a choice that is not
// on offer is left empty rather than stored; and back as form values when the draft is opened again.
import { isCountryCode } from '../../../platform/countries.ts';
import { type FormValues, fieldValue } from '../../../platform/http/forms.ts';
import {
  GENDERS,
  type Gender,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../platform/vocabularies.ts';
import type { RegistrationRow } from './applications.ts';
import type { StandardInput } from './schemas.ts';

/** The columns of the standard fields, the same in a registration and in the roster row made from it. */
export type StandardColumn =
  | 'name'
  | 'organisation_name'
  | 'organisation_id'
  | 'organisation_kind'
  | 'country'
  | 'category_id'
  | 'gender'
  | 'networking_consent';

/** The standard fields as stored; drafts may hold them half-filled. */
export type StandardColumns = Pick<RegistrationRow, StandardColumn>;

export function standardColumns(input: StandardInput, organisationName: string | null): StandardColumns {
  return {
    name: input.name,
    // The directory's name when a directory organisation was chosen, so lists need no join.
    organisation_name: organisationName ?? input.organisation_name,
    organisation_id: input.organisation_id,
    organisation_kind: input.organisation_kind,
    country: input.country,
    category_id: input.category_id,
    gender: input.gender,
    networking_consent: input.networking_consent ? 1 : 0,
  };
}

const oneOf = <T extends string>(list: readonly T[], value: string): T | null =>
  (list as readonly string[]).includes(value) ? (value as T) : null;

const idIn = (ids: number[], value: string): number | null => {
  const n = Number(value);
  return value !== '' && ids.includes(n) ? n : null;
};

export function draftStandardColumns(
  values: FormValues,
  offered: { categoryIds: number[]; organisationIds: number[] },
  organisations: { id: number; name: string }[],
): StandardColumns {
  const text = (name: string, max: number) => fieldValue(values, name).trim().slice(0, max);
  const organisationId = idIn(offered.organisationIds, fieldValue(values, 'organisation_id'));
  const country = fieldValue(values, 'country');
  return {
    name: text('name', 200),
    organisation_id: organisationId,
    organisation_name:
      organisations.find((o) => o.id === organisationId)?.name ?? (text('organisation_name', 300) || null),
    organisation_kind: oneOf<OrganisationKind>(ORGANISATION_KINDS, fieldValue(values, 'organisation_kind')),
    country: isCountryCode(country) ? country : null,
    category_id: idIn(offered.categoryIds, fieldValue(values, 'category_id')),
    gender: oneOf<Gender>(GENDERS, fieldValue(values, 'gender')),
    networking_consent: fieldValue(values, 'networking_consent') === '1' ? 1 : 0,
  };
}

export function standardFormValues(row: RegistrationRow): FormValues {
  const text = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    name: row.name,
    organisation_id: text(row.organisation_id),
    organisation_name: text(row.organisation_name),
    organisation_kind: text(row.organisation_kind),
    country: text(row.country),
    category_id: text(row.category_id),
    gender: text(row.gender),
    networking_consent: row.networking_consent ? '1' : '',
  };
}
