// The paste parser, line by line: the shapes agendas are published in (ranges with -, –, —, "h"
// separators, tabs or spaces), section headings, breaks in English and Vietnamese, speakers after
// ":", and the lines it cannot read, each with its number.
import { describe, expect, it } from 'vitest';
import { formatOffset, isoWithOffset, isRealDate, localToUtc, utcToLocal } from '../../platform/time.ts';
import { itemCount, kindOf, parseAgendaText, splitPeople } from './agenda-text.ts';

describe('parseAgendaText', () => {
  it('reads a published line with a tab, a leading dash and a speaker after ":"', () => {
    const agenda = parseAgendaText('09:15-09:30\t- Ha Noi Creative City: Mr. Doan Ky Thanh');
    expect(agenda.problems).toEqual([]);
    expect(agenda.items).toEqual([
      {
        line: 1,
        start: '09:15',
        end: '09:30',
        title: 'Ha Noi Creative City',
        kind: 'talk',
        people: [{ name: 'Mr. Doan Ky Thanh', affiliation: null, role: 'speaker' }],
      },
    ]);
  });

  it('accepts -, – and — between times, spaces around them, and 9h15 or 9.15 forms', () => {
    const agenda = parseAgendaText(
      [
        '08:00 - 08:30 Registration',
        '9h15–9h45 Opening',
        '10.00—10.30 Keynote',
        '14h-15h Visit the gallery',
      ].join('\n'),
    );
    expect(agenda.problems).toEqual([]);
    expect(agenda.items.map((i) => [i.start, i.end, i.title])).toEqual([
      ['08:00', '08:30', 'Registration'],
      ['09:15', '09:45', 'Opening'],
      ['10:00', '10:30', 'Keynote'],
      ['14:00', '15:00', 'Visit the gallery'],
    ]);
  });

  it('reads a single time as a moment without end', () => {
    const [item] = parseAgendaText(
      '09:15\tIntroduction to successful models of Creative hubs in Vietnam:',
    ).items;
    expect(item).toMatchObject({
      start: '09:15',
      end: null,
      title: 'Introduction to successful models of Creative hubs in Vietnam:',
    });
  });

  it('starts sections at "Section N" lines, with or without a colon or tags copied from a page', () => {
    const agenda = parseAgendaText(
      [
        '08:00-08:30 Registration',
        '<b>Section 1</b>\t<b>Operational status Overview of the Creative spaces in Vietnam</b>',
        '08:55-09:15 Survey report',
        'Section 2: International good practices in supporting Creative hubs',
        '10:15-10:45 The role of Creative hubs',
        'Phần 3: Khung chính sách',
      ].join('\n'),
    );
    expect(agenda.items).toHaveLength(1);
    expect(agenda.sections.map((s) => [s.title, s.items.length])).toEqual([
      ['Section 1: Operational status Overview of the Creative spaces in Vietnam', 1],
      ['Section 2: International good practices in supporting Creative hubs', 1],
      ['Phần 3: Khung chính sách', 0],
    ]);
    expect(itemCount(agenda)).toBe(3);
  });

  it('detects breaks in English and Vietnamese, visits and discussions', () => {
    expect(kindOf('Tea break')).toBe('break');
    expect(kindOf('Lunch')).toBe('break');
    expect(kindOf('Nghỉ giải lao')).toBe('break');
    expect(kindOf('Ăn trưa')).toBe('break');
    expect(kindOf('Visit Truc Chi Gallery')).toBe('visit');
    expect(kindOf('Tham quan làng nghề')).toBe('visit');
    expect(kindOf('Open discussion')).toBe('panel');
    expect(kindOf('The role of Creative hubs in Creative economy')).toBe('talk');
    expect(parseAgendaText('10:30-10:45\tTea break').items[0]?.kind).toBe('break');
  });

  it('splits several speakers on "and" when a name follows, keeping affiliations after the comma', () => {
    expect(splitPeople('Mr. Le Thanh Hai and Mr. Le Thanh Ngoc', 'speaker').map((p) => p.name)).toEqual([
      'Mr. Le Thanh Hai',
      'Mr. Le Thanh Ngoc',
    ]);
    expect(
      splitPeople(
        'Ms. Nguyen Phuong Hoa, Deputy Director of International Cooperation Department and Pham Thi Thanh Huong, Chief of Culture Unit (a.i.), UNESCO Ha Noi',
        'facilitator',
      ),
    ).toEqual([
      {
        name: 'Ms. Nguyen Phuong Hoa',
        affiliation: 'Deputy Director of International Cooperation Department',
        role: 'facilitator',
      },
      {
        name: 'Pham Thi Thanh Huong',
        affiliation: 'Chief of Culture Unit (a.i.), UNESCO Ha Noi',
        role: 'facilitator',
      },
    ]);
    // "and" inside an organisation's name is not a second person.
    expect(splitPeople('Ms. Lan, Ministry of Culture and sports', 'speaker')).toHaveLength(1);
  });

  it('gives "Facilitator:" lines the section as title and the people their role', () => {
    const agenda = parseAgendaText(
      'Section 4: Open discussion\n11:30-12:00 - Facilitator: Ms. Nguyen Phuong Hoa',
    );
    expect(agenda.sections[0]?.items[0]).toMatchObject({
      title: 'Open discussion',
      kind: 'panel',
      people: [{ name: 'Ms. Nguyen Phuong Hoa', role: 'facilitator' }],
    });
  });

  it('lists the lines it cannot read with their numbers, and reads the rest', () => {
    const agenda = parseAgendaText(
      [
        '09:00-09:30 Opening',
        'Thursday, 24th November 2016',
        '',
        '25:00-26:00 Late',
        '11:00-10:00 Backwards',
        '12:00-12:30',
      ].join('\n'),
    );
    expect(agenda.items.map((i) => i.title)).toEqual(['Opening']);
    expect(agenda.problems).toEqual([
      { line: 2, text: 'Thursday, 24th November 2016', problem: 'noTime' },
      { line: 4, text: '25:00-26:00 Late', problem: 'badTime' },
      { line: 5, text: '11:00-10:00 Backwards', problem: 'endBeforeStart' },
      { line: 6, text: '12:00-12:30', problem: 'noTitle' },
    ]);
  });
});

describe('local times of an event', () => {
  it('turns a wall-clock time of a zone into the moment, and back', () => {
    expect(localToUtc('2016-11-24', '09:15', 'Asia/Ho_Chi_Minh').toISOString()).toBe(
      '2016-11-24T02:15:00.000Z',
    );
    expect(localToUtc('2017-06-20', '00:30', 'Asia/Shanghai').toISOString()).toBe('2017-06-19T16:30:00.000Z');
    expect(utcToLocal(new Date('2016-11-24T02:15:00Z'), 'Europe/Paris')).toEqual({
      date: '2016-11-24',
      time: '03:15',
    });
    // Across a daylight-saving change: Paris is UTC+2 in summer.
    expect(localToUtc('2026-07-01', '09:00', 'Europe/Paris').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(isoWithOffset('2026-07-01', '09:00', 'Europe/Paris')).toBe('2026-07-01T09:00:00+02:00');
    expect(isoWithOffset('2024-09-09', '08:30', 'Asia/Yangon')).toBe('2024-09-09T08:30:00+06:30');
    expect(formatOffset(-210)).toBe('-03:30');
  });

  it('knows real dates from impossible ones', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
  });
});
