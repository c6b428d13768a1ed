import { z } from 'zod';
import type { OpenDesk } from '../../shared/domain/desk-session.js';
import type { Desk, Service } from '../../shared/domain/site.js';

/**
 * The desk and services this PC opened last, so the advisor finds them ticked next time. Ids
 * only — never a name or anything about a visitor — and in `localStorage` because it belongs to
 * the PC at the desk, not to the tab or the person signed in.
 */
export const deskChoiceKey = 'one-stop-queue.desk-choice';

export interface DeskChoice {
  deskId: number;
  serviceIds: number[];
}

const storedChoice = z.object({
  deskId: z.int().positive(),
  serviceIds: z.array(z.int().positive()).max(26),
});

/** What was stored, if it is a choice at all; anything else (hand-edited, an older shape) is forgotten. */
export function parseDeskChoice(raw: string | null): DeskChoice | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = storedChoice.safeParse(value);
  if (!parsed.success) return null;
  return { deskId: parsed.data.deskId, serviceIds: [...new Set(parsed.data.serviceIds)] };
}

/** The form's starting point: no desk set, every service unticked. */
export interface DeskChoiceDraft {
  deskId: number | null;
  serviceIds: number[];
}

/**
 * A remembered choice fitted to the site as it is today: a desk that is gone, switched off or
 * open for someone else is not picked, and services that are gone or switched off are dropped,
 * the rest kept in the site's order.
 */
export function fitDeskChoice(choice: DeskChoice | null, desks: readonly Desk[], services: readonly Service[], open: readonly OpenDesk[], advisorId: number): DeskChoiceDraft {
  if (choice === null) return { deskId: null, serviceIds: [] };
  const takenByOthers = new Set(open.filter((session) => session.advisorId !== advisorId).map((session) => session.deskId));
  const desk = desks.find((each) => each.id === choice.deskId && each.active && !takenByOthers.has(each.id));
  const wanted = new Set(choice.serviceIds);
  return {
    deskId: desk?.id ?? null,
    serviceIds: services.filter((service) => service.active && wanted.has(service.id)).map((service) => service.id),
  };
}

function pcStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage switched off by policy: the advisor ticks the services each morning.
    return null;
  }
}

export function recallDeskChoice(): DeskChoice | null {
  try {
    return parseDeskChoice(pcStorage()?.getItem(deskChoiceKey) ?? null);
  } catch {
    return null;
  }
}

export function rememberDeskChoice(choice: DeskChoice): void {
  try {
    pcStorage()?.setItem(deskChoiceKey, JSON.stringify({ deskId: choice.deskId, serviceIds: choice.serviceIds }));
  } catch {
    // Full or refused: the choice is only a convenience.
  }
}
