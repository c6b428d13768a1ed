import type { LiveDeskFigures } from '../../../shared/domain/stats.js';
import { minutesBetween } from '../../../shared/wait-math.js';
import { text } from '../../i18n/text.js';
import { deskState, type DeskState } from './board-rules.js';
import { timeOfDay } from './board-time.js';

const t = text.board.desks;

function stateWords(state: DeskState): string {
  switch (state.kind) {
    case 'closed':
      return t.closed;
    case 'idle':
      return t.idle;
    case 'called':
      return t.called(state.ticket);
    case 'serving':
      return t.serving(state.ticket);
    case 'paused':
      return t.paused(t.pauseReasons[state.reason]);
  }
}

/** A dash to the eye and a word to a screen reader, where a cell has nothing to say. */
function Blank({ words }: { words: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{words}</span>
    </>
  );
}

interface DeskTableProps {
  desks: readonly LiveDeskFigures[];
  now: number;
  timeZone: string | null;
}

/** Every desk in use at the site: who is at it, what it is doing and since when. */
export function DeskTable({ desks, now, timeZone }: DeskTableProps) {
  const open = desks.filter((desk) => desk.status !== 'closed').length;
  return (
    <section className="board-panel" aria-labelledby="board-desks-heading">
      <h3 className="board-panel__title" id="board-desks-heading">
        {t.heading}
      </h3>
      {desks.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table board-table">
          <caption className="table__caption">{t.caption(open, desks.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.desk}</th>
              <th scope="col">{t.advisor}</th>
              <th scope="col">{t.state}</th>
              <th scope="col" className="board-table__number">
                {t.for}
              </th>
            </tr>
          </thead>
          <tbody>
            {desks.map((desk) => {
              const state = deskState(desk);
              const since = state.kind === 'closed' ? null : state.sinceMs;
              return (
                <tr key={desk.deskId} className={`board-desk board-desk--${state.kind}`} data-desk-id={desk.deskId}>
                  <th scope="row">{desk.deskName}</th>
                  <td className="board-desk__advisor">{desk.advisorName ?? <Blank words={t.noAdvisor} />}</td>
                  <td>
                    <span className={`board-desk__state board-desk__state--${state.kind}`}>{stateWords(state)}</span>
                    {since !== null && <span className="board-desk__since"> {t.since(timeOfDay(since, timeZone))}</span>}
                  </td>
                  <td className="board-table__number">{since === null ? <Blank words={t.notOpen} /> : text.board.duration(minutesBetween(since, now))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
