// What the news module hands to the moderation queue: posts and comments can be reported by anyone
// signed in who can see them. A report names a post by its slug and a comment by its number.
import type { ModerationHooks } from '../../platform/context.ts';
import { excerpt } from '../../platform/markdown.ts';
import { NUMBER_KEY, reportableAt } from '../../platform/reportables.ts';
import { getComment, getPost, getPostById, visibleTo } from './access.ts';

export const newsModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'post',
      label: 'news.reportablePost',
      path: '/news/',
      async find(db, slug, viewer) {
        const post = await getPost(db, slug);
        return post && (await visibleTo(db, post, viewer)) ? post : null;
      },
      title: (post) => post.title,
      keyOf: (post) => post.slug,
    }),
    {
      type: 'post-comment',
      label: 'news.reportableComment',
      async find(db, key, viewer) {
        if (!NUMBER_KEY.test(key)) return null;
        const comment = await getComment(db, Number(key));
        // A hidden comment has been dealt with already; it is not offered for reporting again.
        if (!comment || comment.hidden_at) return null;
        const post = await getPostById(db, comment.post_id);
        if (!post || !(await visibleTo(db, post, viewer))) return null;
        return {
          title: `${post.title}: ${excerpt(comment.body, 80)}`,
          url: `/news/${post.slug}#comment-${comment.id}`,
        };
      },
      // The comment's own page is its post's; the report keeps the number, the URL finds the post.
      urlOf: (key) => `/news/comments/${encodeURIComponent(key)}`,
    },
  ],
};
