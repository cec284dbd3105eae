// Generated organisations and people for the directory benchmarks: plausible names in each country's own
// language and script, real cities with their coordinates, kinds, domains, stages and languages
// spread over the vocabularies — inserted in one transaction with plain inserts, then indexed for
// search by the directory's own search provider (as `hub search reindex` does).
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { OrganisationsTable } from '../../src/modules/directory/tables.ts';
import { modules } from '../../src/modules/index.ts';
import type { PeopleTable } from '../../src/modules/people/tables.ts';
import { DAY, isoIn } from '../../src/platform/time.ts';
import { DOMAINS, ORGANISATION_KINDS, VALUE_CHAIN_STAGES } from '../../src/platform/vocabularies.ts';
import { reindexAll } from '../../src/search/rebuild.ts';
import { prng, type Random } from './corpus.ts';

type City = [name: string, latitude: number, longitude: number];

/** Where generated organisations are, with the share of each country and the words of its names. */
const COUNTRIES: {
  code: string;
  /** Two lists whose words make a person's name: first + second (written together for Chinese). */
  people: string[][];
  joinedNames?: boolean;
  lang: string;
  share: number;
  cities: City[];
  words: string[][];
}[] = [
  {
    code: 'VN',
    people: [
      ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng'],
      ['Thị Lan', 'Văn Minh', 'Thu Hà', 'Quang Huy', 'Ngọc Anh'],
    ],
    lang: 'vi',
    share: 25,
    cities: [
      ['Hà Nội', 21.0285, 105.8542],
      ['Thành phố Hồ Chí Minh', 10.7769, 106.7009],
      ['Huế', 16.4637, 107.5909],
      ['Đà Nẵng', 16.0544, 108.2022],
      ['Hội An', 15.8801, 108.338],
      ['Cần Thơ', 10.0452, 105.7469],
    ],
    words: [
      ['Xưởng', 'Không gian', 'Hội', 'Trung tâm', 'Nhà', 'Quỹ'],
      ['Gốm', 'Lụa', 'Âm nhạc', 'Sáng tạo', 'Di sản', 'Điện ảnh', 'Sơn mài', 'Múa rối nước'],
    ],
  },
  {
    code: 'TH',
    people: [
      ['สมชาย', 'สมศรี', 'วิไล', 'ประเสริฐ', 'อรุณี'],
      ['ใจดี', 'ศรีสุข', 'วงศ์ใหญ่', 'แก้วมณี'],
    ],
    lang: 'th',
    share: 20,
    cities: [
      ['กรุงเทพมหานคร', 13.7563, 100.5018],
      ['เชียงใหม่', 18.7883, 98.9853],
      ['ขอนแก่น', 16.4419, 102.836],
      ['พระนครศรีอยุธยา', 14.3532, 100.5689],
    ],
    words: [
      ['ศูนย์', 'สมาคม', 'กลุ่ม', 'บ้าน', 'มูลนิธิ'],
      ['ผ้าไหม', 'ดนตรี', 'หัตถกรรม', 'ศิลปะร่วมสมัย', 'ภาพยนตร์', 'มรดกวัฒนธรรม'],
    ],
  },
  {
    code: 'LA',
    people: [
      ['ບຸນມີ', 'ສົມພອນ', 'ແສງດາວ', 'ຄຳຫຼ້າ'],
      ['ພົມມະຈັນ', 'ສີສຸວັນ', 'ວົງສາ'],
    ],
    lang: 'lo',
    share: 12,
    cities: [
      ['ວຽງຈັນ', 17.9757, 102.6331],
      ['ຫຼວງພະບາງ', 19.8856, 102.1347],
      ['ປາກເຊ', 15.1202, 105.799],
    ],
    words: [
      ['ສູນ', 'ສະມາຄົມ', 'ກຸ່ມ', 'ເຮືອນ'],
      ['ແສ່ວໄໝ', 'ດົນຕີ', 'ຫັດຖະກຳ', 'ສິລະປະ', 'ມໍລະດົກ'],
    ],
  },
  {
    code: 'KH',
    people: [
      ['សុខ', 'ចាន់', 'ស្រីពៅ', 'វិចិត្រ'],
      ['វណ្ណា', 'ដារ៉ា', 'សុភាព'],
    ],
    lang: 'km',
    share: 12,
    cities: [
      ['ភ្នំពេញ', 11.5564, 104.9282],
      ['សៀមរាប', 13.3671, 103.8448],
      ['បាត់ដំបង', 13.0957, 103.2022],
    ],
    words: [
      ['មជ្ឈមណ្ឌល', 'សមាគម', 'ក្រុម', 'ផ្ទះ'],
      ['សិប្បកម្ម', 'តន្ត្រី', 'របាំ', 'សូត្រ', 'បេតិកភណ្ឌ'],
    ],
  },
  {
    code: 'MM',
    people: [
      ['အောင်', 'ခင်', 'မြင့်', 'သီတာ'],
      ['ကျော်', 'ဝင်း', 'နွယ်'],
    ],
    lang: 'my',
    share: 8,
    cities: [
      ['ရန်ကုန်', 16.8409, 96.1735],
      ['မန္တလေး', 21.9588, 96.0891],
      ['ပုဂံ', 21.1717, 94.8585],
    ],
    words: [
      ['စင်တာ', 'အသင်း', 'အဖွဲ့'],
      ['ယွန်းထည်', 'ဂီတ', 'လက်မှုပညာ', 'အနုပညာ', 'ရုပ်ရှင်'],
    ],
  },
  {
    code: 'CN',
    people: [
      ['王', '李', '张', '刘', '陈'],
      ['伟', '芳', '磊', '静'],
    ],
    joinedNames: true,
    lang: 'zh-Hans',
    share: 8,
    cities: [
      ['北京', 39.9042, 116.4074],
      ['青岛', 36.0671, 120.3826],
      ['昆明', 25.0389, 102.7183],
    ],
    words: [
      ['文化', '艺术', '创意', '非遗'],
      ['中心', '协会', '工作室', '研究院'],
    ],
  },
  {
    code: 'ID',
    people: [
      ['Budi', 'Siti', 'Agus', 'Dewi'],
      ['Santoso', 'Rahayu', 'Wijaya'],
    ],
    lang: 'id',
    share: 8,
    cities: [
      ['Jakarta', -6.2088, 106.8456],
      ['Yogyakarta', -7.7956, 110.3695],
      ['Denpasar', -8.6705, 115.2126],
    ],
    words: [
      ['Sanggar', 'Komunitas', 'Rumah', 'Yayasan'],
      ['Batik', 'Gamelan', 'Seni Rupa', 'Film', 'Kriya'],
    ],
  },
  {
    code: 'MN',
    people: [
      ['Бат', 'Сараа', 'Ганбаатар', 'Оюун'],
      ['Дорж', 'Болд', 'Цэцэг'],
    ],
    lang: 'mn',
    share: 7,
    cities: [
      ['Улаанбаатар', 47.8864, 106.9057],
      ['Эрдэнэт', 49.0278, 104.0444],
    ],
    words: [
      ['Төв', 'Холбоо', 'Урлан'],
      ['Морин хуур', 'Уран бүтээл', 'Соёлын өв', 'Кино'],
    ],
  },
];

