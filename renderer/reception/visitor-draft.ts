import type { CallInput } from '../../shared/contract/index.js';
import type { PriorityReason } from '../../shared/domain/visit.js';

/** What the receptionist has typed so far: strings and ticks, exactly as on screen. */
export interface VisitorDraft {
  name: string;
  /** Two address lines and the town, as three boxes; blank ones are left out. */
  address: [string, string, string];
  postcode: string;
  noFixedAbode: boolean;
  serviceId: number | null;
  reason: string;
  interpreter: boolean;
  language: string;
  hearing: boolean;
  mobility: boolean;
  priority: PriorityReason | null;
  callByNumberOnly: boolean;
}

export const emptyDraft: VisitorDraft = {
  name: '',
  address: ['', '', ''],
  postcode: '',
  noFixedAbode: false,
  serviceId: null,
  reason: '',
  interpreter: false,
  language: '',
  hearing: false,
  mobility: false,
  priority: null,
  callByNumberOnly: false,
};

/** Nothing worth keeping: Escape on an empty form has nothing to undo. */
export function isEmptyDraft(draft: VisitorDraft): boolean {
  return (
    draft.name.trim() === '' &&
    draft.address.every((line) => line.trim() === '') &&
    draft.postcode.trim() === '' &&
    draft.reason.trim() === '' &&
    draft.language.trim() === '' &&
    draft.serviceId === null &&
    !draft.noFixedAbode &&
    !draft.interpreter &&
    !draft.hearing &&
    !draft.mobility &&
    draft.priority === null &&
    !draft.callByNumberOnly
  );
}

export interface AfterHoursDraft {
  managerId: number | null;
  managerPin: string;
}

/** Which address box each sent line came from, so an error on `visitor.addressLines.1` lands on its box. */
export function keptAddressBoxes(draft: VisitorDraft): number[] {
  return draft.address.flatMap((line, box) => (line.trim() === '' ? [] : [box]));
}

/**
 * The `issueTicket` input, before the contract's schema has checked it: blank address boxes are
 * dropped, a postcode is not sent with "no fixed abode", a language only with an interpreter.
 * A missing service is sent as 0 so that the schema refuses it at `serviceId`.
 */
export function toIssueInput(draft: VisitorDraft, afterHours: AfterHoursDraft | null): CallInput<'issueTicket'> {
  const input: CallInput<'issueTicket'> = {
    visitor: {
      name: draft.name.trim(),
      addressLines: keptAddressBoxes(draft).map((box) => draft.address[box]!.trim()),
      postcode: draft.noFixedAbode || draft.postcode.trim() === '' ? null : draft.postcode.trim(),
      noFixedAbode: draft.noFixedAbode,
    },
    serviceId: draft.serviceId ?? 0,
    reason: draft.reason.trim(),
    needs: {
      interpreter: draft.interpreter,
      language: draft.interpreter && draft.language.trim() !== '' ? draft.language.trim() : null,
      hearing: draft.hearing,
      mobility: draft.mobility,
    },
    priority: draft.priority,
    callByNumberOnly: draft.callByNumberOnly,
  };
  if (afterHours !== null) input.afterHours = { managerId: afterHours.managerId ?? 0, managerPin: afterHours.managerPin };
  return input;
}

/**
 * The form's own key for an error path of the call: `visitor.addressLines.1` → the box it came
 * from (`address.2` when the middle box was blank); everything else keeps its path.
 */
export function draftKey(path: string, draft: VisitorDraft): string {
  const match = /^visitor\.addressLines\.(\d+)$/.exec(path);
  if (match === null) return path;
  const box = keptAddressBoxes(draft)[Number(match[1])];
  return box === undefined ? 'address.0' : `address.${box}`;
}
