// /admin/site: the hub's names and taglines in each UI language, the logo, the accent colour, the
// default language and time zone, the contact address and the footer's links.
import { LOCALE_NAMES, LOCALES } from '../../../locales/index.ts';
import type { ImageInfo } from '../../../platform/attached-images.ts';
import { fieldValue } from '../../../platform/http/forms.ts';
import { IMAGE_ACCEPT } from '../../../platform/images.ts';
import {
  Checkbox,
  Field,
  FileField,
  Form,
  type FormState,
  SelectField,
  Submit,
} from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { FOOTER_LINKS_MAX, NAME_MAX, PER_LOCALE, SHORT_NAME_MAX, TAGLINE_MAX } from '../schemas.ts';

const GROUPS = {
  names: { legend: 'site.settings.names', max: NAME_MAX },
  shortNames: { legend: 'site.settings.shortNames', max: SHORT_NAME_MAX },
  taglines: { legend: 'site.settings.taglines', max: TAGLINE_MAX },
} as const;

export function SiteSettingsView({ state, logo }: { state: FormState; logo: ImageInfo | undefined }) {
  const { t } = usePage();
  return (
    <div class="wrap narrow">
      <h1>{t('site.settings.title')}</h1>
      <p>{t('site.settings.intro')}</p>
      <p>
        <a href="/admin/pages">{t('site.pages.title')}</a>
      </p>
      <Form action="/admin/site" state={state} enctype="multipart/form-data">
        {PER_LOCALE.map((group) => (
          <PerLocaleFields group={group} state={state} />
        ))}
        <fieldset>
          <legend>{t('site.settings.look')}</legend>
          <Field
            name="accent"
            label="site.settings.accent"
            hint="site.settings.accentHint"
            maxlength={7}
            autocomplete="off"
            state={state}
          />
          {logo && (
            <p>
              <img
                src={`/site/logo.webp?v=${logo.version}&size=thumb`}
                alt={t('site.settings.currentLogo')}
                height={64}
              />
            </p>
          )}
          <FileField
            name="logo"
            label="site.settings.logo"
            hint="site.settings.logoHint"
            accept={IMAGE_ACCEPT}
            state={state}
          />
          {logo && <Checkbox name="removeLogo" label="site.settings.removeLogo" state={state} />}
        </fieldset>
        <fieldset>
          <legend>{t('site.settings.defaults')}</legend>
          <SelectField
            name="defaultLanguage"
            label="site.settings.defaultLanguage"
            blank="site.settings.fromConfiguration"
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
            state={state}
          />
          <Field
            name="timeZone"
            label="site.settings.timeZone"
            hint="site.settings.timeZoneHint"
            maxlength={60}
            state={state}
          />
          <Field
            name="contactEmail"
            type="email"
            label="site.settings.contactEmail"
            maxlength={200}
            state={state}
          />
        </fieldset>
        <FooterLinkRows state={state} />
        <Submit label="form.save" />
      </Form>
    </div>
  );
}

/**
 * One text in each UI language. The name is open; the short name and the tagline are folded (a
 * long form on a phone) unless they hold something or a message.
 */
function PerLocaleFields({ group, state }: { group: (typeof PER_LOCALE)[number]; state: FormState }) {
  const { t } = usePage();
  // The schema checks a group as one value (`names: { lo: … }`): its message is the group's.
  const error = state.errors?.[group];
  const fields = (
    <>
      {error && <p class="field-error">{t(error)}</p>}
      {LOCALES.map((l) => (
        <Field
          name={`${group}_${l}`}
          label={{ text: LOCALE_NAMES[l], lang: l }}
          maxlength={GROUPS[group].max}
          state={state}
        />
      ))}
    </>
  );
  if (group === 'names')
    return (
      <fieldset>
        <legend>{t(GROUPS[group].legend)}</legend>
        {fields}
      </fieldset>
    );
  const names = LOCALES.map((l) => `${group}_${l}`);
  const open = names.some(
    (n) => fieldValue(state.values, n) !== '' || state.errors?.[n] || state.errors?.[group],
  );
  return (
    <details open={open}>
      <summary>{t(GROUPS[group].legend)}</summary>
      <fieldset>
        <legend class="visually-hidden">{t(GROUPS[group].legend)}</legend>
        {fields}
      </fieldset>
    </details>
  );
}

/** The footer's links: a label and an address per row, a few empty rows to add more. */
function FooterLinkRows({ state }: { state: FormState }) {
  const { t } = usePage();
  const labels = [state.values?.link_label ?? []].flat();
  const urls = [state.values?.link_url ?? []].flat();
  const error = state.errors?.footerLinks;
  return (
    <fieldset
      class={error ? 'invalid' : undefined}
      aria-describedby={error ? 'footer-links-error' : undefined}
    >
      <legend>{t('site.settings.footerLinks')}</legend>
      <p class="hint">{t('site.settings.footerLinksHint', { max: FOOTER_LINKS_MAX })}</p>
      {error && (
        <p class="field-error" id="footer-links-error">
          {t(error)}
        </p>
      )}
      {Array.from({ length: FOOTER_LINKS_MAX }, (_, i) => (
        <div class="field">
          <label for={`link-label-${i}`}>{t('site.settings.linkLabel', { n: i + 1 })}</label>
          <input
            id={`link-label-${i}`}
            name="link_label"
            type="text"
            maxlength={60}
            value={labels[i] ?? ''}
          />
          <label for={`link-url-${i}`}>{t('site.settings.linkUrl', { n: i + 1 })}</label>
          <input
            id={`link-url-${i}`}
            name="link_url"
            type="text"
            inputmode="url"
            maxlength={500}
            value={urls[i] ?? ''}
          />
        </div>
      ))}
    </fieldset>
  );
}
