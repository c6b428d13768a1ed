/**
 * Saves text as a file through the browser's own download: a Blob behind an `<a download>`,
 * clicked and let go. The byte-order mark tells Excel the file is UTF-8, so staff names with
 * accents or a curly apostrophe open as typed.
 */
export function downloadText(fileName: string, content: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', content], { type }));
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
