// iCalendar files read back as a calendar program reads them, with ical.js: its VTIMEZONEs
// registered, so times convert; and the calendar's name as TEXT. RFC 7986's NAME and Apple's
// X-WR-CALNAME (which Google and Outlook read too) are TEXT values, which ical.js's design does not
// list, so it would hand their escapes (\, \n) back as written; they are declared here once.
import ICAL from 'ical.js';

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
