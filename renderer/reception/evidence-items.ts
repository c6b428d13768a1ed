import { evidenceKinds, type EvidenceItem, type EvidenceKind } from '../../shared/domain/receipt.js';
import { text } from '../i18n/text.js';

/**
 * One item row of the evidence form as typed: the kind may not be chosen yet, and pages stay the
 * text in the box until the schema has looked at them, so a refusal never rewrites what was typed.
 */
export interface ItemDraft {
  /** React's key: stable while rows above it are removed. */
  key: number;
  kind: EvidenceKind | '';
  description: string;
  pages: string;
  original: boolean;
  returned: boolean;
}

// Most evidence is an original, kept for the back office; each row shows both so they can be changed.
export function newItem(key: number): ItemDraft {
  return { key, kind: '', description: '', pages: '1', original: true, returned: false };
}

export function isEvidenceKind(value: string): value is EvidenceKind {
  return (evidenceKinds as readonly string[]).includes(value);
}

/** The box's text as a number for the schema: blank or not a number is NaN, which it words as "Enter a whole number". */
export function pagesValue(typed: string): number {
  const trimmed = typed.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** `recordEvidence`'s input, unchecked: the contract's schema says what is wrong with it. */
export function recordInput(visitId: number, items: readonly ItemDraft[]) {
  return {
    visitId,
    items: items.map((item) => ({
      kind: item.kind,
      description: item.description,
      count: pagesValue(item.pages),
      original: item.original,
      returned: item.returned,
    })),
  };
}

/** Nothing typed or chosen yet: closing the panel loses nothing. */
export function isUntouched(items: readonly ItemDraft[]): boolean {
  if (items.length !== 1) return false;
  const [item] = items;
  if (item === undefined) return true;
  const fresh = newItem(item.key);
  return (
    item.kind === fresh.kind &&
    item.description.trim() === '' &&
    item.pages.trim() === fresh.pages &&
    item.original === fresh.original &&
    item.returned === fresh.returned
  );
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

/**
 * The schema words a kind not chosen as "not valid"; a person who skipped the list needs to be
 * told to choose. Every other issue keeps the schema's own words.
 */
export function wordKindIssues<T extends Issue>(issues: readonly T[], items: readonly ItemDraft[], chooseKind: string): T[] {
  return issues.map((issue) => {
    const [top, index, field] = issue.path;
    if (top !== 'items' || typeof index !== 'number' || field !== 'kind' || issue.path.length !== 3) return issue;
    return items[index]?.kind === '' ? { ...issue, message: chooseKind } : issue;
  });
}

export function kindWord(kind: EvidenceKind): string {
  return text.print.kinds[kind];
}

/** One item as a receipt in the list reads: "Payslip: March 2026 (3 pages, original, kept)". */
export function itemLine(item: EvidenceItem): string {
  return text.evidence.itemLine(kindWord(item.kind), item.description, item.count, item.original, item.returned);
}
