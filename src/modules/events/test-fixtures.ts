// The event form as a browser sends it, for the unit and integration tests of the events module: a
// three-day fair in Bagan organised by STELLA, with `overrides`.
export const eventForm = (overrides: Record<string, string | string[] | undefined> = {}) => ({
  title: 'Craft makers’ fair',
  lang: 'en',
  type: 'fair',
  format: 'in_person',
  status: 'announced',
  description: 'Makers from **Bagan** and Siem Reap.',
  starts_on: '2030-03-10',
  ends_on: '2030-03-12',
  start_time: '',
  end_time: '',
  time_zone: 'Asia/Yangon',
  venue: '',
  venue_name: 'Town hall',
  address: '',
  city: 'Bagan',
  country: 'MM',
  online_url: '',
  org_slug: 'stella',
  org_role: 'organiser',
  domains: 'visual_arts_crafts',
  ...overrides,
});

/** The same as the form sends it, without the fields left out (what client.submit() posts). */
export const sentForm = (overrides: Record<string, string | undefined> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(eventForm(overrides)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
