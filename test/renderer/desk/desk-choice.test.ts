import { describe, expect, it } from 'vitest';
import { deskChoiceKey, fitDeskChoice, parseDeskChoice, recallDeskChoice, rememberDeskChoice } from '../../../renderer/desk/desk-choice.js';
import type { OpenDesk } from '../../../shared/domain/desk-session.js';
import type { Desk, Service } from '../../../shared/domain/site.js';

const desk = (id: number, active = true): Desk => ({ id, name: `Desk ${id}`, active });
const service = (id: number, letter: string, active = true): Service => ({ id, name: `Service ${letter}`, letter, targetWaitMinutes: 15, order: id * 10, active });
const openFor = (deskId: number, advisorId: number): OpenDesk => ({
  deskId,
  deskName: `Desk ${deskId}`,
  advisorId,
  advisorName: `Advisor ${advisorId}`,
  serviceIds: [1],
  openedAt: 0,
  current: null,
  paused: null,
});

describe('parseDeskChoice: what this PC remembered', () => {
  it('reads a desk id and service ids', () => {
    expect(parseDeskChoice('{"deskId":2,"serviceIds":[1,3]}')).toEqual({ deskId: 2, serviceIds: [1, 3] });
  });

  it('keeps each service once', () => {
    expect(parseDeskChoice('{"deskId":2,"serviceIds":[3,1,3]}')).toEqual({ deskId: 2, serviceIds: [3, 1] });
  });

  it('forgets nothing stored, text that is not JSON, and any other shape', () => {
    for (const raw of [null, '', 'desk 2', '[]', 'null', '{"deskId":"2","serviceIds":[1]}', '{"deskId":0,"serviceIds":[1]}', '{"deskId":1.5,"serviceIds":[1]}', '{"deskId":2}', '{"deskId":2,"serviceIds":[-1]}', '{"deskId":2,"serviceIds":"1,2"}']) {
      expect(parseDeskChoice(raw), String(raw)).toBeNull();
    }
  });

  it('keeps ids only: a name stored beside them is not carried on', () => {
    expect(parseDeskChoice('{"deskId":2,"serviceIds":[1],"advisor":"Adam Advisor"}')).toEqual({ deskId: 2, serviceIds: [1] });
  });

  it('refuses more services than there are letters', () => {
    const ids = Array.from({ length: 27 }, (_, i) => i + 1);
    expect(parseDeskChoice(JSON.stringify({ deskId: 1, serviceIds: ids }))).toBeNull();
  });
});

describe('fitDeskChoice: the remembered choice against the site today', () => {
  const desks = [desk(1), desk(2), desk(3, false)];
  const services = [service(1, 'C'), service(2, 'B'), service(3, 'H', false)];

  it('starts empty when nothing was remembered', () => {
    expect(fitDeskChoice(null, desks, services, [], 7)).toEqual({ deskId: null, serviceIds: [] });
  });

  it('picks the remembered desk and services when they are all still there', () => {
    expect(fitDeskChoice({ deskId: 2, serviceIds: [2, 1] }, desks, services, [], 7)).toEqual({ deskId: 2, serviceIds: [1, 2] });
  });

  it('drops a desk that is gone or switched off, and services that are gone or switched off', () => {
    expect(fitDeskChoice({ deskId: 3, serviceIds: [1, 3, 99] }, desks, services, [], 7)).toEqual({ deskId: null, serviceIds: [1] });
    expect(fitDeskChoice({ deskId: 42, serviceIds: [] }, desks, services, [], 7)).toEqual({ deskId: null, serviceIds: [] });
  });

  it('does not pick a desk open for someone else, but does pick one open for this advisor', () => {
    expect(fitDeskChoice({ deskId: 2, serviceIds: [1] }, desks, services, [openFor(2, 8)], 7).deskId).toBeNull();
    expect(fitDeskChoice({ deskId: 2, serviceIds: [1] }, desks, services, [openFor(2, 7)], 7).deskId).toBe(2);
  });
});

describe('remembering outside a browser', () => {
  it('names its key under the app’s prefix', () => {
    expect(deskChoiceKey).toBe('one-stop-queue.desk-choice');
  });

  it('neither throws nor recalls anything where there is no storage', () => {
    expect(() => rememberDeskChoice({ deskId: 1, serviceIds: [1] })).not.toThrow();
    expect(recallDeskChoice()).toBeNull();
  });
});
