// The honeypot of a form (platform/http/honeypot.ts): visually hidden and out of the tab order, with a
// label that tells anyone who meets it anyway (a screen reader) to leave it empty.
import { HONEYPOT_FIELD } from '../../platform/http/honeypot.ts';
import { usePage } from '../page-context.ts';

export function HoneypotField({ id = `f-${HONEYPOT_FIELD}` }: { id?: string }) {
  const { t } = usePage();
  return (
    <p class="visually-hidden">
      <label for={id}>{t('form.honeypotLabel')}</label>
      <input id={id} type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
    </p>
  );
}
