// DigComp 2.2, the European Digital Competence Framework for Citizens (Vuorikari, Kluzer and Punie,
// Joint Research Centre, 2022): 5 areas, 21 competences, 8 proficiency levels in 4 bands. The
// names are DigComp's own; the areas' names are translated here, the competences' in the admin's
// form (docs/skills.md says which are still missing).
import type { FrameworkData } from './types.ts';

export const DIGCOMP_22: FrameworkData = {
  slug: 'digcomp-2-2',
  version: '2.2',
  title: 'DigComp 2.2',
  description:
    'The European Digital Competence Framework for Citizens: 21 competences in 5 areas, each at 8 proficiency levels.',
  source: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
  levels: [
    { level: 1, description: 'Simple tasks, with guidance; remembering.' },
    { level: 2, description: 'Simple tasks, with autonomy and with guidance where needed; remembering.' },
    {
      level: 3,
      description: 'Well-defined and routine tasks, and straightforward problems, on my own; understanding.',
    },
    {
      level: 4,
      description:
        'Tasks, and well-defined and non-routine problems, independently and according to my needs; understanding.',
    },
    { level: 5, description: 'Different tasks and problems, guiding others; applying.' },
    {
      level: 6,
      description: 'Most appropriate tasks, able to adapt to others in a complex context; evaluating.',
    },
    {
      level: 7,
      description:
        'Resolving complex problems with limited solutions, integrating to contribute to the professional practice and to guide others; creating.',
    },
    {
      level: 8,
      description:
        'Resolving complex problems with many interacting factors, proposing new ideas and processes to the field; creating.',
    },
  ],
  areas: [
    {
      code: '1',
      title: {
        en: 'Information and data literacy',
        lo: 'ຄວາມຮູ້ດ້ານຂໍ້ມູນຂ່າວສານ ແລະ ຂໍ້ມູນ',
        km: 'អក្ខរកម្មព័ត៌មាន និងទិន្នន័យ',
        th: 'การรู้สารสนเทศและข้อมูล',
        vi: 'Hiểu biết về thông tin và dữ liệu',
        my: 'သတင်းအချက်အလက်နှင့် ဒေတာဆိုင်ရာ အသိပညာ',
        'zh-Hans': '信息和数据素养',
      },
      competences: [
        {
          code: '1.1',
          title: { en: 'Browsing, searching and filtering data, information and digital content' },
        },
        { code: '1.2', title: { en: 'Evaluating data, information and digital content' } },
        { code: '1.3', title: { en: 'Managing data, information and digital content' } },
      ],
    },
    {
      code: '2',
      title: {
        en: 'Communication and collaboration',
        lo: 'ການສື່ສານ ແລະ ການຮ່ວມມື',
        km: 'ការប្រាស្រ័យទាក់ទង និងកិច្ចសហការ',
        th: 'การสื่อสารและการทำงานร่วมกัน',
        vi: 'Giao tiếp và hợp tác',
        my: 'ဆက်သွယ်ရေးနှင့် ပူးပေါင်းဆောင်ရွက်ခြင်း',
        'zh-Hans': '沟通与协作',
      },
      competences: [
        { code: '2.1', title: { en: 'Interacting through digital technologies' } },
        { code: '2.2', title: { en: 'Sharing through digital technologies' } },
        { code: '2.3', title: { en: 'Engaging in citizenship through digital technologies' } },
        { code: '2.4', title: { en: 'Collaborating through digital technologies' } },
        { code: '2.5', title: { en: 'Netiquette' } },
        { code: '2.6', title: { en: 'Managing digital identity' } },
      ],
    },
    {
      code: '3',
      title: {
        en: 'Digital content creation',
        lo: 'ການສ້າງເນື້ອຫາດິຈິຕອນ',
        km: 'ការបង្កើតមាតិកាឌីជីថល',
        th: 'การสร้างเนื้อหาดิจิทัล',
        vi: 'Sáng tạo nội dung số',
        my: 'ဒစ်ဂျစ်တယ် အကြောင်းအရာ ဖန်တီးခြင်း',
        'zh-Hans': '数字内容创作',
      },
      competences: [
        { code: '3.1', title: { en: 'Developing digital content' } },
        { code: '3.2', title: { en: 'Integrating and re-elaborating digital content' } },
        { code: '3.3', title: { en: 'Copyright and licences' } },
        { code: '3.4', title: { en: 'Programming' } },
      ],
    },
    {
      code: '4',
      title: {
        en: 'Safety',
        lo: 'ຄວາມປອດໄພ',
        km: 'សុវត្ថិភាព',
        th: 'ความปลอดภัย',
        vi: 'An toàn',
        my: 'ဘေးကင်းလုံခြုံရေး',
        'zh-Hans': '安全',
      },
      competences: [
        { code: '4.1', title: { en: 'Protecting devices' } },
        { code: '4.2', title: { en: 'Protecting personal data and privacy' } },
        { code: '4.3', title: { en: 'Protecting health and well-being' } },
        { code: '4.4', title: { en: 'Protecting the environment' } },
      ],
    },
    {
      code: '5',
      title: {
        en: 'Problem solving',
        lo: 'ການແກ້ໄຂບັນຫາ',
        km: 'ការដោះស្រាយបញ្ហា',
        th: 'การแก้ปัญหา',
        vi: 'Giải quyết vấn đề',
        my: 'ပြဿနာဖြေရှင်းခြင်း',
        'zh-Hans': '解决问题',
      },
      competences: [
        { code: '5.1', title: { en: 'Solving technical problems' } },
        { code: '5.2', title: { en: 'Identifying needs and technological responses' } },
        { code: '5.3', title: { en: 'Creatively using digital technologies' } },
        { code: '5.4', title: { en: 'Identifying digital competence gaps' } },
      ],
    },
  ],
  roles: [],
};
