import { text } from '../../i18n/text.js';
import type { Headline } from './board-rules.js';

const t = text.board.figures;
const minutes = text.board.duration;

interface Figure {
  label: string;
  value: string;
  /** A word under the figure: which service, or why there is no figure yet. */
  note?: string;
  /** The figure is a word ("Nobody waiting"), shown smaller than a number. */
  wordy?: boolean;
}

/** The day's headline figures, each a term and its value, large enough to read from across the office. */
export function HeadlineFigures({ figures }: { figures: Headline }) {
  const list: Figure[] = [
    { label: t.waiting, value: String(figures.waiting) },
    figures.longest === null
      ? { label: t.longest, value: t.nobodyWaiting, wordy: true }
      : { label: t.longest, value: minutes(figures.longest.minutes), note: t.longestIn(figures.longest.serviceName) },
    { label: t.served, value: String(figures.servedToday) },
    figures.withinTargetPercent === null
      ? { label: t.withinTarget, value: t.noneCalled, wordy: true }
      : { label: t.withinTarget, value: t.share(figures.withinTargetPercent) },
    figures.averageWaitMinutes === null
      ? { label: t.averageWait, value: t.noneCalled, wordy: true }
      : { label: t.averageWait, value: minutes(figures.averageWaitMinutes) },
    figures.averageServiceMinutes === null
      ? { label: t.averageService, value: t.noneFinished, wordy: true }
      : { label: t.averageService, value: minutes(figures.averageServiceMinutes) },
  ];
  return (
    <section className="board-figures" aria-labelledby="board-figures-heading">
      <h3 className="visually-hidden" id="board-figures-heading">
        {t.heading}
      </h3>
      <dl className="board-figures__list">
        {list.map((figure) => (
          <div key={figure.label} className="board-figure">
            <dt className="board-figure__label">{figure.label}</dt>
            <dd className={figure.wordy === true ? 'board-figure__value board-figure__value--wordy' : 'board-figure__value'}>{figure.value}</dd>
            {figure.note !== undefined && <dd className="board-figure__note">{figure.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
