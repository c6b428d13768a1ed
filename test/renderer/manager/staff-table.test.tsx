import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../shared/domain/staff.js';
import { StaffTable } from '../../../renderer/manager/staff-table.js';
import { text } from '../../../renderer/i18n/text.js';

const none = () => undefined;
const member = (id: number, name: string, extra: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name,
  role: 'receptionist',
  active: true,
  lockedUntil: null,
  needsUnlock: false,
  needsPin: false,
  ...extra,
});

function rowOf(html: string, name: string): string {
  const start = html.indexOf(`<th scope="row">${name}</th>`);
  return html.slice(start, html.indexOf('</tr>', start));
}

describe('the staff table', () => {
  it('says "No PIN yet" for staff brought from another hub PC, and keeps Reset PIN there for them', () => {
    const html = renderToStaticMarkup(
      <StaffTable
        staff={[member(1, 'Mia Manager', { role: 'manager' }), member(2, 'Rita Reception', { needsPin: true })]}
        timeZone="Europe/London"
        onUnlock={none}
        onChangeRole={none}
        onResetPin={none}
        onSetActive={none}
      />,
    );
    expect(rowOf(html, 'Rita Reception')).toContain(text.manager.staff.noPinYet);
    expect(rowOf(html, 'Rita Reception')).toContain('staff-2-pin');
    expect(rowOf(html, 'Mia Manager')).not.toContain(text.manager.staff.noPinYet);
  });
});
