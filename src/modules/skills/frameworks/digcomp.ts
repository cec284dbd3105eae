// DigComp 2.2, the European Digital Competence Framework for Citizens (Vuorikari, Kluzer and Punie,
// Joint Research Centre, 2022): 5 areas, 21 competences, 8 proficiency levels in 4 bands. The
// names are DigComp's own; the translations into the UI languages are this hub's drafts, for
// native review (admins correct them on a competence's form).
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
          title: {
            en: 'Browsing, searching and filtering data, information and digital content',
            lo: 'ການທ່ອງເບິ່ງ, ຄົ້ນຫາ ແລະ ກັ່ນຕອງຂໍ້ມູນ, ຂ່າວສານ ແລະ ເນື້ອຫາດິຈິຕອນ',
            km: 'ការរុករក ស្វែងរក និងច្រោះទិន្នន័យ ព័ត៌មាន និងមាតិកាឌីជីថល',
            th: 'การเรียกดู ค้นหา และกรองข้อมูล สารสนเทศ และเนื้อหาดิจิทัล',
            vi: 'Duyệt, tìm kiếm và lọc dữ liệu, thông tin và nội dung số',
            my: 'ဒေတာ၊ သတင်းအချက်အလက်နှင့် ဒစ်ဂျစ်တယ်အကြောင်းအရာများကို ရှာဖွေခြင်း၊ ကြည့်ရှုခြင်းနှင့် စစ်ထုတ်ခြင်း',
            'zh-Hans': '浏览、搜索和筛选数据、信息及数字内容',
          },
        },
        {
          code: '1.2',
          title: {
            en: 'Evaluating data, information and digital content',
            lo: 'ການປະເມີນຂໍ້ມູນ, ຂ່າວສານ ແລະ ເນື້ອຫາດິຈິຕອນ',
            km: 'ការវាយតម្លៃទិន្នន័យ ព័ត៌មាន និងមាតិកាឌីជីថល',
            th: 'การประเมินข้อมูล สารสนเทศ และเนื้อหาดิจิทัล',
            vi: 'Đánh giá dữ liệu, thông tin và nội dung số',
            my: 'ဒေတာ၊ သတင်းအချက်အလက်နှင့် ဒစ်ဂျစ်တယ်အကြောင်းအရာများကို အကဲဖြတ်ခြင်း',
            'zh-Hans': '评估数据、信息及数字内容',
          },
        },
        {
          code: '1.3',
          title: {
            en: 'Managing data, information and digital content',
            lo: 'ການຈັດການຂໍ້ມູນ, ຂ່າວສານ ແລະ ເນື້ອຫາດິຈິຕອນ',
            km: 'ការគ្រប់គ្រងទិន្នន័យ ព័ត៌មាន និងមាតិកាឌីជីថល',
            th: 'การจัดการข้อมูล สารสนเทศ และเนื้อหาดิจิทัล',
            vi: 'Quản lý dữ liệu, thông tin và nội dung số',
            my: 'ဒေတာ၊ သတင်းအချက်အလက်နှင့် ဒစ်ဂျစ်တယ်အကြောင်းအရာများကို စီမံခန့်ခွဲခြင်း',
            'zh-Hans': '管理数据、信息及数字内容',
          },
        },
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
        {
          code: '2.1',
          title: {
            en: 'Interacting through digital technologies',
            lo: 'ການພົວພັນຜ່ານເຕັກໂນໂລຊີດິຈິຕອນ',
            km: 'ការប្រាស្រ័យទាក់ទងតាមរយៈបច្ចេកវិទ្យាឌីជីថល',
            th: 'การมีปฏิสัมพันธ์ผ่านเทคโนโลยีดิจิทัล',
            vi: 'Tương tác qua công nghệ số',
            my: 'ဒစ်ဂျစ်တယ်နည်းပညာများမှတစ်ဆင့် ဆက်သွယ်ဆောင်ရွက်ခြင်း',
            'zh-Hans': '通过数字技术进行互动',
          },
        },
        {
          code: '2.2',
          title: {
            en: 'Sharing through digital technologies',
            lo: 'ການແບ່ງປັນຜ່ານເຕັກໂນໂລຊີດິຈິຕອນ',
            km: 'ការចែករំលែកតាមរយៈបច្ចេកវិទ្យាឌីជីថល',
            th: 'การแบ่งปันผ่านเทคโนโลยีดิจิทัล',
            vi: 'Chia sẻ qua công nghệ số',
            my: 'ဒစ်ဂျစ်တယ်နည်းပညာများမှတစ်ဆင့် မျှဝေခြင်း',
            'zh-Hans': '通过数字技术进行分享',
          },
        },
        {
          code: '2.3',
          title: {
            en: 'Engaging in citizenship through digital technologies',
            lo: 'ການມີສ່ວນຮ່ວມໃນຖານະພົນລະເມືອງຜ່ານເຕັກໂນໂລຊີດິຈິຕອນ',
            km: 'ការចូលរួមជាពលរដ្ឋតាមរយៈបច្ចេកវិទ្យាឌីជីថល',
            th: 'การมีส่วนร่วมในฐานะพลเมืองผ่านเทคโนโลยีดิจิทัล',
            vi: 'Tham gia với tư cách công dân qua công nghệ số',
            my: 'ဒစ်ဂျစ်တယ်နည်းပညာများမှတစ်ဆင့် နိုင်ငံသားအဖြစ် ပါဝင်ဆောင်ရွက်ခြင်း',
            'zh-Hans': '通过数字技术参与公民事务',
          },
        },
        {
          code: '2.4',
          title: {
            en: 'Collaborating through digital technologies',
            lo: 'ການຮ່ວມມືກັນຜ່ານເຕັກໂນໂລຊີດິຈິຕອນ',
            km: 'កិច្ចសហការតាមរយៈបច្ចេកវិទ្យាឌីជីថល',
            th: 'การทำงานร่วมกันผ่านเทคโนโลยีดิจิทัล',
            vi: 'Hợp tác qua công nghệ số',
            my: 'ဒစ်ဂျစ်တယ်နည်းပညာများမှတစ်ဆင့် ပူးပေါင်းဆောင်ရွက်ခြင်း',
            'zh-Hans': '通过数字技术进行协作',
          },
        },
        {
          code: '2.5',
          title: {
            en: 'Netiquette',
            lo: 'ມາລະຍາດໃນການໃຊ້ອິນເຕີເນັດ',
            km: 'ក្រមសីលធម៌លើអ៊ីនធឺណិត',
            th: 'มารยาทในการใช้อินเทอร์เน็ต',
            vi: 'Phép lịch sự trên mạng',
            my: 'အင်တာနက်သုံး ယဉ်ကျေးမှု',
            'zh-Hans': '网络礼仪',
          },
        },
        {
          code: '2.6',
          title: {
            en: 'Managing digital identity',
            lo: 'ການຈັດການຕົວຕົນດິຈິຕອນ',
            km: 'ការគ្រប់គ្រងអត្តសញ្ញាណឌីជីថល',
            th: 'การจัดการอัตลักษณ์ดิจิทัล',
            vi: 'Quản lý danh tính số',
            my: 'ဒစ်ဂျစ်တယ် ကိုယ်ပိုင်အထောက်အထား စီမံခန့်ခွဲခြင်း',
            'zh-Hans': '管理数字身份',
          },
        },
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
        {
          code: '3.1',
          title: {
            en: 'Developing digital content',
            lo: 'ການພັດທະນາເນື້ອຫາດິຈິຕອນ',
            km: 'ការអភិវឌ្ឍមាតិកាឌីជីថល',
            th: 'การพัฒนาเนื้อหาดิจิทัล',
            vi: 'Phát triển nội dung số',
            my: 'ဒစ်ဂျစ်တယ်အကြောင်းအရာ ဖော်ဆောင်ခြင်း',
            'zh-Hans': '开发数字内容',
          },
        },
        {
          code: '3.2',
          title: {
            en: 'Integrating and re-elaborating digital content',
            lo: 'ການເຊື່ອມໂຍງ ແລະ ປັບປຸງເນື້ອຫາດິຈິຕອນຄືນໃໝ່',
            km: 'ការបញ្ចូលគ្នា និងកែសម្រួលឡើងវិញនូវមាតិកាឌីជីថល',
            th: 'การบูรณาการและปรับปรุงเนื้อหาดิจิทัล',
            vi: 'Tích hợp và biên soạn lại nội dung số',
            my: 'ဒစ်ဂျစ်တယ်အကြောင်းအရာများကို ပေါင်းစပ်ခြင်းနှင့် ပြန်လည်ပြုပြင်ခြင်း',
            'zh-Hans': '整合与再加工数字内容',
          },
        },
        {
          code: '3.3',
          title: {
            en: 'Copyright and licences',
            lo: 'ລິຂະສິດ ແລະ ໃບອະນຸຍາດ',
            km: 'រក្សាសិទ្ធិ និងអាជ្ញាប័ណ្ណ',
            th: 'ลิขสิทธิ์และสัญญาอนุญาต',
            vi: 'Bản quyền và giấy phép',
            my: 'မူပိုင်ခွင့်နှင့် လိုင်စင်များ',
            'zh-Hans': '版权与许可',
          },
        },
        {
          code: '3.4',
          title: {
            en: 'Programming',
            lo: 'ການຂຽນໂປຣແກຣມ',
            km: 'ការសរសេរកម្មវិធី',
            th: 'การเขียนโปรแกรม',
            vi: 'Lập trình',
            my: 'ပရိုဂရမ်ရေးသားခြင်း',
            'zh-Hans': '编程',
          },
        },
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
        {
          code: '4.1',
          title: {
            en: 'Protecting devices',
            lo: 'ການປົກປ້ອງອຸປະກອນ',
            km: 'ការការពារឧបករណ៍',
            th: 'การปกป้องอุปกรณ์',
            vi: 'Bảo vệ thiết bị',
            my: 'စက်ပစ္စည်းများကို ကာကွယ်ခြင်း',
            'zh-Hans': '保护设备',
          },
        },
        {
          code: '4.2',
          title: {
            en: 'Protecting personal data and privacy',
            lo: 'ການປົກປ້ອງຂໍ້ມູນສ່ວນບຸກຄົນ ແລະ ຄວາມເປັນສ່ວນຕົວ',
            km: 'ការការពារទិន្នន័យផ្ទាល់ខ្លួន និងឯកជនភាព',
            th: 'การปกป้องข้อมูลส่วนบุคคลและความเป็นส่วนตัว',
            vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư',
            my: 'ကိုယ်ရေးဒေတာနှင့် ကိုယ်ရေးလုံခြုံမှုကို ကာကွယ်ခြင်း',
            'zh-Hans': '保护个人数据与隐私',
          },
        },
        {
          code: '4.3',
          title: {
            en: 'Protecting health and well-being',
            lo: 'ການປົກປ້ອງສຸຂະພາບ ແລະ ຄວາມເປັນຢູ່ທີ່ດີ',
            km: 'ការការពារសុខភាព និងសុខុមាលភាព',
            th: 'การปกป้องสุขภาพและความเป็นอยู่ที่ดี',
            vi: 'Bảo vệ sức khỏe và an sinh',
            my: 'ကျန်းမာရေးနှင့် သုခချမ်းသာကို ကာကွယ်ခြင်း',
            'zh-Hans': '保护健康与福祉',
          },
        },
        {
          code: '4.4',
          title: {
            en: 'Protecting the environment',
            lo: 'ການປົກປ້ອງສິ່ງແວດລ້ອມ',
            km: 'ការការពារបរិស្ថាន',
            th: 'การปกป้องสิ่งแวดล้อม',
            vi: 'Bảo vệ môi trường',
            my: 'ပတ်ဝန်းကျင်ကို ကာကွယ်ခြင်း',
            'zh-Hans': '保护环境',
          },
        },
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
        {
          code: '5.1',
          title: {
            en: 'Solving technical problems',
            lo: 'ການແກ້ໄຂບັນຫາດ້ານເຕັກນິກ',
            km: 'ការដោះស្រាយបញ្ហាបច្ចេកទេស',
            th: 'การแก้ปัญหาทางเทคนิค',
            vi: 'Giải quyết vấn đề kỹ thuật',
            my: 'နည်းပညာဆိုင်ရာ ပြဿနာများ ဖြေရှင်းခြင်း',
            'zh-Hans': '解决技术问题',
          },
        },
        {
          code: '5.2',
          title: {
            en: 'Identifying needs and technological responses',
            lo: 'ການກຳນົດຄວາມຕ້ອງການ ແລະ ການຕອບສະໜອງທາງເຕັກໂນໂລຊີ',
            km: 'ការកំណត់តម្រូវការ និងដំណោះស្រាយបច្ចេកវិទ្យា',
            th: 'การระบุความต้องการและการตอบสนองทางเทคโนโลยี',
            vi: 'Xác định nhu cầu và giải pháp công nghệ',
            my: 'လိုအပ်ချက်များနှင့် နည်းပညာဆိုင်ရာ တုံ့ပြန်မှုများကို ဖော်ထုတ်ခြင်း',
            'zh-Hans': '识别需求与技术应对',
          },
        },
        {
          code: '5.3',
          title: {
            en: 'Creatively using digital technologies',
            lo: 'ການນຳໃຊ້ເຕັກໂນໂລຊີດິຈິຕອນຢ່າງສ້າງສັນ',
            km: 'ការប្រើប្រាស់បច្ចេកវិទ្យាឌីជីថលប្រកបដោយការច្នៃប្រឌិត',
            th: 'การใช้เทคโนโลยีดิจิทัลอย่างสร้างสรรค์',
            vi: 'Sử dụng sáng tạo công nghệ số',
            my: 'ဒစ်ဂျစ်တယ်နည်းပညာများကို ဖန်တီးမှုရှိရှိ အသုံးပြုခြင်း',
            'zh-Hans': '创造性地使用数字技术',
          },
        },
        {
          code: '5.4',
          title: {
            en: 'Identifying digital competence gaps',
            lo: 'ການກຳນົດຊ່ອງຫວ່າງດ້ານຄວາມສາມາດດິຈິຕອນ',
            km: 'ការកំណត់គម្លាតសមត្ថភាពឌីជីថល',
            th: 'การระบุช่องว่างด้านสมรรถนะดิจิทัล',
            vi: 'Xác định khoảng trống năng lực số',
            my: 'ဒစ်ဂျစ်တယ်အရည်အချင်း ကွာဟချက်များကို ဖော်ထုတ်ခြင်း',
            'zh-Hans': '识别数字能力差距',
          },
        },
      ],
    },
  ],
  roles: [],
};
