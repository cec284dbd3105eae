// A destructive action (delete a record, remove a file) folded away under its own summary, so it is
// never clicked by mistake: opened, it says what will happen and posts the form with the CSRF token.
import { CsrfField } from './form.tsx';

export function DangerZone(props: {
  /** What the folded line says ("Delete this document"). */
  summary: string;
  /** Where the form posts. */
  action: string;
  /** What will happen, said before the button. */
  warning: string;
  /** The button's label ("Delete"). */
  confirm: string;
  /** Left out of the printed page. */
  noPrint?: boolean;
}) {
  return (
    <details class={props.noPrint ? 'danger-zone no-print' : 'danger-zone'}>
      <summary>{props.summary}</summary>
      <form method="post" action={props.action}>
        <CsrfField />
        <p>{props.warning}</p>
        <button type="submit" class="button danger">
          {props.confirm}
        </button>
      </form>
    </details>
  );
}
