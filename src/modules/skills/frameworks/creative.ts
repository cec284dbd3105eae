// The creative-sector extension of DigComp 2.2: seven competences the cultural and creative
// industries of the region need beyond DigComp (selling and being found online, rights, streaming,
// audiences, production, heritage documentation), and the role profiles: the level each role
// needs per competence. The levels are this hub's starting proposal, for the admins to adjust to
// their programme (Skills → Frameworks → a role); they are not DigComp's.
import type { FrameworkData } from './types.ts';

export const CREATIVE_EXTENSION: FrameworkData = {
  slug: 'digcomp-2-2-creative',
  version: '1.0',
  title: 'DigComp 2.2 + creative sector',
  description:
    'DigComp 2.2 with seven competences of the cultural and creative industries, and the levels four roles of the sector need.',
  source: 'https://whc.unesco.org/en/creative-economy',
  extends: 'digcomp-2-2',
  levels: [],
  areas: [
    {
      code: 'C',
      title: {
        en: 'Creative sector',
        lo: 'ຂະແໜງການສ້າງສັນ',
        km: 'វិស័យច្នៃប្រឌិត',
        th: 'ภาคส่วนสร้างสรรค์',
        vi: 'Lĩnh vực sáng tạo',
        my: 'ဖန်တီးမှုကဏ္ဍ',
        'zh-Hans': '创意产业',
      },
      competences: [
        {
          code: 'C.1',
          title: {
            en: 'Online sales and e-commerce',
            lo: 'ການຂາຍອອນລາຍ ແລະ ການຄ້າອີເລັກໂຕຣນິກ',
            km: 'ការលក់តាមអនឡាញ និងពាណិជ្ជកម្មអេឡិចត្រូនិក',
            th: 'การขายออนไลน์และพาณิชย์อิเล็กทรอนิกส์',
            vi: 'Bán hàng trực tuyến và thương mại điện tử',
            my: 'အွန်လိုင်းရောင်းချခြင်းနှင့် အီလက်ထရောနစ်ကူးသန်းရောင်းဝယ်ရေး',
            'zh-Hans': '在线销售与电子商务',
          },
        },
        {
          code: 'C.2',
          title: {
            en: 'Digital marketing and audiences',
            lo: 'ການຕະຫຼາດດິຈິຕອນ ແລະ ຜູ້ຊົມ',
            km: 'ទីផ្សារឌីជីថល និងទស្សនិកជន',
            th: 'การตลาดดิจิทัลและผู้ชม',
            vi: 'Tiếp thị số và công chúng',
            my: 'ဒစ်ဂျစ်တယ်စျေးကွက်ရှာဖွေရေးနှင့် ပရိသတ်',
            'zh-Hans': '数字营销与受众',
          },
        },
        {
          code: 'C.3',
          title: {
            en: 'Rights and intellectual property online',
            lo: 'ສິດ ແລະ ຊັບສິນທາງປັນຍາອອນລາຍ',
            km: 'សិទ្ធិ និងកម្មសិទ្ធិបញ្ញាតាមអនឡាញ',
            th: 'สิทธิและทรัพย์สินทางปัญญาออนไลน์',
            vi: 'Quyền và sở hữu trí tuệ trực tuyến',
            my: 'အွန်လိုင်းပေါ်ရှိ အခွင့်အရေးနှင့် ဉာဏပစ္စည်း',
            'zh-Hans': '网络权利与知识产权',
          },
        },
        {
          code: 'C.4',
          title: {
            en: 'Streaming and digital distribution',
            lo: 'ການຖ່າຍທອດສົດ ແລະ ການເຜີຍແຜ່ດິຈິຕອນ',
            km: 'ការផ្សាយផ្ទាល់ និងការចែកចាយឌីជីថល',
            th: 'การสตรีมและการเผยแพร่ดิจิทัล',
            vi: 'Phát trực tuyến và phân phối số',
            my: 'စထရီမင်းနှင့် ဒစ်ဂျစ်တယ်ဖြန့်ချိခြင်း',
            'zh-Hans': '流媒体与数字发行',
          },
        },
        {
          code: 'C.5',
          title: {
            en: 'Audience data',
            lo: 'ຂໍ້ມູນຜູ້ຊົມ',
            km: 'ទិន្នន័យទស្សនិកជន',
            th: 'ข้อมูลผู้ชม',
            vi: 'Dữ liệu công chúng',
            my: 'ပရိသတ်ဒေတာ',
            'zh-Hans': '受众数据',
          },
        },
        {
          code: 'C.6',
          title: {
            en: 'Digital content production',
            lo: 'ການຜະລິດເນື້ອຫາດິຈິຕອນ',
            km: 'ការផលិតមាតិកាឌីជីថល',
            th: 'การผลิตเนื้อหาดิจิทัล',
            vi: 'Sản xuất nội dung số',
            my: 'ဒစ်ဂျစ်တယ်အကြောင်းအရာ ထုတ်လုပ်ခြင်း',
            'zh-Hans': '数字内容制作',
          },
        },
        {
          code: 'C.7',
          title: {
            en: 'Digital documentation of heritage',
            lo: 'ການບັນທຶກມໍລະດົກແບບດິຈິຕອນ',
            km: 'ការចងក្រងឯកសារបេតិកភណ្ឌជាឌីជីថល',
            th: 'การจัดทำเอกสารดิจิทัลด้านมรดก',
            vi: 'Tư liệu hóa số di sản',
            my: 'အမွေအနှစ်များကို ဒစ်ဂျစ်တယ်နည်းဖြင့် မှတ်တမ်းတင်ခြင်း',
            'zh-Hans': '遗产数字化记录',
          },
        },
      ],
    },
  ],
  roles: [
    {
      code: 'artisan',
      title: {
        en: 'Artisan',
        lo: 'ຊ່າງຫັດຖະກຳ',
        km: 'សិប្បករ',
        th: 'ช่างฝีมือ',
        vi: 'Nghệ nhân',
        my: 'လက်မှုပညာရှင်',
        'zh-Hans': '手工艺人',
      },
      base: 2,
      levels: { '2.2': 3, '3.1': 3, '3.3': 3, '4.2': 3, 'C.1': 4, 'C.2': 3, 'C.3': 3, 'C.6': 3 },
    },
    {
      code: 'performing_artist',
      title: {
        en: 'Performing artist',
        lo: 'ນັກສິລະປິນການສະແດງ',
        km: 'សិល្បករសម្តែង',
        th: 'ศิลปินการแสดง',
        vi: 'Nghệ sĩ biểu diễn',
        my: 'ဖျော်ဖြေရေးအနုပညာရှင်',
        'zh-Hans': '表演艺术家',
      },
      base: 2,
      levels: { '2.6': 3, '3.1': 4, '3.2': 3, '3.3': 3, 'C.2': 4, 'C.3': 3, 'C.4': 4, 'C.6': 4 },
    },
    {
      code: 'hub_manager',
      title: {
        en: 'Creative hub manager',
        lo: 'ຜູ້ຈັດການສູນສ້າງສັນ',
        km: 'អ្នកគ្រប់គ្រងមជ្ឈមណ្ឌលច្នៃប្រឌិត',
        th: 'ผู้จัดการศูนย์สร้างสรรค์',
        vi: 'Quản lý không gian sáng tạo',
        my: 'ဖန်တီးမှုဗဟိုဌာန မန်နေဂျာ',
        'zh-Hans': '创意中心管理者',
      },
      base: 3,
      levels: { '1.3': 4, '2.4': 5, '4.2': 4, '5.4': 4, 'C.1': 4, 'C.2': 5, 'C.3': 4, 'C.5': 4 },
    },
    {
      code: 'cultural_official',
      title: {
        en: 'Cultural official',
        lo: 'ພະນັກງານວັດທະນະທຳ',
        km: 'មន្ត្រីវប្បធម៌',
        th: 'เจ้าหน้าที่ด้านวัฒนธรรม',
        vi: 'Cán bộ văn hóa',
        my: 'ယဉ်ကျေးမှုဆိုင်ရာ အရာရှိ',
        'zh-Hans': '文化官员',
      },
      base: 3,
      levels: { '1.2': 4, '1.3': 4, '2.3': 4, '4.2': 4, 'C.3': 4, 'C.5': 3, 'C.7': 4 },
    },
  ],
};
