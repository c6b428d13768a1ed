import { describe, expect, it } from 'vitest';
import { receiptCalls } from '../../../shared/contract/receipt-calls.js';
import { isUntouched, itemLine, newItem, pagesValue, recordInput, wordKindIssues, type ItemDraft } from '../../../renderer/reception/evidence-items.js';

const payslip = (pages: string, description = 'March payslip'): ItemDraft => ({ ...newItem(1), kind: 'payslip', description, pages });
const check = (items: ItemDraft[]) => receiptCalls.recordEvidence.input.safeParse(recordInput(7, items));
const fieldErrors = (items: ItemDraft[]) => {
  const checked = check(items);
  return checked.success ? {} : Object.fromEntries(checked.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('recordInput checked with the contract’s schema', () => {
  it('passes a complete item, with its pages as a number', () => {
    const checked = check([payslip(' 3 ')]);
    expect(checked.success).toBe(true);
    expect(checked.data?.items[0]).toEqual({ kind: 'payslip', description: 'March payslip', count: 3, original: true, returned: false });
  });

  it('puts each problem on its own item’s field', () => {
    const errors = fieldErrors([payslip('2'), payslip('', '  '), payslip('501'), payslip('2.5')]);
    expect(Object.keys(errors).sort()).toEqual(['items.1.count', 'items.1.description', 'items.2.count', 'items.3.count']);
    expect(errors['items.1.count']).toBe('Enter a whole number.');
    expect(errors['items.2.count']).toBe('Enter a number from 1 to 500.');
    expect(errors['items.3.count']).toBe('Enter a whole number.');
  });

  it('refuses a receipt with no items', () => {
    expect(Object.keys(fieldErrors([]))).toEqual(['items']);
  });

  it('keeps a description with markup exactly as typed', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(check([payslip('1', name)]).data?.items[0]?.description).toBe(name);
  });
});

describe('pagesValue', () => {
  it('reads blank and words as not a number, so the schema asks for a whole number', () => {
    expect(pagesValue('')).toBeNaN();
    expect(pagesValue('three')).toBeNaN();
    expect(pagesValue(' 12 ')).toBe(12);
  });
});

describe('wordKindIssues', () => {
  it('asks for a kind that was never chosen, and leaves other messages alone', () => {
    const items = [{ ...newItem(0), description: 'Lease' }, payslip('1')];
    const checked = check(items);
    expect(checked.success).toBe(false);
    const worded = wordKindIssues(checked.error?.issues ?? [], items, 'Choose what kind of document this is.');
    expect(worded.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['items.0.kind', 'Choose what kind of document this is.']]);
    const other = [{ path: ['items', 1, 'kind'], message: 'This value is not valid.' }];
    expect(wordKindIssues(other, items, 'Choose')).toEqual(other);
  });
});

describe('isUntouched', () => {
  it('is true for a fresh form only', () => {
    expect(isUntouched([newItem(0)])).toBe(true);
    expect(isUntouched([{ ...newItem(0), description: '   ' }])).toBe(true);
    expect(isUntouched([{ ...newItem(0), description: 'Lease' }])).toBe(false);
    expect(isUntouched([{ ...newItem(0), kind: 'id' }])).toBe(false);
    expect(isUntouched([{ ...newItem(0), pages: '4' }])).toBe(false);
    expect(isUntouched([{ ...newItem(0), returned: true }])).toBe(false);
    expect(isUntouched([newItem(0), newItem(1)])).toBe(false);
  });
});

describe('itemLine', () => {
  it('reads a recorded item in words', () => {
    expect(itemLine({ kind: 'payslip', description: 'March', count: 3, original: true, returned: false })).toBe('Payslip: March (3 pages, original, kept)');
    expect(itemLine({ kind: 'id', description: 'Passport', count: 1, original: false, returned: true })).toBe(
      'Proof of identity: Passport (1 page, copy, returned to the visitor)',
    );
  });
});
