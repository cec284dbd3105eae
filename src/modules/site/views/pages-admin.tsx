// /admin/pages: the operator's pages and the languages each exists in; /admin/pages/<slug>: its
// title and Markdown text in each UI language (a language left empty has no page).
import { LOCALE_NAMES, LOCALES } from '../../../locales/index.ts';
import { SITE_PAGES, type SitePageSlug } from '../../../platform/site/index.ts';
import { Field, Form, type FormState, Submit, TextArea } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { PAGE_BODY_MAX, PAGE_TITLE_MAX } from '../schemas.ts';

export function PagesView({ languages }: { languages: Map<string, string[]> }) {
  const { t } = usePage();
  return (
    <div class="wrap narrow">
      <h1>{t('site.pages.title')}</h1>
      <p>{t('site.pages.intro')}</p>
      <ul>
        {SITE_PAGES.map((slug) => {
          const langs = languages.get(slug) ?? [];
          return (
            <li>
              <a href={`/admin/pages/${slug}`}>{t(`site.page.${slug}`)}</a>{' '}
              <span class="muted">
                {langs.length > 0
                  ? langs.map((l) => LOCALE_NAMES[l as keyof typeof LOCALE_NAMES] ?? l).join(', ')
                  : t('site.pages.none')}
              </span>
              {langs.length > 0 && (
                <>
                  {' · '}
                  <a href={`/${slug}`}>{t('site.pages.view')}</a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        <a href="/admin/site">{t('site.settings.title')}</a>
      </p>
    </div>
  );
}

export function PageFormView({ slug, state }: { slug: SitePageSlug; state: FormState }) {
  const { t } = usePage();
  return (
    <div class="wrap narrow">
      <p>
        <a href="/admin/pages">{t('site.pages.title')}</a>
      </p>
      <h1>{t(`site.page.${slug}`)}</h1>
      <p>{t('site.pages.formIntro')}</p>
      <Form action={`/admin/pages/${slug}`} state={state}>
        {LOCALES.map((l) => (
          <fieldset>
            <legend lang={l}>{LOCALE_NAMES[l]}</legend>
            <Field
              name={`title_${l}`}
              label="site.pages.pageTitle"
              maxlength={PAGE_TITLE_MAX}
              state={state}
            />
            <TextArea
              name={`body_${l}`}
              label="site.pages.body"
              hint="site.pages.bodyHint"
              rows={8}
              maxlength={PAGE_BODY_MAX}
              state={state}
            />
          </fieldset>
        ))}
        <Submit label="form.save" />
      </Form>
    </div>
  );
}
