// iCalendar and vCard files read back as calendar and address book programs read them, with
// ical.js: a calendar's VTIMEZONEs registered, so times convert, and its name as TEXT; the lines of
// a vCard checked against RFC 6350's 75 octets. RFC 7986's NAME and Apple's
// X-WR-CALNAME (which Google and Outlook read too) are TEXT values, which ical.js's design does not
// list, so it would hand their escapes (\, \n) back as written; they are declared here once.
import ICAL from 'ical.js';
import { expect } from 'vitest';

for (const property of ['name', 'x-wr-calname'])
  ICAL.design.icalendar.property[property] = { defaultType: 'text' };

/** The calendar of an .ics text, its zones and its events. */
export function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return {
    calendar,
    /** The calendar's names: NAME and X-WR-CALNAME, each as many times as it is written. */
    names: ['name', 'x-wr-calname'].flatMap((p) =>
      calendar.getAllProperties(p).map((v) => String(v.getFirstValue())),
    ),
    zones: calendar.getAllSubcomponents('vtimezone').map((tz) => String(tz.getFirstPropertyValue('tzid'))),
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

/**
 * The cards of a .vcf text, read with ical.js's vCard parser, after checking that no line is longer
 * than 75 octets (the CRLF aside) and that every line is whole UTF-8 (a fold inside a multi-octet
 * sequence would leave half a character on each side).
 */
export function parseVcards(text: string): InstanceType<typeof ICAL.Component>[] {
  expect(text.endsWith('\r\n')).toBe(true);
  for (const line of text.slice(0, -2).split('\r\n')) {
    const bytes = Buffer.from(line, 'utf8');
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
    expect(line).not.toMatch(/[\r\n]/);
  }
  const parsed = ICAL.parse(text);
  // One card parses as one component, several as a list of them.
  const cards = typeof parsed[0] === 'string' ? [parsed] : parsed;
  return cards.map((card: unknown) => new ICAL.Component(card as never));
}
