import { useState, type FormEvent } from 'react';
import { adminCalls } from '../../shared/contract/admin-calls.js';
import type { SiteSettings } from '../../shared/domain/site.js';
import { paperSizes, type PaperSize } from '../../shared/paper.js';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { text } from '../i18n/text.js';
import { SavedNotice } from './saved-notice.js';
import { SaveButton } from './save-button.js';
import { ThisPcPrinting } from './this-pc-printing.js';
import { useSaveSettings } from './use-save-settings.js';
import { wholeNumberFrom } from './whole-number.js';

const form = 'settings-tickets';
const t = text.settings.tickets;
const labels: Record<string, string> = { ticketPaper: t.paper, priorityHeadStartMinutes: t.headStart };
const paperOptions = paperSizes.map((paper) => ({ value: paper, label: t.papers[paper] }));

/** The paper the counter printers hold, and how far ahead a priority ticket is called. */
export function TicketsForm({ settings }: { settings: SiteSettings }) {
  const save = useSaveSettings();
  const [paper, setPaper] = useState<PaperSize>(settings.ticketPaper);
  const [headStart, setHeadStart] = useState(String(settings.priorityHeadStartMinutes));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, attempt, busy, submit, clearErrors } = useFormAttempt();

  const input = { ticketPaper: paper, priorityHeadStartMinutes: wholeNumberFrom(headStart) };
  const send = (event: FormEvent) => {
    setSaved(null);
    return submit(event, adminCalls.updateSettings.input.safeParse(input), async () => {
      const result = await save(input);
      setPaper(result.ticketPaper);
      setHeadStart(String(result.priorityHeadStartMinutes));
      clearErrors();
      setSaved(t.saved);
    });
  };

  const id = (key: string) => fieldId(form, key);
  return (
    <form className="form settings-form" noValidate onSubmit={send} aria-label={t.heading}>
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      <SelectField id={id('ticketPaper')} label={t.paper} hint={t.paperHint} error={errors.fields.ticketPaper} value={paper} options={paperOptions} onValue={(value) => setPaper(value as PaperSize)} />
      <TextField
        id={id('priorityHeadStartMinutes')}
        label={t.headStart}
        hint={t.headStartHint}
        error={errors.fields.priorityHeadStartMinutes}
        value={headStart}
        onValue={setHeadStart}
        inputMode="numeric"
        autoComplete="off"
        className="input--number"
      />
      <ThisPcPrinting />
      <SaveButton busy={busy} />
      <SavedNotice message={saved} />
    </form>
  );
}
