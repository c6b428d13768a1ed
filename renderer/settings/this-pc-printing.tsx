import { useEffect, useState } from 'react';
import type { PrintBridgeWindow, PrintSetup } from '../../shared/print-bridge.js';
import { text } from '../i18n/text.js';

const t = text.settings.tickets;

/**
 * In the desktop app, this PC's printer and paper as the shell has them, each marked when IT's
 * settings file fixed it (docs/it-setup.md). Nothing in a browser, which prints through its dialog.
 */
export function ThisPcPrinting() {
  const [setup, setSetup] = useState<PrintSetup | null>(null);
  useEffect(() => {
    const bridge = (window as Window & PrintBridgeWindow).deskPrint;
    if (bridge?.setup === undefined) return;
    let live = true;
    bridge.setup().then(
      (answer) => live && setSetup(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (setup === null) return null;
  const fixed = <strong className="tag tag--fixed">{t.setByIt}</strong>;
  return (
    <section className="this-pc-printing" aria-labelledby="this-pc-printing">
      <h3 id="this-pc-printing">{t.thisPc}</h3>
      <p>
        {setup.printer === null ? t.noPrinter : t.printer(setup.printer)} {setup.printerSetByIt && fixed}
      </p>
      {setup.itPaper !== null && (
        <p>
          {t.itPaper(t.papers[setup.itPaper])} {fixed}
        </p>
      )}
    </section>
  );
}
