// Demo content: an about page and a privacy notice in English and Vietnamese, which an operator
// replaces with their own on /admin/pages. The settings stay empty: the hub is named by SITE_NAME
// until its administrator names it.
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { saveSitePage } from './actions.ts';

const ABOUT = {
  en: {
    title: 'About this hub',
    body: `This hub connects the people and organisations of the cultural and creative industries of Southeast Asia: artists, artisans, creative hubs, associations, civil society and the public officials who work with them.

## What you find here

- **Who is who**: a directory of practitioners, organisations and creative hubs.
- **What rules apply**: laws, policies, studies and training material in the library.
- **What is happening**: news, events, workshops and policy dialogues.

It supports the work on the UNESCO 2005 Convention on the Protection and Promotion of the Diversity of Cultural Expressions, and its quadrennial periodic reports.

Anyone may read; members may add their organisation, their events and their news.`,
  },
  vi: {
    title: 'Giới thiệu',
    body: `Trung tâm này kết nối con người và tổ chức trong các ngành công nghiệp văn hóa và sáng tạo ở Đông Nam Á: nghệ sĩ, nghệ nhân, các không gian sáng tạo, hiệp hội, xã hội dân sự và cán bộ nhà nước làm việc cùng họ.

## Bạn tìm thấy gì ở đây

- **Ai là ai**: danh bạ người hành nghề, tổ chức và không gian sáng tạo.
- **Quy định nào áp dụng**: luật, chính sách, nghiên cứu và tài liệu đào tạo trong thư viện.
- **Điều gì đang diễn ra**: tin tức, sự kiện, hội thảo và đối thoại chính sách.

Trung tâm hỗ trợ việc thực hiện Công ước UNESCO 2005 về Bảo vệ và Phát huy sự Đa dạng của các Biểu đạt Văn hóa và các báo cáo định kỳ bốn năm.

Ai cũng có thể đọc; thành viên có thể thêm tổ chức, sự kiện và tin tức của mình.`,
  },
};

const PRIVACY = {
  en: {
    title: 'Privacy notice',
    body: `We keep what you give us to run your account and what you publish: your name, your email address, your language and time zone, and the records you add.

- Your email address is never shown to other members and never sold or shared.
- We send you mail about your account, and notifications only if you ask for them.
- Pages you read are not tracked; the hub sets only the cookies it needs (your session and your language).
- You can download everything the hub holds about you from your account page, and ask an administrator to delete your account.

Questions: write to the contact address at the bottom of every page.`,
  },
  vi: {
    title: 'Chính sách quyền riêng tư',
    body: `Chúng tôi chỉ lưu những gì bạn cung cấp để vận hành tài khoản và nội dung bạn đăng: tên, địa chỉ email, ngôn ngữ, múi giờ và các hồ sơ bạn thêm vào.

- Địa chỉ email của bạn không bao giờ được hiển thị cho thành viên khác, không bị bán hay chia sẻ.
- Chúng tôi gửi thư về tài khoản của bạn, và chỉ gửi thông báo khi bạn yêu cầu.
- Các trang bạn đọc không bị theo dõi; trang chỉ dùng những cookie cần thiết (phiên đăng nhập và ngôn ngữ).
- Bạn có thể tải về mọi dữ liệu của mình từ trang tài khoản và yêu cầu quản trị viên xóa tài khoản.

Nếu có câu hỏi, hãy viết tới địa chỉ liên hệ ở cuối mỗi trang.`,
  },
};

export async function seedSite({ deps }: SeedContext): Promise<void> {
  const ctx = systemContext(deps, 'seed');
  await saveSitePage(ctx, 'about', { translations: ABOUT });
  await saveSitePage(ctx, 'privacy', { translations: PRIVACY });
}