const LANGUAGES = ['en', 'vi', 'th', 'lo', 'km', 'my', 'zh', 'id', 'mn', 'fr'];
const CHUNK = 200;

const pick = <T>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

function pickCountry(rand: Random) {
  let r = rand() * COUNTRIES.reduce((s, c) => s + c.share, 0);
  for (const c of COUNTRIES) {
    r -= c.share;
    if (r < 0) return c;
  }
  return COUNTRIES[0]!;
}

/**
 * Adds `organisations` published organisations (one in twenty verified) and `people` published
 * profiles (each with one of those organisations, domains and languages), then indexes
 * everything for search.
 */
export async function addDirectory(
  db: Kysely<Database>,
  counts: { organisations: number; people: number },
  seed = 42,
): Promise<void> {
  const rand = prng(seed);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const organisationIds: number[] = [];
    for (let start = 0; start < counts.organisations; start += CHUNK) {
      const rows: Insertable<OrganisationsTable>[] = [];
      const facets: { organisation_id: number; facet: 'domain' | 'stage' | 'language'; value: string }[] = [];
      const size = Math.min(CHUNK, counts.organisations - start);
      for (let i = 0; i < size; i++) {
        const k = start + i;
        const country = pickCountry(rand);
        const [city, lat, lon] = pick(rand, country.cities);
        const name = `${pick(rand, country.words[0]!)} ${pick(rand, country.words[1]!)} ${city} ${k + 1}`;
        const at = isoIn(-(k % 1500) * DAY, now);
        rows.push({
          slug: `bench-org-${k + 1}`,
          kind: pick(rand, ORGANISATION_KINDS),
          name,
          name_translit: null,
          lang: country.lang,
          description: `${name}. ${pick(rand, country.words[1]!)}, ${pick(rand, country.words[1]!)}.`,
          country: country.code,
          city,
          latitude: lat + (rand() - 0.5) * 0.05,
          longitude: lon + (rand() - 0.5) * 0.05,
          links: '[]',
          email: `contact${k + 1}@example.org`,
          contact_visibility: pick(rand, ['public', 'members', 'hidden'] as const),
          founded_year: 1950 + Math.floor(rand() * 75),
          status: 'published',
          verified_at: k % 20 === 0 ? at : null,
          created_at: at,
          updated_at: at,
        });
      }
      const inserted = await trx.insertInto('organisations').values(rows).returning('id').execute();
      for (const { id } of inserted) {
        organisationIds.push(id);
        for (const d of new Set([pick(rand, DOMAINS), pick(rand, DOMAINS)]))
          facets.push({ organisation_id: id, facet: 'domain', value: d });
        facets.push({ organisation_id: id, facet: 'stage', value: pick(rand, VALUE_CHAIN_STAGES) });
        for (const l of new Set([pick(rand, LANGUAGES), 'en']))
          facets.push({ organisation_id: id, facet: 'language', value: l });
      }
      for (let f = 0; f < facets.length; f += CHUNK)
        await trx
          .insertInto('organisation_facets')
          .values(facets.slice(f, f + CHUNK))
          .execute();
    }

    for (let start = 0; start < counts.people; start += CHUNK) {
      const rows: Insertable<PeopleTable>[] = [];
      const size = Math.min(CHUNK, counts.people - start);
      for (let i = 0; i < size; i++) {
        const k = start + i;
        const country = pickCountry(rand);
        const [first, second] = [pick(rand, country.people[0]!), pick(rand, country.people[1]!)];
        const at = isoIn(-(k % 1500) * DAY, now);
        rows.push({
          slug: `bench-person-${k + 1}`,
          user_id: null,
          name: `${country.joinedNames ? `${first}${second}` : `${first} ${second}`} ${k + 1}`,
          name_translit: null,
          lang: country.lang,
          title: pick(rand, country.words[1]!),
          bio: `${pick(rand, country.words[1]!)}, ${pick(rand, country.words[1]!)}.`,
          country: country.code,
          links: '[]',
          contact_visibility: 'hidden',
          status: 'published',
          created_by: null,
          created_at: at,
          updated_at: at,
        });
      }
      const inserted = await trx.insertInto('people').values(rows).returning('id').execute();
      const facets = inserted.flatMap(({ id }) => [
        { person_id: id, facet: 'domain' as const, value: pick(rand, DOMAINS), position: 0 },
        { person_id: id, facet: 'language' as const, value: pick(rand, LANGUAGES), position: 0 },
      ]);
      await trx.insertInto('person_facets').values(facets).execute();
      if (organisationIds.length)
        await trx
          .insertInto('person_organisations')
          .values(
            inserted.map(({ id }) => ({
              person_id: id,
              organisation_id: pick(rand, organisationIds),
              role: null,
              position: 0,
            })),
          )
          .execute();
    }
  });
  await reindexAll(
    db,
    modules.flatMap((m) => m.searchProviders ?? []),
  );
}
