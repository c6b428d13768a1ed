import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SignInEntry } from '../../shared/domain/staff.js';
import { text } from '../i18n/text.js';
import './staff-picker.css';

interface StaffPickerProps {
  staff: readonly SignInEntry[];
  /** The name to start on: the one chosen before, when coming back from the PIN. */
  focusId: number | null;
  onPick(entry: SignInEntry): void;
}

const next: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/** Big name buttons; Tab or the arrow keys move between them, Enter picks. */
export function StaffPicker({ staff, focusId, onPick }: StaffPickerProps) {
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
    if (buttons === undefined || buttons.length === 0) return;
    const index = Math.max(0, staff.findIndex((entry) => entry.id === focusId));
    buttons[index]?.focus();
  }, [staff, focusId]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const buttons = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    let target: number | undefined;
    if (event.key in next) target = (current + (next[event.key] ?? 0) + buttons.length) % buttons.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = buttons.length - 1;
    if (target === undefined) return;
    event.preventDefault();
    buttons[target]?.focus();
  }

  if (staff.length === 0) return <p className="lead">{text.signIn.noStaff}</p>;
  return (
    <section aria-labelledby="sign-in-names-title">
      <h2 id="sign-in-names-title" className="section-title">
        {text.signIn.chooseName}
      </h2>
      <p className="hint" id="sign-in-names-hint">
        {text.signIn.chooseNameHint}
      </p>
      <ul className="name-list" ref={list} onKeyDown={onKeyDown}>
        {staff.map((entry) => (
          <li key={entry.id}>
            <button type="button" className="name-button" aria-describedby="sign-in-names-hint" onClick={() => onPick(entry)}>
              <span className="name-button__name">{entry.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
