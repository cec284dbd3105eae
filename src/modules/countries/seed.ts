// The demo statuses: only what the source documents say. Seed 000 (UNESCO's project page on Lao
// PDR) says "the first ever Quadrennial Periodic Report (QPR) for the 2005 Convention … was
// submitted by the Lao Government": only Parties report, so Lao PDR is a Party. No seed gives the
// day it became one, nor how, so those stay empty (docs/countries.md); no seed says where any
// other country stands (seed 004 names "Parties and non-Parties" without saying which).
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { saveStatus } from './actions.ts';

export async function seedCountries({ deps }: SeedContext): Promise<void> {
  await saveStatus(
    systemContext(deps, 'seed'),
    'LA',
    {
      party: true,
      party_since: null,
      instrument: null,
      source_url: null,
      note: 'The Lao Government submitted its first Quadrennial Periodic Report on the 2005 Convention (UNESCO project page, "Development of creative industries for the diversity of cultural expressions", Lao PDR, 2017–2019). The day it became a Party is not in that source.',
    },
    'en',
  );
}
