// The focal points of the countries: who, since when, the button to un-name them, and the form to
// name someone (by the email of their account).
import type { ScopedRoleHolder } from '../../../platform/scoped-roles.ts';
import { CsrfField, Field, Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { countryOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { AdminBreadcrumb, Table } from './parts.tsx';

export function FocalPointsView(props: { holders: ScopedRoleHolder[]; state: FormState }) {
  const page = usePage();
  const { t, fmt } = page;
  return (
    <div class="wrap">
      <AdminBreadcrumb />
      <h1>{t('admin.focalPoints.title')}</h1>
      <p class="lead">{t('admin.focalPoints.intro')}</p>
      {props.holders.length === 0 ? (
        <p class="muted">{t('admin.focalPoints.none')}</p>
      ) : (
        <Table head={['field.country', 'field.name', 'field.email', { hidden: 'admin.focalPoints.remove' }]}>
          {props.holders.map((h) => (
            <tr>
              <td>{fmt.country(h.scope_key)}</td>
              <td>{h.name}</td>
              <td>{h.email}</td>
              <td>
                <form method="post" action="/admin/focal-points/remove" class="inline-form">
                  <CsrfField />
                  <input type="hidden" name="country" value={h.scope_key} />
                  <input type="hidden" name="user_id" value={String(h.user_id)} />
                  <button type="submit" class="button secondary">
                    {t('admin.focalPoints.remove')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2>{t('admin.focalPoints.name')}</h2>
      <Form action="/admin/focal-points" state={props.state} requiredNote>
        <Field
          name="email"
          label="admin.focalPoints.email"
          type="email"
          required
          maxlength={254}
          state={props.state}
        />
        <SelectField
          name="country"
          label="field.country"
          options={countryOptions(page)}
          state={props.state}
        />
        <Submit label="admin.focalPoints.name" />
      </Form>
    </div>
  );
}
