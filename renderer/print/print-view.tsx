import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { usePrintStore } from './print-job.js';
import { ReceiptPrint } from './receipt-print.js';
import { TicketPrint } from './ticket-print.js';
import './print.css';

/** A logo that has not loaded by then prints without it rather than not at all. */
const imageWaitMs = 2000;

/**
 * The current print job's layout, mounted once by the screen that prints (reception). A direct
 * child of `<body>`, shown only under `@media print` (print.css), where it is all that shows.
 * It stays after printing, so Ctrl+P prints the same ticket or receipt again.
 */
export function PrintView() {
  const sheet = usePrintStore((state) => state.sheet);
  const markShown = usePrintStore((state) => state.markShown);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sheet === null) return;
    void imagesReady(root.current).then(() => markShown(sheet.id));
  }, [sheet, markShown]);

  if (sheet === null) return null;
  const { job, site } = sheet;
  return createPortal(
    <div ref={root} className="print-view" data-print-kind={job.kind} data-paper={site.paper}>
      {job.kind === 'ticket' ? <TicketPrint job={job} site={site} printedAt={sheet.printedAt} /> : <ReceiptPrint job={job} site={site} />}
    </div>,
    document.body,
  );
}

/** Images in the view decoded (or failed), so the printout is not taken before its logo arrives. */
function imagesReady(root: HTMLElement | null): Promise<void> {
  const images = root === null ? [] : Array.from(root.querySelectorAll('img'));
  const decoded = Promise.all(images.map((image) => image.decode().catch(() => undefined))).then(() => undefined);
  return Promise.race([decoded, new Promise<void>((resolve) => setTimeout(resolve, imageWaitMs))]);
}
