// The honeypot of a form (platform/http/honeypot.ts): off screen and out of the tab order, with a
// label that tells anyone who meets it anyway (a screen reader) to leave it empty.
import { HONEYPOT_FIELD } from '../../platform/http/honeypot.ts';
import { usePage } from '../page-context.ts';

export function HoneypotField() {
  const { t } = usePage();
  return (
    <p class="honeypot">
      <label for={`f-${HONEYPOT_FIELD}`}>{t('form.honeypotLabel')}</label>
      <input id={`f-${HONEYPOT_FIELD}`} type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
    </p>
  );
}
