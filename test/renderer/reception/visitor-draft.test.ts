import { describe, expect, it } from 'vitest';
import { queueCalls } from '../../../shared/contract/queue-calls.js';
import { draftKey, emptyDraft, isEmptyDraft, keptAddressBoxes, toIssueInput, type VisitorDraft } from '../../../renderer/reception/visitor-draft.js';

const draft = (changes: Partial<VisitorDraft> = {}): VisitorDraft => ({ ...emptyDraft, ...changes });
/** A draft the core would take: a name, a postcode and a service. */
const ready = (changes: Partial<VisitorDraft> = {}): VisitorDraft => draft({ name: 'Siân Jones-Évans', postcode: 'ls1 4ap', serviceId: 3, ...changes });
const check = (input: ReturnType<typeof toIssueInput>) => queueCalls.issueTicket.input.safeParse(input);
const issuePaths = (input: ReturnType<typeof toIssueInput>) => {
  const checked = check(input);
  return checked.success ? [] : checked.error.issues.map((issue) => issue.path.join('.')).sort();
};

describe('toIssueInput', () => {
  it('drops blank address boxes and trims the ones kept', () => {
    expect(toIssueInput(ready({ address: ['  1 High Street ', '   ', ' Leeds  '] }), null).visitor.addressLines).toEqual(['1 High Street', 'Leeds']);
    expect(toIssueInput(ready({ address: ['', 'Flat 2', ''] }), null).visitor.addressLines).toEqual(['Flat 2']);
    expect(toIssueInput(ready({ address: [' ', '', '\t'] }), null).visitor.addressLines).toEqual([]);
  });

  it('trims the name and the reason', () => {
    const input = toIssueInput(ready({ name: '  Ann Lee ', reason: '  Council tax bill \n' }), null);
    expect(input.visitor.name).toBe('Ann Lee');
    expect(input.reason).toBe('Council tax bill');
  });

  it('sends the postcode trimmed, and null when blank or with no fixed abode', () => {
    expect(toIssueInput(ready({ postcode: '  ls1 4ap ' }), null).visitor.postcode).toBe('ls1 4ap');
    expect(toIssueInput(ready({ postcode: '   ' }), null).visitor.postcode).toBeNull();
    const homeless = toIssueInput(ready({ postcode: 'LS1 4AP', noFixedAbode: true }), null);
    expect(homeless.visitor.postcode).toBeNull();
    expect(homeless.visitor.noFixedAbode).toBe(true);
  });

  it('sends a language only with an interpreter', () => {
    expect(toIssueInput(ready({ interpreter: false, language: 'Polish' }), null).needs).toEqual({ interpreter: false, language: null, hearing: false, mobility: false });
    expect(toIssueInput(ready({ interpreter: true, language: ' Polish ' }), null).needs.language).toBe('Polish');
    expect(toIssueInput(ready({ interpreter: true, language: '  ' }), null).needs.language).toBeNull();
  });

  it('passes the ticks and the priority through', () => {
    const input = toIssueInput(ready({ hearing: true, mobility: true, priority: 'safeguarding', callByNumberOnly: true }), null);
    expect(input.needs.hearing).toBe(true);
    expect(input.needs.mobility).toBe(true);
    expect(input.priority).toBe('safeguarding');
    expect(input.callByNumberOnly).toBe(true);
  });

  it('sends a missing service as 0, which the schema refuses at serviceId', () => {
    const input = toIssueInput(ready({ serviceId: null }), null);
    expect(input.serviceId).toBe(0);
    expect(issuePaths(input)).toEqual(['serviceId']);
    expect(toIssueInput(ready({ serviceId: 7 }), null).serviceId).toBe(7);
  });

  it('adds afterHours only when given, with a manager not yet chosen sent as 0', () => {
    expect('afterHours' in toIssueInput(ready(), null)).toBe(false);
    expect(toIssueInput(ready(), { managerId: 4, managerPin: '2468' }).afterHours).toEqual({ managerId: 4, managerPin: '2468' });
    const unchosen = toIssueInput(ready(), { managerId: null, managerPin: '2468' });
    expect(unchosen.afterHours).toEqual({ managerId: 0, managerPin: '2468' });
    expect(issuePaths(unchosen)).toEqual(['afterHours.managerId']);
  });
});

