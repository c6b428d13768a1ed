import { createContext, useContext, useEffect, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { ResponsiveContainer } from 'recharts';

/** Drawing width on A4 portrait: 210 mm less 12 mm margins each side, at 96 px to the inch. */
export const printWidthPx = 700;

const PrintingContext = createContext(false);

/**
 * True while the page is being printed. A chart sized to the screen would be squeezed onto the
 * paper, its labels shrunk with it; redrawn at the paper's width before the browser lays out
 * the print, its text stays the size it was drawn. `beforeprint` comes with Ctrl+P and
 * `window.print()`; the media query also answers print emulation (the tests' PDF).
 * https://developer.mozilla.org/docs/Web/API/Window/beforeprint_event
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches);
  useEffect(() => {
    const query = window.matchMedia('print');
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const before = () => set(true);
    const after = () => set(query.matches);
    const change = () => set(query.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

export const PrintingProvider = PrintingContext.Provider;

/** A chart as wide as its panel on screen, and as wide as the paper when printed. */
export function ChartBox({ height, shrinkWhenPrinted = true, children }: { height: number; shrinkWhenPrinted?: boolean; children: ReactElement }) {
  const printing = useContext(PrintingContext);
  return (
    <ResponsiveContainer width={printing ? printWidthPx : '100%'} height={printing && shrinkWhenPrinted ? Math.round(height * 0.7) : height}>
      {children}
    </ResponsiveContainer>
  );
}
