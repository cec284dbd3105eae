// Who may change a country's status towards the 2005 Convention: the hub's admins everywhere, a
// country's focal points for their own country (platform/scopes.ts). Reading is public.
import { scopedAction } from '../../platform/scopes.ts';

export const EDIT_STATUS = scopedAction('countries.edit_status', { country: ['focal_point'] });
