import type { InputHTMLAttributes, Ref } from 'react';
import { Field } from './field.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextFieldProps extends InputProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onValue(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, hint, error, value, onValue, inputRef, className, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...input}
          {...control}
          ref={inputRef}
          className={['input', className].filter(Boolean).join(' ')}
          value={value}
          onChange={(event) => onValue(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A PIN: digits only on screen keyboards, never remembered by the browser. */
export function PinField(props: Omit<TextFieldProps, 'type' | 'inputMode' | 'autoComplete'>) {
  return <TextField {...props} type="password" inputMode="numeric" autoComplete="off" maxLength={8} className="input--pin" />;
}
