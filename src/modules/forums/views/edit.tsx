// A post's edit page: its text (and, for the opening post, the thread's title) in a form that
// comes back with the draft when refused, and, folded away below, deleting it — when the reader
// may (an opening post with replies stays: a moderator hides it instead).
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { Field, Form, type FormState, TextArea } from '../../../ui/components/form.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { MAX_POST } from '../vocab.ts';
import { Honeypot } from './forms.tsx';

export function EditPostView(props: {
  postId: number;
  threadId: number;
  threadTitle: string;
  opening: boolean;
  mayDelete: boolean;
  state: FormState;
  wait?: number;
}) {
  const { t, fmt } = usePage();
  const { state } = props;
  return (
    <div class="wrap stack narrow">
      <p>
        <a href={`/forum/p/${props.postId}`}>{props.threadTitle}</a>
      </p>
      <h1>{t('forums.editPost')}</h1>
      <Form action={`/forum/p/${props.postId}/edit`} state={state}>
        {props.wait ? (
          <p class="notice error" role="alert">
            {t('forums.waitSeconds', { seconds: fmt.number(props.wait) })}
          </p>
        ) : null}
        {props.opening && (
          <Field name="title" label="forums.threadTitle" state={state} required maxlength={300} />
        )}
        <TextArea
          name="body"
          label="forums.body"
          hint="forums.markdownHint"
          rows={12}
          maxlength={MAX_POST}
          state={state}
          required
        />
        <Honeypot />
        <button type="submit" class="button">
          {t('forums.saveEdit')}
        </button>
      </Form>
      {props.mayDelete ? (
        <DangerZone
          summary={t('forums.deletePost')}
          action={`/forum/p/${props.postId}/delete`}
          warning={t(props.opening ? 'forums.deleteThreadWarning' : 'forums.deletePostWarning')}
          confirm={t('forums.deleteConfirm')}
        />
      ) : (
        props.opening && <p class="hint">{t('forums.cannotDeleteOpening')}</p>
      )}
    </div>
  );
}
