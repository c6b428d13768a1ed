import { useEffect, useState } from 'react';
import type { SignInEntry } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { MainRegion } from '../components/main-region.js';
import { PublicHeader } from '../components/public-header.js';
import { fromFailure } from '../forms/form-errors.js';
import { text } from '../i18n/text.js';
import { useDocumentTitle } from '../routing/use-document-title.js';
import { useConnectionStore } from '../state/connection-store.js';
import { useSessionStore } from '../state/session-store.js';
import { useSiteStore } from '../state/site-store.js';
import { PinForm } from './pin-form.js';
import { StaffPicker } from './staff-picker.js';


/** Pick your name, then type your PIN. Says calmly why you are here again after a lock. */
export function SignInScreen() {
  const api = useApi();
  const siteName = useSiteStore((state) => state.setup?.siteName ?? null);
  const notice = useSessionStore((state) => state.notice);
  const reachable = useConnectionStore((state) => state.reachable);
  const [staff, setStaff] = useState<SignInEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<SignInEntry | null>(null);
  const [lastChosen, setLastChosen] = useState<number | null>(null);
  useDocumentTitle(text.signIn.title, siteName);

  useEffect(() => {
    if (!reachable) return;
    let live = true;
    api.listSignInStaff({}).then(
      (list) => {
        if (!live) return;
        setStaff(list);
        setProblem(null);
      },
      (error: unknown) => {
        if (live) setProblem(fromFailure(error).summary);
      },
    );
    return () => {
      live = false;
    };
  }, [api, reachable]);

  return (
    <>
      <PublicHeader siteName={siteName} />
      <MainRegion title={text.signIn.title} focusTitle={false} className="page--narrow">
        {notice !== null && (
          <p className="notice" role="status">
            {text.signIn.notices[notice]}
          </p>
        )}
        {problem !== null && <p className="notice notice--problem">{problem}</p>}
        {staff === null && problem === null && <p className="hint">{text.loading}</p>}
        {staff !== null && chosen === null && (
          <StaffPicker
            staff={staff}
            focusId={lastChosen}
            onPick={(entry) => {
              setChosen(entry);
              setLastChosen(entry.id);
            }}
          />
        )}
        {chosen !== null && <PinForm staff={chosen} onBack={() => setChosen(null)} />}
      </MainRegion>
    </>
  );
}
