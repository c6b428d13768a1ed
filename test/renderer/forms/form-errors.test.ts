import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/errors.js';
import { fromFailure, fromIssues, hasErrors, noErrors } from '../../../renderer/forms/form-errors.js';

describe('form errors', () => {
  it('keys each field by its zod path and keeps the first message', () => {
    const errors = fromIssues([
      { path: ['manager', 'pin'], message: 'A PIN is 4 to 8 digits.' },
      { path: ['manager', 'pin'], message: 'second' },
      { path: ['siteName'], message: 'This cannot be blank.' },
    ]);
    expect(errors.fields).toEqual({ 'manager.pin': 'A PIN is 4 to 8 digits.', siteName: 'This cannot be blank.' });
  });

  it('puts the core message at the top and its issues next to their fields', () => {
    const failure = new DeskFailure('conflict', 'Someone on this site already has that name.', [{ path: ['name'], message: 'This name is already used.' }]);
    expect(fromFailure(failure)).toEqual({ fields: { name: 'This name is already used.' }, summary: 'Someone on this site already has that name.' });
  });

  it('turns anything else into a message the person can act on', () => {
    expect(fromFailure(new Error('boom')).summary).toMatch(/nothing was saved/);
    expect(hasErrors(noErrors)).toBe(false);
  });
});
