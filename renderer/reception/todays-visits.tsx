import { useEffect, useRef, useState, type FormEvent } from 'react';
import { queueCalls } from '../../shared/contract/queue-calls.js';
import type { Service } from '../../shared/domain/site.js';
import type { VisitMatch } from '../../shared/domain/visit.js';
import { DeskFailure } from '../../shared/errors.js';
import { useApi } from '../api/api-context.js';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/text-field.js';
import { fieldId } from '../forms/field-id.js';
import { fromFailure } from '../forms/form-errors.js';
import { useFormAttempt } from '../forms/use-form-attempt.js';
import { NeedsHubNote, useNeedsHub } from '../components/needs-hub.js';
import { text } from '../i18n/text.js';
import { usePrint } from '../print/print-job.js';
import { useSiteStore } from '../state/site-store.js';
import { reprintedMessage, serviceName } from './visits-rules.js';
import { rowButtonId, VisitsTable, visitsNeedHubNote } from './visits-table.js';
import '../components/form.css';
import './visits.css';

const form = 'visits-search';
const t = text.visits;
/** The most searchTodaysVisits answers with; a full page may have left older visits out. */
const mostFound = 50;

interface Found {
  query: string;
  visits: VisitMatch[];
}

const failureMessage = (error: unknown): string => fromFailure(error).summary ?? text.errors.unexpected;

/**
 * The ticket moved on since the list was drawn (served meanwhile, say): search again so its row
 * says so. Any other refusal changed nothing, and another search would only add to the audit.
 */
const changedMeanwhile = (error: unknown): boolean => error instanceof DeskFailure && (error.code === 'conflict' || error.code === 'not-found');

/**
 * Today's visits at reception: find one by name, postcode or ticket, then reprint its ticket,
 * cancel it or open its evidence. Every search is audited, so it runs when asked (Enter or
 * Search), never as the person types, and the list is not refreshed behind their back.
 */
