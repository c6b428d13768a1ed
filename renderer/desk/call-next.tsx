import type { Ref } from 'react';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { clockTime } from '../reception/visits-rules.js';
import { deskKeys } from './desk-keys.js';
import type { DeskSteps } from './use-desk-steps.js';
import { minutesSince } from './wait-level.js';

const t = text.desk;

/** Says why the desk's steps wait while the hub is away; the bar and the queue point to it too. */
export const deskNeedsHubNote = 'desk-needs-hub';

interface CallNextProps {
  desk: OpenDesk;
  paused: NonNullable<OpenDesk['paused']> | null;
  steps: DeskSteps;
  /** What the last step did, read out politely ("Nobody is waiting for your services."). */
  status: string | null;
  now: number;
  timeZone: string | null;
  callRef: Ref<HTMLButtonElement>;
  resumeRef: Ref<HTMLButtonElement>;
  onCallNext(): void;
  onResume(): void;
}

/**
 * The one button an advisor presses all day, and its key (F2). While the desk is paused it is
 * not offered: the pause is said instead, with the way back.
 */
export function CallNext({ desk, paused, steps, status, now, timeZone, callRef, resumeRef, onCallNext, onResume }: CallNextProps) {
  const refusedCall = steps.refusal?.where === 'call-next' ? steps.refusal.message : null;
  const refusedResume = steps.refusal?.where === 'resume-desk' ? steps.refusal.message : null;
  const hub = useNeedsHub(deskNeedsHubNote);
  return (
    <div className="desk-call">
      <div className="desk-call__row">
        {paused === null ? (
          <button
            ref={callRef}
            type="button"
            className="button desk-call__button"
            aria-keyshortcuts={deskKeys['call-next']}
            aria-describedby={hub.describedBy('desk-call-keys', refusedCall === null ? null : 'desk-call-refusal')}
            aria-disabled={hub.disabled(steps.busy === 'call-next')}
            onClick={onCallNext}
          >
            {steps.busy === 'call-next' ? t.call.calling : t.call.button}
            <kbd className="desk-kbd" aria-hidden="true">
              {deskKeys['call-next']}
            </kbd>
          </button>
        ) : (
          <section className="desk-paused" aria-labelledby="desk-paused-title">
            <div className="desk-paused__what">
              <h2 className="desk-paused__title" id="desk-paused-title">
                <span className="desk-paused__icon" aria-hidden="true" />
                {t.pause.heading}
              </h2>
              <p className="desk-paused__since">{t.pause.since(desk.deskName, t.pause.reasons[paused.reason], clockTime(paused.since, timeZone), minutesSince(paused.since, now))}</p>
            </div>
            <button
              ref={resumeRef}
              type="button"
              className="button desk-big"
              aria-disabled={hub.disabled(steps.busy === 'resume-desk')}
              aria-describedby={hub.describedBy(refusedResume === null ? null : 'desk-resume-refusal')}
              onClick={onResume}
            >
              {steps.busy === 'resume-desk' ? t.pause.resuming : t.pause.resume}
            </button>
            {refusedResume !== null && (
              <p className="desk-refusal desk-paused__refusal" id="desk-resume-refusal" role="alert">
                {refusedResume}
              </p>
            )}
          </section>
        )}
        {/* One live region, in one place whatever the state, so each message is read out. */}
        <div className="desk-call__words">
          <p className="desk-call__status" role="status">
            {status}
          </p>
          {paused === null && (
            <p className="desk-call__keys" id="desk-call-keys">
              {t.call.keys}
            </p>
          )}
        </div>
      </div>
      <NeedsHubNote id={deskNeedsHubNote} />
      {refusedCall !== null && (
        <p className="desk-refusal" id="desk-call-refusal" role="alert">
          {refusedCall}
        </p>
      )}
    </div>
  );
}
