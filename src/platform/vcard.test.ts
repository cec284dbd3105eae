// platform/vcard.ts without a database: TEXT values escaped, line breaks of every kind included, and
// lines folded at 75 octets between whole UTF-8 characters; read back with ical.js's vCard parser.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../test/ical.ts';
import { foldLine, vcardFile, vcardText } from './vcard.ts';

/** A long Lao name (each letter three octets in UTF-8) and a Khmer one with subscripts. */
const LAO = 'ສູນສ້າງສັນ ແລະ ສິລະປະຫັດຖະກຳ ແຂວງຫຼວງພະບາງ ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ';
const KHMER = 'មជ្ឈមណ្ឌលច្នៃប្រឌិត និងសិប្បកម្ម ខេត្តសៀមរាប ព្រះរាជាណាចក្រកម្ពុជា';

const card = (fn: string, more: string[] = []) => [
  'BEGIN:VCARD',
  'VERSION:4.0',
  `FN:${vcardText(fn)}`,
  ...more,
  'END:VCARD',
];

describe('foldLine', () => {
  it.each([
    ['ASCII', `NOTE:${'a'.repeat(200)}`],
    ['Lao', `FN:${LAO}`],
    ['Khmer', `FN:${KHMER}`],
    ['emoji and accents', `NOTE:${'Huế 🎭 '.repeat(30)}`],
  ])('folds %s at 75 octets, between whole characters, and unfolds to the line', (_, line) => {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    }
    // Folded lines are filled: only the last may be short by more than one character.
    for (const part of parts.slice(0, -1)) expect(Buffer.byteLength(part, 'utf8')).toBeGreaterThan(71);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine(`FN:${'a'.repeat(72)}`)).toBe(`FN:${'a'.repeat(72)}`);
    expect(foldLine(`FN:${'a'.repeat(73)}`)).toBe(`FN:${'a'.repeat(72)}\r\n a`);
  });
});

describe('vcardFile', () => {
  it('writes cards that ical.js reads back whole: long names in Lao and Khmer, and escapes', () => {
    const text = vcardFile([card(LAO, [`ORG:${vcardText('Luang Prabang; crafts, arts')}`]), card(KHMER)]);
    const [lao, khmer] = parseVcards(text);
    expect(lao?.getFirstPropertyValue('fn')).toBe(LAO);
    expect(lao?.getFirstPropertyValue('org')).toBe('Luang Prabang; crafts, arts');
    expect(khmer?.getFirstPropertyValue('fn')).toBe(KHMER);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['a bare CR', '\r'],
  ])('writes a value with %s as \\n: no property is injected', (_, br) => {
    const name = `Weavers${br}EMAIL:attacker@example.org${br}END:VCARD`;
    const text = vcardFile([card(name, [`ADR:;;${vcardText(`Unit 4${br}Ban Phanom`)};Luang Prabang;;;LA`])]);
    expect(text).toContain('FN:Weavers\\nEMAIL:attacker@example.org\\nEND:VCARD');
    const cards = parseVcards(text);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.getFirstPropertyValue('fn')).toBe('Weavers\nEMAIL:attacker@example.org\nEND:VCARD');
    expect(cards[0]?.hasProperty('email')).toBe(false);
    expect(cards[0]?.getFirstPropertyValue('adr')).toEqual([
      '',
      '',
      'Unit 4\nBan Phanom',
      'Luang Prabang',
      '',
      '',
      'LA',
    ]);
  });

  it('writes nothing for no cards', () => {
    expect(vcardFile([])).toBe('');
  });
});
