// The report form: what is reported, why (one reason), and details if the reporter has any.
import type { MessageKey } from '../../../platform/i18n.ts';
import { Form, type FormState, RadioGroup, TextArea } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { REPORT_REASONS } from '../vocab.ts';

export function ReportFormView(props: {
  type: string;
  targetKey: string;
  target: { title: string; url: string };
  label: MessageKey;
  state?: FormState;
}) {
  const { t } = usePage();
  return (
    <div class="wrap narrow">
      <h1>{t('moderation.reportTitle')}</h1>
      <p>
        {t(props.label)}: <a href={props.target.url}>{props.target.title}</a>
      </p>
      <p class="hint">{t('moderation.reportIntro')}</p>
      <Form action="/report" state={props.state}>
        <input type="hidden" name="type" value={props.type} />
        <input type="hidden" name="key" value={props.targetKey} />
        <RadioGroup
          name="reason"
          label="moderation.reason"
          required
          state={props.state}
          options={REPORT_REASONS.map((r) => ({ value: r, label: t(`moderation.reason.${r}`) }))}
        />
        <TextArea
          name="message"
          label="moderation.message"
          hint="moderation.messageHint"
          rows={5}
          maxlength={2000}
          state={props.state}
        />
        <p class="actions">
          <button type="submit" class="button">
            {t('moderation.send')}
          </button>{' '}
          <a href={props.target.url}>{t('moderation.cancel')}</a>
        </p>
      </Form>
    </div>
  );
}
