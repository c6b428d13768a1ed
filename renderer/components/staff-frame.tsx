import { useState, type ReactNode } from 'react';
import type { Session } from '../../shared/domain/staff.js';
import { text } from '../i18n/text.js';
import { hashFor, mayOpen, type RouteName } from '../routing/routes.js';
import { SafetyAlerts } from '../safety/safety-alerts.js';
import { SafetyButton } from '../safety/safety-button.js';
import { useSignOut } from '../session/use-idle-lock.js';
import { MainRegion } from './main-region.js';
import './masthead.css';
import { MastheadBrand } from './public-header.js';

const homes = ['reception', 'desk', 'manager', 'reports', 'settings', 'data-protection'] as const satisfies readonly RouteName[];

interface StaffFrameProps {
  route: (typeof homes)[number];
  title: string;
  session: Session;
  siteName: string | null;
  /** Off when the screen puts focus on a control of its own (reception's first field). */
  focusTitle?: boolean;
  children: ReactNode;
}

/** Each screen's name in the masthead's sections. */
const titles: Readonly<Record<(typeof homes)[number], string>> = {
  reception: text.reception.title,
  desk: text.desk.title,
  manager: text.manager.title,
  reports: text.reports.title,
  settings: text.settings.title,
  'data-protection': text.privacy.title,
};

/** Every signed-in screen: the site, the homes this role may open, who is signed in, sign-out. */
export function StaffFrame({ route, title, session, siteName, focusTitle = true, children }: StaffFrameProps) {
  const signOut = useSignOut();
  const [leaving, setLeaving] = useState(false);
  const reachable = homes.filter((home) => mayOpen(session.staff.role, home));
  return (
    <>
      <header className="masthead">
        <div className="masthead__inner">
          <MastheadBrand siteName={siteName} />
          <div className="masthead__who">
            {(route === 'reception' || route === 'desk') && <SafetyButton atDesk={route === 'desk'} staffId={session.staff.id} />}
            <p className="masthead__person">
              <span className="masthead__label">{text.frame.signedInAs}</span>{' '}
              <strong>{session.staff.name}</strong>
              <span className="masthead__role">{text.roles[session.staff.role]}</span>
            </p>
            <button
              type="button"
              className="button button--quiet"
              aria-disabled={leaving || undefined}
              onClick={() => {
                if (leaving) return;
                setLeaving(true);
                void signOut('signed-out');
              }}
            >
              {leaving ? text.frame.signingOut : text.frame.signOut}
            </button>
          </div>
        </div>
        {reachable.length > 1 && (
          <nav className="masthead__nav" aria-label={text.frame.sections}>
            <ul>
              {reachable.map((home) => (
                <li key={home}>
                  <a href={hashFor(home)} aria-current={home === route ? 'page' : undefined}>
                    {titles[home]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <SafetyAlerts staffId={session.staff.id} />
      <MainRegion title={title} focusTitle={focusTitle}>
        {children}
      </MainRegion>
    </>
  );
}
