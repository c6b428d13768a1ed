import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Service } from '../../shared/domain/site.js';
import { useNeedsHub } from '../components/needs-hub.js';
import { deskNeedsHubNote } from './call-next.js';
import { text } from '../i18n/text.js';
import type { DeskSteps } from './use-desk-steps.js';

const t = text.desk.bar;

export type BarPanel = 'services' | 'pause' | null;

interface DeskBarProps {
  desk: OpenDesk;
  services: readonly Service[];
  paused: boolean;
  steps: DeskSteps;
  panel: BarPanel;
  onPanel(panel: BarPanel): void;
  onClose(): void;
}

/** Which desk this is and what it serves, with the day's rarer steps: change services, pause, close. */
export function DeskBar({ desk, services, paused, steps, panel, onPanel, onClose }: DeskBarProps) {
  const serving = desk.serviceIds.map((id) => services.find((service) => service.id === id)).filter((service) => service !== undefined);
  const refused = steps.refusal?.where === 'close' ? steps.refusal.message : null;
  const hub = useNeedsHub(deskNeedsHubNote);
  return (
    <section className="desk-bar" aria-labelledby="desk-bar-title">
      <div className="desk-bar__what">
        <h2 className="desk-bar__desk" id="desk-bar-title">
          {desk.deskName}
        </h2>
        <p className="desk-bar__services">
          <span className="desk-bar__label">{t.serving}</span>
          {serving.map((service) => (
            <span key={service.id} className="desk-bar__service">
              <span className="desk-letter" aria-hidden="true">
                {service.letter}
              </span>
              {service.name}
            </span>
          ))}
        </p>
      </div>
      <div className="desk-bar__actions">
        <button type="button" className="button button--secondary button--small" aria-expanded={panel === 'services'} onClick={() => onPanel(panel === 'services' ? null : 'services')}>
          {t.changeServices}
        </button>
        {!paused && (
          <button type="button" className="button button--secondary button--small" aria-expanded={panel === 'pause'} onClick={() => onPanel(panel === 'pause' ? null : 'pause')}>
            {text.desk.pause.open}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={hub.disabled(steps.busy === 'close')}
          aria-describedby={hub.describedBy(refused === null ? null : 'desk-close-refusal')}
          onClick={onClose}
        >
          {steps.busy === 'close' ? t.closing : t.close}
        </button>
      </div>
      {refused !== null && (
        <p className="desk-refusal desk-bar__refusal" id="desk-close-refusal" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}
