/**
 * The site's paper for tickets and receipts: a site setting (domain/site.ts) that the desktop
 * shell's print bridge prints on (print-bridge.ts). Apart from both, and free of imports, so the
 * sandboxed preload that exposes the bridge pulls in nothing else.
 */
export const paperSizes = ['80mm', 'a5'] as const;
export type PaperSize = (typeof paperSizes)[number];
