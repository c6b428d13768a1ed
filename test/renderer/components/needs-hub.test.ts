import { describe, expect, it } from 'vitest';
import { hubControl } from '../../../renderer/components/needs-hub.js';

describe('a control whose call needs the hub', () => {
  it('is enabled, with only its own descriptions, while the hub answers', () => {
    const hub = hubControl(true, 'issue-needs-hub');
    expect(hub.disabled()).toBeUndefined();
    expect(hub.describedBy('issue-keys', null)).toBe('issue-keys');
    expect(hub.describedBy()).toBeUndefined();
  });

  it('is disabled while its own call is out, whatever the hub', () => {
    expect(hubControl(true, 'n').disabled(true)).toBe(true);
    expect(hubControl(false, 'n').disabled(true)).toBe(true);
  });

  it('is disabled while the hub cannot be reached, described by the note beside it after its own descriptions', () => {
    const hub = hubControl(false, 'issue-needs-hub');
    expect(hub.disabled()).toBe(true);
    expect(hub.disabled(false)).toBe(true);
    expect(hub.describedBy('issue-keys', undefined, 'issue-refusal')).toBe('issue-keys issue-refusal issue-needs-hub');
    expect(hub.describedBy()).toBe('issue-needs-hub');
  });
});
