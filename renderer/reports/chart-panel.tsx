import type { ReactNode } from 'react';
import { text } from '../i18n/text.js';

export interface LegendItem {
  label: string;
  colour: string;
  /** A bar's block, a line's stroke or a target's tick. */
  kind: 'bar' | 'line' | 'marker';
}

export interface FiguresTable {
  /** The first column names the row (a day, an hour, a service); the others are figures. */
  columns: readonly string[];
  rows: ReadonlyArray<{ key: string; cells: readonly string[] }>;
  foot?: readonly string[];
}

interface ChartPanelProps {
  id: string;
  heading: string;
  summary: string;
  note?: string;
  legend: readonly LegendItem[];
  /** Drawn for the eye only: the summary and the table say the same to everyone. */
  chart: ReactNode;
  table: FiguresTable;
  wide?: boolean;
}

/**
 * One chart as a section: its heading, a sentence that says what it shows, the picture, and the
 * same figures as a table under "Show the figures", so nothing is only in a picture (WCAG 1.1.1).
 */
export function ChartPanel({ id, heading, summary, note, legend, chart, table, wide = false }: ChartPanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section className={wide ? 'report-panel report-panel--wide' : 'report-panel'} aria-labelledby={headingId} data-panel={id}>
      <h2 className="report-panel__heading" id={headingId}>
        {heading}
      </h2>
      {note !== undefined && <p className="report-note">{note}</p>}
      <p className="report-panel__summary">{summary}</p>
      {legend.length > 0 && (
        <ul className="report-legend" aria-hidden="true">
          {legend.map((item) => (
            <li key={item.label}>
              <span className={`report-legend__key report-legend__key--${item.kind}`} style={{ backgroundColor: item.colour }} />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <div className="report-panel__chart" aria-hidden="true">
        {chart}
      </div>
      <details className="report-figures">
        <summary>{text.reports.figures.show}</summary>
        <div className="report-figures__scroll">
          <table className="table report-table">
            <caption className="visually-hidden">{heading}</caption>
            <thead>
              <tr>
                {table.columns.map((column, index) => (
                  <th key={column} scope="col" className={index === 0 ? undefined : 'report-table__number'}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className="report-table__number">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            {table.foot !== undefined && (
              <tfoot>
                <tr>
                  {table.foot.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className="report-table__number">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      </details>
    </section>
  );
}
