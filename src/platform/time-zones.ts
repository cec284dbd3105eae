// IANA time zones as this Node's ICU knows them.
export const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const known = new Set(TIME_ZONES);

export function isTimeZone(value: string): boolean {
  return known.has(value);
}
