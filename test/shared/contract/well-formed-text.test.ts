import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../../shared/contract/index.js';
import { wellFormedText } from '../../../shared/contract/define.js';
import { validationText } from '../../../shared/i18n/validation.en-GB.js';

const lone = 'Lone \ud800 X';

const visit = () => ({
  visitor: { name: 'Ann Visitor', addressLines: ['1 Dale Street', 'Liverpool'], postcode: 'L1 1JQ', noFixedAbode: false },
  serviceId: 1,
  reason: 'Council tax',
  needs: { interpreter: true, language: 'Polish', hearing: false, mobility: false },
  priority: null,
  callByNumberOnly: false,
});

function issuesOf(result: { success: boolean; error?: z.ZodError }): Array<{ path: PropertyKey[]; message: string }> {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('text that is not well-formed Unicode', () => {
  it('is refused in every call’s input wherever it sits, naming its path', () => {
    const body = visit();
    body.visitor.name = lone;
    expect(issuesOf(contract.issueTicket.input.safeParse(body))).toEqual([{ path: ['visitor', 'name'], message: validationText.notWellFormed }]);

    const address = visit();
    address.visitor.addressLines = ['1 Dale Street', 'Flat \udfff'];
    expect(issuesOf(contract.issueTicket.input.safeParse(address))).toEqual([
      { path: ['visitor', 'addressLines', 1], message: validationText.notWellFormed },
    ]);

    const language = visit();
    language.needs.language = '\udc00Polish';
    language.reason = 'half an emoji \ud83d';
    expect(issuesOf(contract.issueTicket.input.safeParse(language))).toEqual(
      expect.arrayContaining([
        { path: ['needs', 'language'], message: validationText.notWellFormed },
        { path: ['reason'], message: validationText.notWellFormed },
      ]),
    );
  });

  it('is named beside every other bad field at once', () => {
    const body = visit();
    body.visitor.name = lone;
    body.visitor.postcode = 'NOT A POSTCODE';
    const paths = issuesOf(contract.issueTicket.input.safeParse(body)).map((issue) => issue.path.join('.'));
    expect(paths.sort()).toEqual(['visitor.name', 'visitor.postcode']);
  });

  it('accepts whole surrogate pairs: emoji and other characters beyond the first 65 536', () => {
    const body = visit();
    body.visitor.name = 'Ann 😀 𝒜 Visitor';
    body.visitor.addressLines = ['𠮷野家, 1 Dale Street'];
    const parsed = contract.issueTicket.input.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.visitor.name).toBe('Ann 😀 𝒜 Visitor');
  });

  it('walks nested arrays, object keys and shared or circular values without looping', () => {
    const schema = wellFormedText(z.record(z.string(), z.unknown()));
    const shared: Record<string, unknown> = { deep: [[{ text: lone }]] };
    shared.self = shared;
    const issues = issuesOf(schema.safeParse({ one: shared, [`key${'\udbff'}`]: 'fine' }));
    expect(issues).toEqual([
      { path: ['one', 'deep', 0, 0, 'text'], message: validationText.notWellFormed },
      { path: [`key${'\udbff'}`], message: validationText.notWellFormed },
    ]);
  });

  it('leaves each schema’s class, type and JSON Schema as they were', () => {
    const plain = z.strictObject({ name: z.string().max(10), lines: z.array(z.string()) });
    const checked = wellFormedText(plain);
    expect(checked).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(checked.shape)).toEqual(Object.keys(plain.shape));
    expect(z.toJSONSchema(checked, { io: 'input' })).toEqual(z.toJSONSchema(plain, { io: 'input' }));
  });
});
