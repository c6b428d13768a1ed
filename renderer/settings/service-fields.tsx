import type { Ref } from 'react';
import type { Service } from '../../shared/domain/site.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import type { FormErrors } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';

const t = text.settings.services;

/** A service as its form holds it: text, turned into numbers only when checked. */
export interface ServiceDraft {
  name: string;
  letter: string;
  targetWaitMinutes: string;
  order: string;
}

export const emptyService: ServiceDraft = { name: '', letter: '', targetWaitMinutes: '', order: '' };

export function draftOfService(service: Service): ServiceDraft {
  return { name: service.name, letter: service.letter, targetWaitMinutes: String(service.targetWaitMinutes), order: String(service.order) };
}

export const serviceLabels: Record<string, string> = { name: t.name, letter: t.letter, targetWaitMinutes: t.targetField, order: t.order };

interface ServiceFieldsProps {
  form: string;
  draft: ServiceDraft;
  errors: FormErrors;
  orderHint: string;
  onChange(patch: Partial<ServiceDraft>): void;
  firstRef?: Ref<HTMLInputElement>;
}

/** Name, letter, target wait and order: the same fields to add a service or to change one. */
export function ServiceFields({ form, draft, errors, orderHint, onChange, firstRef }: ServiceFieldsProps) {
  const id = (key: string) => fieldId(form, key);
  return (
    <>
      <TextField id={id('name')} label={t.name} hint={t.nameHint} error={errors.fields.name} value={draft.name} onValue={(name) => onChange({ name })} autoComplete="off" inputRef={firstRef} />
      <TextField
        id={id('letter')}
        label={t.letter}
        hint={t.letterHint}
        error={errors.fields.letter}
        value={draft.letter}
        // Ticket letters are capitals; typing "c" means C.
        onValue={(letter) => onChange({ letter: letter.toUpperCase() })}
        autoComplete="off"
        maxLength={1}
        className="input--letter"
      />
      <TextField
        id={id('targetWaitMinutes')}
        label={t.targetField}
        hint={t.targetHint}
        error={errors.fields.targetWaitMinutes}
        value={draft.targetWaitMinutes}
        onValue={(targetWaitMinutes) => onChange({ targetWaitMinutes })}
        inputMode="numeric"
        autoComplete="off"
        className="input--number"
      />
      <TextField id={id('order')} label={t.order} hint={orderHint} error={errors.fields.order} value={draft.order} onValue={(order) => onChange({ order })} inputMode="numeric" autoComplete="off" className="input--number" />
    </>
  );
}
