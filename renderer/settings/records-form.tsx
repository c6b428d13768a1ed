import { useRef, useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { CallInput } from '../../shared/contract/index.js';
import type { SiteSettings } from '../../shared/domain/site.js';
import type { RetentionPreview } from '../../shared/domain/stats.js';
import { useApi } from '../api/api-context.js';
import { ConfirmWithPin } from '../components/confirm-with-pin.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { SaveButton } from './save-button.js';
import { SavedNotice } from './saved-notice.js';
import { useSaveSettings } from './use-save-settings.js';
import { wholeNumberFrom } from './whole-number.js';

const form = 'settings-records';
const t = text.settings.records;
const labels: Record<string, string> = { retentionDays: t.visits, statsRetentionDays: t.stats, auditRetentionDays: t.audit };

type RecordsInput = Pick<CallInput<'updateSettings'>, 'retentionDays' | 'statsRetentionDays' | 'auditRetentionDays'>;

function cutoffText(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat(text.locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at);
}

/**
 * How long visits, statistics and the audit log are kept. Shortening visit retention deletes
 * visits at the next purge, so it first says how many (`previewRetention`, which changes
 * nothing) and then asks for the manager's PIN; the save carries it. Lengthening asks nothing.
 */
export function RecordsForm({ settings }: { settings: SiteSettings }) {
  const api = useApi();
  const save = useSaveSettings();
  const [visits, setVisits] = useState(String(settings.retentionDays));
  const [stats, setStats] = useState(String(settings.statsRetentionDays));
  const [audit, setAudit] = useState(String(settings.auditRetentionDays));
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState<{ input: RecordsInput; preview: RetentionPreview } | null>(null);
  const saveButton = useRef<HTMLDivElement>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  function done(result: SiteSettings) {
    setVisits(String(result.retentionDays));
    setStats(String(result.statsRetentionDays));
    setAudit(String(result.auditRetentionDays));
    setPending(null);
    setSaved(t.saved);
  }

  const input: RecordsInput = {
    retentionDays: wholeNumberFrom(visits),
    statsRetentionDays: wholeNumberFrom(stats),
    auditRetentionDays: wholeNumberFrom(audit),
  };
  const send = (event: FormEvent) => {
    setSaved(null);
    setPending(null);
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      // Past the checks: what an earlier attempt refused is no longer true.
      clearErrors();
      if (input.retentionDays !== undefined && input.retentionDays < settings.retentionDays) {
        const preview = await api.previewRetention({ retentionDays: input.retentionDays });
        setPending({ input, preview });
        return;
      }
      done(await save(input));
    });
  };

  function cancel() {
    setPending(null);
    saveButton.current?.querySelector('button')?.focus();
  }

  // A change after the preview makes its count stale: the manager saves again to see the new one.
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setPending(null);
  };
  const id = (key: string) => fieldId(form, key);
  const number = { inputMode: 'numeric' as const, autoComplete: 'off', className: 'input--number' };
  return (
    <>
      <form className="form settings-form" noValidate onSubmit={send} aria-label={t.heading}>
        <p className="hint">{t.intro}</p>
        <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
        <TextField id={id('retentionDays')} label={t.visits} hint={t.visitsHint} error={errors.fields.retentionDays} value={visits} onValue={edit(setVisits)} {...number} />
        <TextField id={id('statsRetentionDays')} label={t.stats} hint={t.statsHint} error={errors.fields.statsRetentionDays} value={stats} onValue={edit(setStats)} {...number} />
        <TextField id={id('auditRetentionDays')} label={t.audit} hint={t.auditHint} error={errors.fields.auditRetentionDays} value={audit} onValue={edit(setAudit)} {...number} />
        <div ref={saveButton}>
          <SaveButton busy={busy} />
        </div>
        <SavedNotice message={saved} />
      </form>
      {pending !== null && (
        <div className="settings-confirm">
          <p className="notice notice--warning" role="alert" id={`${form}-preview`}>
            {t.preview(pending.preview.visitsToDelete, cutoffText(pending.preview.cutoff, settings.timeZone))}
          </p>
          <ConfirmWithPin
            form={`${form}-confirm`}
            title={t.confirmTitle}
            confirmLabel={t.confirm}
            onConfirm={async (managerPin) => done(await save({ ...pending.input, managerPin }))}
            onCancel={cancel}
          />
        </div>
      )}
    </>
  );
}
