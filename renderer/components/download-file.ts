/**
 * Saves a file through the browser's own download: a Blob behind an `<a download>`, clicked and
 * let go. The desktop app lets this through — a `blob:` URL the page made itself — and asks where
 * to save it (electron/shell/harden.ts).
 */
export function downloadFile(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Let go later, not at once: a browser may still be reading the Blob when the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/** A CSV, with a byte-order mark so Excel opens staff names with accents or a curly apostrophe as typed. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadFile(fileName, ['\ufeff', csv], 'text/csv;charset=utf-8');
}

/**
 * A JSON file, without a byte-order mark: JSON must not start with one (RFC 8259 §8.1,
 * https://www.rfc-editor.org/rfc/rfc8259#section-8.1), and a requester's tools would fail to read it.
 */
export function downloadJson(fileName: string, value: unknown): void {
  downloadFile(fileName, [JSON.stringify(value, null, 2)], 'application/json');
}
