import { useCallback, useRef, useState, type FormEvent } from 'react';
import { focusWhenDrawn } from '../components/focus-when-drawn.js';
import { reportCalls } from '../../shared/contract/report-calls.js';
import type { CallInput } from '../../shared/contract/index.js';
import type { AuditEntry } from '../../shared/domain/stats.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import type { StaffNames } from './staff-names.js';
import { PagedState } from './paged-state.js';
import { usePaged } from './use-paged.js';
import { zoned } from './zoned-time.js';

const form = 'privacy-audit';
const t = text.privacy.audit;
const labels: Record<string, string> = { staffId: t.staff, action: t.action, from: t.from, to: t.to };
const pageSize = 25;

type Filters = Omit<CallInput<'listAudit'>, 'limit' | 'beforeId'>;

/** The actions to filter by, in plain words, alphabetically: an action the log holds but this list lacks still shows, by its code. */
const actionOptions = Object.entries(t.actions)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, text.locale));

export function actionLabel(action: string): string {
  return t.actions[action] ?? action;
}

/** The record an entry concerns: a member of staff by name (staff are not the visitors the log keeps nameless), anything else by its kind and id. */
function recordOf(entry: AuditEntry, staffNames: StaffNames): string {
  if (entry.targetType === null) return t.noRecord;
  if (entry.targetType === 'staff' && entry.targetId !== null) return staffNames.of(entry.targetId);
  return t.record(t.targets[entry.targetType] ?? entry.targetType, entry.targetId);
}

function filtersFrom(draft: { staffId: string; action: string; from: string; to: string }): Filters {
  const filters: Filters = {};
  if (draft.staffId !== '') filters.staffId = Number(draft.staffId);
  if (draft.action !== '') filters.action = draft.action;
  if (draft.from !== '') filters.from = draft.from;
  if (draft.to !== '') filters.to = draft.to;
  return filters;
}

/**
 * The audit log, newest first, a page at a time ("Older entries"), narrowed by member of staff,
 * action and dates. Entries hold ids and codes only; names come from the staff list.
 */
export function AuditLog({ timeZone, version, staffNames }: { timeZone: string; version: number; staffNames: StaffNames }) {
  const api = useApi();
  const [draft, setDraft] = useState({ staffId: '', action: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>({});
  const { errors, attempt, submit, clearErrors } = useFormAttempt();
  const table = useRef<HTMLTableSectionElement>(null);

  // `version` is in the dependencies so that the log is read again after an erasure.
  const load = useCallback(
    (beforeId: number | undefined) => api.listAudit({ ...filters, limit: pageSize, ...(beforeId === undefined ? {} : { beforeId }) }),
    [api, filters, version],
  );
  const { items, more, busy, problem, older } = usePaged<AuditEntry>(load, pageSize);

  const apply = (event: FormEvent) => {
    const next = filtersFrom(draft);
    return submit(event, reportCalls.listAudit.input.safeParse(next), async () => {
      clearErrors();
      setFilters(next);
    });
  };

  async function showOlder() {
    const shown = items?.length ?? 0;
    const page = await older();
    // Focus the first entry that arrived, so the keyboard carries on from there.
    if (page.length > 0) focusWhenDrawn(() => table.current?.querySelectorAll<HTMLElement>('tr')[shown]);
  }

  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (key: string) => fieldId(form, key);
  return (
    <>
      <form className="form form--panel privacy-audit__filters" noValidate onSubmit={apply} aria-labelledby={`${form}-title`}>
        <h4 className="form__title" id={`${form}-title`}>
          {t.filters}
        </h4>
        <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
        <div className="privacy-audit__row">
          <SelectField
            id={id('staffId')}
            label={t.staff}
            error={errors.fields.staffId}
            value={draft.staffId}
            options={[{ value: '', label: t.anyStaff }, ...staffNames.staff.map((m) => ({ value: String(m.id), label: m.name }))]}
            onValue={set('staffId')}
          />
          <SelectField id={id('action')} label={t.action} error={errors.fields.action} value={draft.action} options={[{ value: '', label: t.anyAction }, ...actionOptions]} onValue={set('action')} />
          <TextField id={id('from')} label={t.from} type="date" error={errors.fields.from} value={draft.from} onValue={set('from')} className="input--date" />
          <TextField id={id('to')} label={t.to} type="date" error={errors.fields.to} value={draft.to} onValue={set('to')} className="input--date" />
          <div className="privacy-audit__submit">
            <button type="submit" className="button">
              {t.apply}
            </button>
          </div>
        </div>
      </form>
      <PagedState problem={problem} items={items} none={t.none}>
        {(entries) => (
          <table className="table privacy-audit" aria-busy={busy || undefined}>
            <caption className="table__caption">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.at}</th>
                <th scope="col">{t.columns.who}</th>
                <th scope="col">{t.columns.action}</th>
                <th scope="col">{t.columns.record}</th>
                <th scope="col">{t.columns.outcome}</th>
              </tr>
            </thead>
            <tbody ref={table}>
              {entries.map((entry) => (
                <tr key={entry.id} tabIndex={-1} data-action={entry.action}>
                  <td className="privacy-table__when">{zoned(entry.at, timeZone)}</td>
                  <td>{staffNames.of(entry.staffId)}</td>
                  <td>{actionLabel(entry.action)}</td>
                  <td>{recordOf(entry, staffNames)}</td>
                  <td className={entry.outcome === 'ok' ? undefined : 'privacy-audit__refused'}>{t.outcomes[entry.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedState>
      {items !== null && items.length > 0 && (more ? (
        <button type="button" className="button button--secondary button--small" aria-disabled={busy || undefined} onClick={() => void showOlder()}>
          {t.older}
        </button>
      ) : (
        <p className="hint">{t.end}</p>
      ))}
    </>
  );
}