describe('toIssueInput checked with the contract’s schema', () => {
  it('passes a draft with a name, a postcode and a service, normalising the postcode', () => {
    const checked = check(toIssueInput(ready(), null));
    expect(checked.success).toBe(true);
    expect(checked.data?.visitor).toEqual({ name: 'Siân Jones-Évans', addressLines: [], postcode: 'LS1 4AP', noFixedAbode: false });
  });

  it('passes a draft with no fixed abode and no postcode, and one let in after hours', () => {
    expect(check(toIssueInput(ready({ postcode: '', noFixedAbode: true }), null)).success).toBe(true);
    expect(check(toIssueInput(ready(), { managerId: 4, managerPin: '2468' })).success).toBe(true);
  });

  it('refuses an empty draft at the name, the postcode and the service', () => {
    expect(issuePaths(toIssueInput(emptyDraft, null))).toEqual(['serviceId', 'visitor.name', 'visitor.postcode']);
  });

  it('refuses an interpreter with no language at needs.language', () => {
    expect(issuePaths(toIssueInput(ready({ interpreter: true, language: ' ' }), null))).toEqual(['needs.language']);
  });
});

describe('isEmptyDraft', () => {
  it('is true for the empty draft, and for boxes holding only spaces', () => {
    expect(isEmptyDraft(emptyDraft)).toBe(true);
    expect(isEmptyDraft(draft({ name: '  ', address: [' ', '\t', ''], postcode: ' ', reason: '\n', language: ' ' }))).toBe(true);
  });

  it.each<[string, Partial<VisitorDraft>]>([
    ['name', { name: 'A' }],
    ['first address box', { address: ['1 High Street', '', ''] }],
    ['last address box', { address: ['', '', 'Leeds'] }],
    ['postcode', { postcode: 'L' }],
    ['reason', { reason: 'Rent' }],
    ['language', { language: 'Urdu' }],
    ['service', { serviceId: 1 }],
    ['no fixed abode', { noFixedAbode: true }],
    ['interpreter', { interpreter: true }],
    ['hearing', { hearing: true }],
    ['mobility', { mobility: true }],
    ['priority', { priority: 'other' }],
    ['call by number only', { callByNumberOnly: true }],
  ])('is false once the %s is filled in', (_field, changes) => {
    expect(isEmptyDraft(draft(changes))).toBe(false);
  });
});

describe('keptAddressBoxes', () => {
  it('lists the boxes that hold something, in order', () => {
    expect(keptAddressBoxes(draft({ address: ['1 High Street', 'Flat 2', 'Leeds'] }))).toEqual([0, 1, 2]);
    expect(keptAddressBoxes(draft({ address: ['1 High Street', '  ', 'Leeds'] }))).toEqual([0, 2]);
    expect(keptAddressBoxes(draft({ address: ['', '', 'Leeds'] }))).toEqual([2]);
    expect(keptAddressBoxes(emptyDraft)).toEqual([]);
  });
});

describe('draftKey', () => {
  const middleBlank = draft({ address: ['1 High Street', ' ', 'Leeds'] });

  it('puts an error on a sent address line on the box it came from', () => {
    expect(draftKey('visitor.addressLines.0', middleBlank)).toBe('address.0');
    expect(draftKey('visitor.addressLines.1', middleBlank)).toBe('address.2');
    expect(draftKey('visitor.addressLines.0', draft({ address: ['', 'Flat 2', 'Leeds'] }))).toBe('address.1');
    expect(draftKey('visitor.addressLines.1', draft({ address: ['1 High Street', 'Flat 2', 'Leeds'] }))).toBe('address.1');
  });

  it('leaves every other path as it is', () => {
    for (const path of ['visitor.name', 'visitor.postcode', 'serviceId', 'needs.language', 'afterHours.managerPin', 'visitor.addressLines', 'visitor.addressLines.1.x']) {
      expect(draftKey(path, middleBlank)).toBe(path);
    }
  });

  it('lands the schema’s own address error on the right box', () => {
    const typed = ready({ address: ['1 High Street', '', 'Lee\u0007ds'] });
    const checked = check(toIssueInput(typed, null));
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((issue) => draftKey(issue.path.join('.'), typed))).toEqual(['address.2']);
  });
});
