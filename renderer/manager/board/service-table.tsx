import { text } from '../../i18n/text.js';
import type { ServiceStanding, Standing } from './board-rules.js';

const t = text.board.services;
// A shape as well as a word and a colour: never colour alone.
const mark: Readonly<Record<Standing, string>> = { none: '○', ok: '✓', near: '●', over: '▲' };

/** Each service's queue: how many wait, the longest wait against the target, and where that stands. */
export function ServiceTable({ standings }: { standings: readonly ServiceStanding[] }) {
  return (
    <section className="board-panel" aria-labelledby="board-services-heading">
      <h3 className="board-panel__title" id="board-services-heading">
        {t.heading}
      </h3>
      <table className="table board-table">
        <caption className="table__caption">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.service}</th>
            <th scope="col" className="board-table__number">
              {t.waiting}
            </th>
            <th scope="col" className="board-table__number">
              {t.longest}
            </th>
            <th scope="col" className="board-table__number">
              {t.target}
            </th>
            <th scope="col">{t.state}</th>
          </tr>
        </thead>
        <tbody>
          {standings.map(({ service, minutes, standing }) => (
            <tr key={service.serviceId} className={`board-service board-service--${standing}`} data-service-id={service.serviceId}>
              <th scope="row" className="board-service__name">
                <span className="board-letter" aria-hidden="true">
                  {service.letter}
                </span>
                {service.serviceName}
              </th>
              <td className="board-table__number board-service__waiting">{service.waiting}</td>
              <td className="board-table__number">
                {minutes === null ? (
                  <>
                    <span aria-hidden="true">–</span>
                    <span className="visually-hidden">{t.noWait}</span>
                  </>
                ) : (
                  text.board.duration(minutes)
                )}
              </td>
              <td className="board-table__number">{text.board.duration(service.targetWaitMinutes)}</td>
              <td>
                <span className={`board-state board-state--${standing}`}>
                  <span className="board-state__mark" aria-hidden="true">
                    {mark[standing]}
                  </span>
                  {t.levels[standing]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