export function TodaysVisits({ services, onEvidence }: { services: Service[]; onEvidence(visit: VisitMatch): void }) {
  const api = useApi();
  const print = usePrint();
  const timeZone = useSiteStore((state) => state.settings?.timeZone ?? null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [listProblem, setListProblem] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<{ visitId: number; message: string } | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);
  // Where focus goes once the change that removes the focused button has been drawn.
  const focusNext = useRef<string[]>([]);
  const { errors, attempt, busy, submit } = useFormAttempt();
  const hub = useNeedsHub(visitsNeedHubNote);

  useEffect(() => {
    const ids = focusNext.current;
    if (ids.length === 0) return;
    focusNext.current = [];
    const target = ids.map((id) => document.getElementById(id)).find((element) => element !== null);
    (target ?? searchInput.current)?.focus();
  });

  const send = (event: FormEvent) =>
    submit(event, queueCalls.searchTodaysVisits.input.safeParse({ query }), async () => {
      const visits = await api.searchTodaysVisits({ query });
      setFound({ query, visits });
      setConfirming(null);
      setRowProblem(null);
      setListProblem(null);
      setStatus(t.found(visits.length));
    });

  /** The last search again, so a row shows what the core holds now. */
  async function searchAgain(last: Found, announce: boolean) {
    setRefreshing(true);
    try {
      const visits = await api.searchTodaysVisits({ query: last.query });
      setFound({ query: last.query, visits });
      setListProblem(null);
      if (announce) setStatus(t.found(visits.length));
    } catch (error) {
      setListProblem(failureMessage(error));
    } finally {
      setRefreshing(false);
    }
  }

  async function reprint(visit: VisitMatch, last: Found) {
    const { visitId, number } = visit.ticket;
    setPending(visitId);
    setRowProblem(null);
    setStatus(null);
    let refresh = true;
    try {
      const issued = await api.reprintTicket({ visitId });
      const outcome = await print({ kind: 'ticket', issued, serviceName: serviceName(services, issued.ticket.serviceId), reprint: true });
      if (outcome.printed) setStatus(reprintedMessage(number, issued.position));
      else setRowProblem({ visitId, message: t.notPrinted(number, outcome.message) });
    } catch (error) {
      refresh = changedMeanwhile(error);
      setRowProblem({ visitId, message: failureMessage(error) });
    } finally {
      setPending(null);
    }
    // The reprint button goes once a ticket is no longer waiting; Evidence is on every row.
    focusNext.current = [rowButtonId(visitId, 'reprint'), rowButtonId(visitId, 'evidence')];
    if (refresh) await searchAgain(last, false);
  }

  async function cancel(visit: VisitMatch, last: Found) {
    const { visitId, number } = visit.ticket;
    setPending(visitId);
    setRowProblem(null);
    setStatus(null);
    let refresh = true;
    try {
      await api.cancelTicket({ visitId });
      setStatus(t.cancelled(number));
    } catch (error) {
      refresh = changedMeanwhile(error);
      setRowProblem({ visitId, message: failureMessage(error) });
    } finally {
      setPending(null);
      setConfirming(null);
    }
    focusNext.current = [rowButtonId(visitId, 'evidence')];
    if (refresh) await searchAgain(last, false);
  }

  const searchLabels = { query: t.search };
  const caption = found === null ? '' : t.caption(found.query.trim(), found.visits.length);
  return (
    <section className="visits" aria-labelledby="todays-visits-title">
      <h2 className="section-title" id="todays-visits-title">
        {t.heading}
      </h2>
      <form className="visits__search" role="search" noValidate onSubmit={send} aria-label={t.searchForm}>
        <ErrorSummary form={form} errors={errors} labels={searchLabels} attempt={attempt} takeFocus={false} />
        <div className="visits__search-row">
          <TextField
            id={fieldId(form, 'query')}
            label={t.search}
            hint={t.searchHint}
            error={errors.fields.query}
            value={query}
            onValue={setQuery}
            inputRef={searchInput}
            type="search"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
          />
          <button type="submit" className="button visits__search-button" aria-disabled={hub.disabled(busy)} aria-describedby={hub.describedBy()}>
            {busy ? t.searching : t.searchButton}
          </button>
        </div>
      </form>
      <NeedsHubNote id={visitsNeedHubNote} />
      <p className="notice" role="status" hidden={status === null}>
        {status}
      </p>
      {listProblem !== null && (
        <p className="notice notice--problem" role="alert">
          {listProblem}
        </p>
      )}
      {found === null ? (
        <p className="hint">{t.notSearched}</p>
      ) : (
        <>
          <div className="visits__found">
            <button
              type="button"
              className="button button--secondary button--small"
              aria-disabled={hub.disabled(refreshing)}
              aria-describedby={hub.describedBy()}
              onClick={() => !refreshing && hub.reachable && void searchAgain(found, true)}
            >
              {t.searchAgain}
            </button>
            {found.visits.length >= mostFound && <p className="hint visits__more">{t.atMost(mostFound)}</p>}
          </div>
          {found.visits.length === 0 ? (
            <p className="visits__none">{found.query.trim() === '' ? t.noneToday : t.none}</p>
          ) : (
            <VisitsTable
              visits={found.visits}
              caption={caption}
              services={services}
              timeZone={timeZone}
              pending={pending}
              confirming={confirming}
              problem={rowProblem}
              onReprint={(visit) => void reprint(visit, found)}
              onAskCancel={(visit) => {
                setRowProblem(null);
                setConfirming(visit.ticket.visitId);
              }}
              onConfirmCancel={(visit) => void cancel(visit, found)}
              onKeep={(visit) => {
                setConfirming(null);
                focusNext.current = [rowButtonId(visit.ticket.visitId, 'cancel')];
              }}
              onEvidence={onEvidence}
            />
          )}
        </>
      )}
    </section>
  );
}
