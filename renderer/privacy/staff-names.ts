import { useEffect, useMemo, useState } from 'react';
import type { StaffMember } from '../../shared/domain/staff.js';
import { useApi } from '../api/api-context.js';
import { text } from '../i18n/text.js';

/** Who a log's `staffId` is, by name: the logs hold ids only (docs/design.md, "The data"). */
export interface StaffNames {
  staff: readonly StaffMember[];
  of(staffId: number | null): string;
}

/** Every member of staff, active or not (a log outlives a leaver), read once for the page. */
export function useStaffNames(): StaffNames {
  const api = useApi();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    let live = true;
    api
      .listStaff({})
      .then((list) => live && setStaff([...list].sort((a, b) => a.name.localeCompare(b.name, text.locale))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return useMemo(() => {
    const names = new Map(staff.map((member) => [member.id, member.name]));
    const t = text.privacy.audit;
    return { staff, of: (staffId) => (staffId === null ? t.nobody : (names.get(staffId) ?? t.unknownStaff(staffId))) };
  }, [staff]);
}
