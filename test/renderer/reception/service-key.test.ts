import { describe, expect, it } from 'vitest';
import { serviceForKey } from '../../../renderer/reception/service-picker.js';
import type { Service } from '../../../shared/domain/site.js';

const service = (id: number, letter: string): Service => ({ id, name: `Service ${letter}`, letter, targetWaitMinutes: 20, order: id, active: true });
const services = [service(1, 'A'), service(2, 'B'), service(3, 'C')];

describe('serviceForKey', () => {
  it('finds the service whose letter is the key pressed', () => {
    expect(serviceForKey(services, 'KeyC')).toBe(services[2]);
    expect(serviceForKey(services, 'KeyA')).toBe(services[0]);
  });

  it('finds none for a letter no service has', () => {
    expect(serviceForKey(services, 'KeyZ')).toBeUndefined();
  });

  it('finds none for a key that is not a letter', () => {
    expect(serviceForKey(services, 'Digit1')).toBeUndefined();
    expect(serviceForKey(services, 'Numpad3')).toBeUndefined();
    expect(serviceForKey(services, 'KeyC ')).toBeUndefined();
  });

  it('finds none when there are no services', () => {
    expect(serviceForKey([], 'KeyA')).toBeUndefined();
  });
});
