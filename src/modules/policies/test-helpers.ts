// Shared by the policies tests: a valid measure form as a browser sends it, and the API body.
import { rowCount } from '../../../test/counts.ts';
import type { TestPlatform } from '../../../test/harness.ts';

export const measureForm = (
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> => ({
  title: 'Support fund for young film makers',
  lang: 'en',
  country: 'LA',
  report_year: '2020',
  status: 'in_force',
  source: 'government',
  implementing_bodies: 'lao-mict\nA body not in the directory',
  description: 'Grants for **first films**.',
  main_features: '',
  expected_results: '',
  achieved_results: '',
  website: '',
  budget_amount: '',
  budget_currency: '',
  budget_note: 'not available',
  partner_name: ['Lao Filmmakers Association', ''],
  partner_sector: ['civil_society', 'public'],
  evaluation_findings: '',
  areas: ['cultural_creative_sectors', 'gender_equality'],
  stages: ['creation', 'production'],
  domains: ['audiovisual_media'],
  target_groups: ['youth'],
  youth: '1',
  documents: '',
  event: '',
  ...overrides,
});

export const measureJson = (overrides: Record<string, unknown> = {}) => ({
  title: 'Creative economy masterplan',
  lang: 'en',
  country: 'TH',
  report_year: 2021,
  status: 'planned',
  source: 'government',
  areas: ['cultural_creative_sectors'],
  stages: ['distribution'],
  ...overrides,
});

export const countMeasures = (hub: TestPlatform) => rowCount(hub, 'policy_measures');
