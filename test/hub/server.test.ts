import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildHub } from '../../electron/hub/index.js';
import { postCall, startTestHub } from '../fixtures/hub-fixtures.js';

describe('the hub server', () => {
  it('lets a call already under way finish when it closes, then refuses new ones', async () => {
    const w = await startTestHub();
    try {
      // setRecoveryPassphrase does real key stretching (scrypt): close starts once the site has
      // the call, and the call is still running then.
      const site = w.t.site;
      const call = site.call.bind(site);
      let started!: () => void;
      const reachedSite = new Promise<void>((resolve) => (started = resolve));
      site.call = ((name: Parameters<typeof call>[0], input: unknown, token: string | null) => {
        started();
        return call(name, input, token);
      }) as typeof site.call;
      const inFlight = postCall(w.url, 'setRecoveryPassphrase', { passphrase: 'a long recovery passphrase', managerPin: '2468' }, { token: w.t.manager.token });
      await reachedSite;
      let closed = false;
      const closing = w.hub.close().then(() => (closed = true));
      const answer = await inFlight;
      expect(answer.status, answer.text).toBe(200);
      await closing;
      expect(closed).toBe(true);
      await expect(postCall(w.url, 'getDisplayState', {})).rejects.toThrow();
      expect(w.t.site.database.open).toBe(true);
    } finally {
      w.t.close();
    }
  });

  it('answers a request that arrives on a kept-alive connection while it closes with `unavailable`, in its own shape', async () => {
    const w = await startTestHub();
    try {
      const site = w.t.site;
      const call = site.call.bind(site);
      let started!: () => void;
      const reachedSite = new Promise<void>((resolve) => (started = resolve));
      site.call = ((name: Parameters<typeof call>[0], input: unknown, token: string | null) => {
        if (name === 'setRecoveryPassphrase') started();
        return call(name, input, token);
      }) as typeof site.call;
      const { port } = new URL(w.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      const request = (name: string, body: string, token?: string): string =>
        [
          `POST /api/${name} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
          ...(token === undefined ? [] : [`Authorization: Bearer ${token}`]),
          '',
          body,
        ].join('\r\n');
      socket.write(request('setRecoveryPassphrase', JSON.stringify({ passphrase: 'a long recovery passphrase', managerPin: '2468' }), w.t.manager.token));
      await reachedSite;
      // The connection is busy, so closing leaves it open; the next request on it arrives while closing.
      const closing = w.hub.close();
      socket.write(request('getSetupState', '{}'));
      await Promise.all([closing, ended]);
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
      expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
      expect(answers[1]).toMatch(/\r\nconnection: close\r\n/i);
      const body: unknown = JSON.parse(answers[1]!.slice(answers[1]!.indexOf('\r\n\r\n') + 4));
      expect(body).toEqual({ error: { code: 'unavailable', message: 'The hub is shutting down. Try again in a moment.' } });
    } finally {
      w.t.close();
    }
  });

  it('refuses requests addressed to a host name it does not know (DNS rebinding)', async () => {
    const w = await startTestHub();
    try {
      const app = await buildHub({ site: w.t.site });
      for (const host of ['rebind.attacker.example', 'rebind.attacker.example:8080', '127.0.0.1.nip.io']) {
        const refused = await app.inject({ method: 'POST', url: '/api/getSetupState', payload: {}, headers: { host } });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.code).toBe('forbidden');
      }
      for (const host of ['localhost:4000', '127.0.0.1:4000', '[::1]:4000']) {
        const answered = await app.inject({ method: 'POST', url: '/api/getSetupState', payload: {}, headers: { host } });
        expect(answered.statusCode).toBe(200);
      }
    } finally {
      w.t.close();
    }
  });

  it('can be built without listening, for inject', async () => {
    const w = await startTestHub();
    try {
      const app = await buildHub({ site: w.t.site });
      const answer = await app.inject({ method: 'POST', url: '/api/getSetupState', payload: {} });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({ result: { needsSetup: false, siteName: 'Liverpool One Stop Shop' } });
      await app.close();
    } finally {
      await w.close();
    }
  });
});
