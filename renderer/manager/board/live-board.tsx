import { text } from '../../i18n/text.js';

/** The queue now, for the site manager: live through the push events. */
export function LiveBoard(_props: { timeZone: string | null }) {
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{text.board.heading}</h2>
    </section>
  );
}
