/**
 * Saves a JSON file through the browser's own download, as `downloadText` (reports/download-csv.ts)
 * does for the CSV — but without its byte-order mark: JSON must not start with one (RFC 8259
 * §8.1), and a requester's tools would fail to read it. https://www.rfc-editor.org/rfc/rfc8259#section-8.1
 * The desktop app lets this through: a `blob:` URL the page made itself (electron/shell/harden.ts).
 */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
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
