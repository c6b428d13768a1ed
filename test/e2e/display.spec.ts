import type { Page } from '@playwright/test';
import type { Session } from '../../shared/domain/staff.js';
import { addStaff, expect, expectNoSeriousAxeViolations, saveScreen, setUpSite, signInAs, site, test, type Hub } from './fixtures/hub.js';

/** Nothing about these people may ever reach the waiting-area screen. */
const visitors = [
  { name: 'Siân Jones-Évans', street: '1 Castle Street', postcode: 'L2 9SH', reason: 'Council tax bill' },
  { name: 'Tomasz Wiśniewski', street: '22 Bold Street', postcode: 'L1 4DS', reason: 'Housing repair' },
  { name: 'Grace Okonkwo', street: '5 Hope Street', postcode: 'L1 9BQ', reason: 'Blue badge renewal' },
  { name: 'Dafydd ap Gwilym', street: '9 Duke Street', postcode: 'L1 5AA', reason: 'Parking permit' },
  { name: 'Niamh O’Brien', street: '14 Seel Street', postcode: 'L1 4BH', reason: 'Benefits claim' },
  { name: 'Yusuf Al-Rashid', street: '3 Wood Street', postcode: 'L1 4DQ', reason: 'Bin collection' },
];
const secrets = visitors.flatMap((visitor) => [visitor.name, visitor.street, visitor.postcode, visitor.reason]);

interface World {
  hub: Hub;
  /** Replaced after a restart: sessions live in the hub's memory only. */
  manager: Session;
  services: Map<string, number>;
  desks: Array<{ id: number; name: string }>;
}

async function siteWithDesks(hub: Hub): Promise<World> {
  const manager = await setUpSite(hub);
  const services = new Map((await hub.call('listServices', {}, manager.token)).map((service) => [service.letter, service.id]));
  const desks = (await hub.call('listDesks', {}, manager.token)).filter((desk) => desk.active);
  return { hub, manager, services, desks };
}

function serviceId(w: World, letter: string): number {
  const id = w.services.get(letter);
  if (id === undefined) throw new Error(`no service ${letter}`);
  return id;
}

let nextVisitor = 0;

/** A ticket over the API; a manager's PIN lets it in after the last-ticket time, so the test passes at any hour. */
async function issue(w: World, letter: string): Promise<{ visitId: number; number: string }> {
  const visitor = visitors[nextVisitor++ % visitors.length]!;
  const issued = await w.hub.call(
    'issueTicket',
    {
      visitor: { name: visitor.name, addressLines: [visitor.street], postcode: visitor.postcode, noFixedAbode: false },
      serviceId: serviceId(w, letter),
      reason: visitor.reason,
      needs: { interpreter: false, language: null, hearing: false, mobility: false },
      priority: null,
      callByNumberOnly: false,
      afterHours: { managerId: w.manager.staff.id, managerPin: site.managerPin },
    },
    w.manager.token,
  );
  return { visitId: issued.ticket.visitId, number: issued.ticket.number };
}

/** An advisor at each desk (one desk per person), signed in over the API. */
async function openDesks(w: World, letters: readonly string[][]): Promise<string[]> {
  const tokens: string[] = [];
  for (const [index, serving] of letters.entries()) {
    const desk = w.desks[index];
    if (desk === undefined) throw new Error(`the site has no desk ${index + 1}`);
    let token = w.manager.token;
    if (index > 0) {
      const name = `Advisor ${index}`;
      const pin = String(4000 + index);
      await addStaff(w.hub, w.manager, name, 'advisor', pin);
      const entry = (await w.hub.call('listSignInStaff', {})).find((each) => each.name === name);
      if (entry === undefined) throw new Error(`${name} is not on the sign-in list`);
      token = (await w.hub.call('signIn', { staffId: entry.id, pin })).token;
    }
    await w.hub.call('openDesk', { deskId: desk.id, serviceIds: serving.map((letter) => serviceId(w, letter)) }, token);
    tokens.push(token);
  }
  return tokens;
}

/**
 * Sound, recorded instead of heard, in order: each chime the page plays at full volume (the silent
 * probe at start plays at volume 0) and when it ends, and each line given to speech synthesis,
 * replaced by a fake that "speaks" for 600 ms (headless Chromium has no voices). A string: a
 * function would be compiled by tsx with helpers the page does not have.
 */
const soundSpy = `
  window.__announced = [];
  const record = (what) => window.__announced.push(what);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (this.volume > 0 && !this.muted) record('chime ' + new URL(this.currentSrc || this.src).pathname);
    return play.call(this);
  };
  // The chime's element is in no document, so nothing above it hears its end: the spy listens on
  // the element itself, first, so that the end is written down before the page acts on it.
  const listen = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'ended' && this instanceof HTMLMediaElement && !this.__spied) {
      this.__spied = true;
      listen.call(this, 'ended', () => record('chime ended'));
    }
    return listen.call(this, type, listener, options);
  };
  if ('speechSynthesis' in window) {
    window.speechSynthesis.speak = (utterance) => {
      record('say ' + utterance.text);
      setTimeout(() => {
        record('said');
        if (utterance.onend) utterance.onend(new Event('end'));
      }, 600);
    };
    window.speechSynthesis.cancel = () => record('speech cancelled');
  }
`;

function announced(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as Window & { __announced?: string[] }).__announced ?? []);
}

/** Each sound starts only after the one before it has ended. */
function expectOneAtATime(log: readonly string[]): void {
  let sounding: string | null = null;
  for (const entry of log) {
    if (entry.startsWith('chime /') || entry.startsWith('say ')) {
      expect(sounding, `"${entry}" began while "${String(sounding)}" was still sounding:\n${log.join('\n')}`).toBeNull();
      sounding = entry;
    } else if (entry === 'chime ended' || entry === 'said') sounding = null;
  }
}

/** Nothing scrolls and nothing lies past the window's edge or outside its own section. */
async function expectToFillWithoutScrolling(page: Page, width: number, height: number): Promise<void> {
  const box = await page.evaluate(() => {
    const outside = (inner: DOMRect, outer: DOMRect) =>
      inner.left < outer.left - 1 || inner.top < outer.top - 1 || inner.right > outer.right + 1 || inner.bottom > outer.bottom + 1;
    const viewport = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      overflowing: Array.from(document.querySelectorAll('.display *'))
        // Clipped to nothing on purpose: the speech switch until focused, the words for screen readers.
        .filter((element) => element.closest('.display__settings, .visually-hidden') === null)
        .filter((element) => {
          const rect = element.getBoundingClientRect();
          if (rect.width === 0) return false;
          const section = element.parentElement?.closest('section, header');
          return outside(rect, viewport) || (section !== null && section !== undefined && outside(rect, section.getBoundingClientRect()));
        })
        .map((element) => `${element.className} "${element.textContent ?? ''}"`),
    };
  });
  expect(box).toEqual({ scrollWidth: width, scrollHeight: height, overflowing: [] });
}

/** Whether the page may sound yet: `checking`, `needs-start` (a browser nobody has used) or `ready`. */
function soundGate(page: Page): Promise<string | null> {
  return page.locator('.display').getAttribute('data-sound');
}

/**
 * Once someone has used the site, Chromium lets it sound after a reload or in another tab of the
 * same browser: Start is asked for only the first time.
 */
async function startIfAsked(page: Page): Promise<void> {
  await expect.poll(() => soundGate(page)).not.toBe('checking');
  if ((await soundGate(page)) === 'needs-start') await startDisplay(page, { speak: false });
  await expect.poll(() => soundGate(page)).toBe('ready');
}

/** In a browser, sound waits for someone to press Start; Enter does it, since focus starts there. */
async function startDisplay(page: Page, { speak }: { speak: boolean }): Promise<void> {
  const start = page.getByRole('dialog', { name: 'Start the waiting-area display' });
  await expect(start).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start display' })).toBeFocused();
  if (speak) {
    await page.getByRole('checkbox', { name: 'Also say each call aloud' }).check();
    await page.getByRole('button', { name: 'Start display' }).focus();
  }
  await page.keyboard.press('Enter');
  await expect(start).toBeHidden();
}

test.describe('the waiting-area display', () => {
  test('in a browser: Start unlocks sound; a call and a recall each chime then speak, one after the other; no name ever reaches the page', async ({ page, hub }) => {
    // Two calls said in full, a reload and every answer read back: longer than one screen's test.
    test.setTimeout(120_000);
    const framesReceived: string[] = [];
    const answers: Array<Promise<string>> = [];
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => framesReceived.push(String(frame.payload))));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) answers.push(response.text().catch(() => ''));
    });
    const chimeAnswers: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/chime.wav') chimeAnswers.push(response.status());
    });
    await page.addInitScript({ content: soundSpy });
    const s = await siteWithDesks(hub);
    await openDesks(s, [['C']]);
    const desk = s.desks[0]!;

    await page.goto(`${hub.url}/#/display`);
    await expect(page.getByRole('heading', { name: 'Now calling' })).toBeAttached();
    await expectNoSeriousAxeViolations(page);
    await saveScreen(page, 'display-start');
    await startDisplay(page, { speak: true });
    // Start rang the chime inside the press, which is what unlocks sound.
    await expect.poll(() => announced(page)).toContain('chime /chime.wav');
    await expect(page.getByText('Please take a seat.')).toBeVisible();
    await expect.poll(() => announced(page)).toContain('chime ended');
    await page.evaluate(() => {
      (window as Window & { __announced?: string[] }).__announced = [];
    });

    const ticket = await issue(s, 'C');
    await hub.call('callNext', { deskId: desk.id }, s.manager.token);
    // Pushed over the event socket: no reload.
    const row = page.locator('.display__call').filter({ hasText: ticket.number });
    await expect(row).toContainText(desk.name);
    await hub.call('recallTicket', { visitId: ticket.visitId }, s.manager.token);
    await expect(row.getByText('Called again')).toBeVisible();

    const line = `say Ticket ${Array.from(ticket.number).join(' ')}, please go to ${desk.name}`;
    await expect.poll(() => announced(page), { timeout: 15_000 }).toEqual(['chime /chime.wav', 'chime ended', line, 'said', 'chime /chime.wav', 'chime ended', line, 'said']);
    expectOneAtATime(await announced(page));
    expect(chimeAnswers.length).toBeGreaterThan(0);
    expect(chimeAnswers.every((status) => status === 200 || status === 206)).toBe(true);

    // The visitor reaches the desk and is served: the call stays on screen as an earlier call.
    await hub.call('startService', { visitId: ticket.visitId }, s.manager.token);
    await hub.call('finishService', { visitId: ticket.visitId, outcome: 'resolved' }, s.manager.token);
    await page.reload();
    await startIfAsked(page);
    await expect(page.locator('.display__earlier-list')).toContainText(ticket.number);
    await expect(page.locator('.display__call')).toHaveCount(0);

    // Nothing personal anywhere: not on screen, not in any answer, not in any frame pushed to the page.
    const everything = [await page.locator('body').innerText(), await page.content(), ...(await Promise.all(answers)), ...framesReceived].join('\n');
    expect(framesReceived.some((frame) => frame.includes(ticket.number))).toBe(true);
    for (const secret of secrets) expect(everything, `"${secret}" reached the display`).not.toContain(secret);
    await expectNoSeriousAxeViolations(page);
  });

  test('after the hub restarts, a call made since appears without a reload', async ({ page, hub }) => {
    // A second start of `serve` (tsx compiles again) and the socket's backoff.
    test.setTimeout(120_000);
    const s = await siteWithDesks(hub);
    await openDesks(s, [['C', 'H']]);
    const desk = s.desks[0]!;
    await page.goto(`${hub.url}/#/display`);
    await startDisplay(page, { speak: false });
    const first = await issue(s, 'C');
    await hub.call('callNext', { deskId: desk.id }, s.manager.token);
    await expect(page.locator('.display__call').filter({ hasText: first.number })).toBeVisible();
    // Marks this page: a reload would lose it.
    await page.evaluate(() => {
      (window as Window & { sameDocument?: boolean }).sameDocument = true;
    });

    await hub.serve.restart();
    // Sessions live in the hub's memory: the manager signs in again; the desk may need opening again.
    s.manager = await hub.call('signIn', { staffId: s.manager.staff.id, pin: site.managerPin });
    const open = await hub.call('listDeskSessions', {}, s.manager.token);
    if (!open.some((each) => each.deskId === desk.id)) {
      await hub.call('openDesk', { deskId: desk.id, serviceIds: [serviceId(s, 'C'), serviceId(s, 'H')] }, s.manager.token);
    }
    await hub.call('startService', { visitId: first.visitId }, s.manager.token);
    await hub.call('finishService', { visitId: first.visitId, outcome: 'resolved' }, s.manager.token);
    const second = await issue(s, 'H');
    await hub.call('callNext', { deskId: desk.id }, s.manager.token);

    await expect(page.locator('.display__call').filter({ hasText: second.number })).toContainText(desk.name, { timeout: 20_000 });
    await expect(page.locator('.display__earlier-list')).toContainText(first.number);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument)).toBe(true);

    // And the event socket is live again: the display does not poll, so only a push can show the next call.
    const third = await issue(s, 'C');
    await hub.call('markNoShow', { visitId: second.visitId }, s.manager.token);
    await hub.call('callNext', { deskId: desk.id }, s.manager.token);
    await expect(page.locator('.display__call').filter({ hasText: third.number })).toBeVisible();
  });

  test('waiting counts, and a call that stops calling, follow the queue as it changes: pushed, never polled', async ({ page, hub }) => {
    const s = await siteWithDesks(hub);
    const [token] = await openDesks(s, [['C']]);
    // Timers stand still: only a pushed event can move the screen.
    await page.clock.install();
    await page.goto(`${hub.url}/#/display`);
    await startDisplay(page, { speak: false });
    const tile = page.locator('.display__waiting').getByText('Council Tax');
    await expect(tile).toBeVisible();
    const first = await issue(s, 'C');
    await issue(s, 'C');
    await expect(page.locator('.display__waiting')).toContainText('2 waiting');
    await hub.call('callNext', { deskId: s.desks[0]!.id }, token!);
    await expect(page.locator('.display__waiting')).toContainText('1 waiting');
    await expect(page.locator('.display__call')).toContainText(first.number);
    // The visitor reaches the desk: the row leaves "now calling" for the earlier calls.
    await hub.call('startService', { visitId: first.visitId }, token!);
    await expect(page.locator('.display__call')).toHaveCount(0);
    await expect(page.locator('.display__earlier')).toContainText(first.number);
  });

  test('fills the screen at 1920×1080 and at 1280×720, with calls, earlier calls and waiting counts, and never scrolls', async ({ page, hub }) => {
    test.setTimeout(120_000);
    const s = await siteWithDesks(hub);
    const tokens = await openDesks(s, [['C', 'B'], ['H'], ['C', 'P', 'D'], ['B', 'W']]);
    const tickets = [];
    for (const letter of ['C', 'H', 'C', 'B', 'H', 'C', 'P', 'B', 'C', 'H', 'W', 'D', 'C']) tickets.push(await issue(s, letter));
    // Desk 1 serves two and finishes them; desk 2 one; then desks 1 to 3 call and desk 4 is still serving.
    const call = async (desk: number) => {
      const ticket = await s.hub.call('callNext', { deskId: s.desks[desk]!.id }, tokens[desk]!);
      if (ticket === null) throw new Error(`nobody waits for desk ${desk + 1}`);
      return ticket;
    };
    const serve = async (desk: number) => {
      const ticket = await call(desk);
      await s.hub.call('startService', { visitId: ticket.visitId }, tokens[desk]!);
      await s.hub.call('finishService', { visitId: ticket.visitId, outcome: 'resolved' }, tokens[desk]!);
    };
    await serve(0);
    await serve(1);
    await serve(0);
    const servingAt4 = await call(3);
    await s.hub.call('startService', { visitId: servingAt4.visitId }, tokens[3]!);
    await call(2);
    await call(1);

    await page.addInitScript({ content: soundSpy });
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      // A reload the second time: going to the same address with only a #fragment would not load the page again.
      if (page.url().endsWith('#/display')) await page.reload();
      else await page.goto(`${hub.url}/#/display`);
      await startIfAsked(page);
      await expect(page.locator('.display__call'), await page.locator('.display__main').innerText()).toHaveCount(2);
      await call(0);
      await expect(page.locator('.display__call')).toHaveCount(3);
      await expect(page.locator('.display__earlier-list li')).toHaveCount(3);
      await expect(page.locator('.display__service')).not.toHaveCount(0);
      await saveScreen(page, `display-${width}`);
      await expectToFillWithoutScrolling(page, width, height);
      await expectNoSeriousAxeViolations(page);
      // The next pass calls desk 1 again: let its ticket go, so the screen has the same shape.
      const current = (await s.hub.call('listDeskSessions', {}, s.manager.token)).find((desk) => desk.deskId === s.desks[0]!.id)?.current;
      if (current) {
        await s.hub.call('startService', { visitId: current.visitId }, tokens[0]!);
        await s.hub.call('finishService', { visitId: current.visitId, outcome: 'resolved' }, tokens[0]!);
      }
    }
    // Each service shown has someone waiting or a desk open for it; letters as on the tickets.
    await expect(page.locator('.display__letter').first()).toHaveText(/^[A-Z]$/);
  });

  test('six desks calling at once, long desk names and every service still fit a 1280×720 screen', async ({ page, hub }) => {
    test.setTimeout(150_000);
    const s = await siteWithDesks(hub);
    for (const name of ['Interview Room 2', 'Housing Options Room']) s.desks.push(await hub.call('createDesk', { name }, s.manager.token));
    const letters = ['C', 'B', 'H', 'P', 'W', 'D'];
    const tokens = await openDesks(s, letters.map((letter) => [letter]));
    for (const letter of [...letters, 'G', 'C', 'H', 'H']) await issue(s, letter);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript({ content: soundSpy });
    await page.goto(`${hub.url}/#/display`);
    await startIfAsked(page);
    const called = [];
    for (const [index, token] of tokens.entries()) called.push(await hub.call('callNext', { deskId: s.desks[index]!.id }, token));
    await hub.call('recallTicket', { visitId: called[5]!.visitId }, tokens[5]!);
    await expect(page.locator('.display__call')).toHaveCount(6);
    await expect(page.locator('.display__call').filter({ hasText: 'Housing Options Room' })).toContainText('Called again');
    await expect(page.locator('.display__service')).toHaveCount(7);
    // Saved first, so that a layout that does not fit can be looked at.
    await saveScreen(page, 'display-six-desks');
    await expectToFillWithoutScrolling(page, 1280, 720);
    await expectNoSeriousAxeViolations(page);
  });

  test('the speech switch is out of sight until Tab reaches it, and remembered on this PC', async ({ page, hub }) => {
    await setUpSite(hub);
    await page.goto(`${hub.url}/#/display`);
    await startDisplay(page, { speak: false });
    const toggle = page.getByRole('button', { name: 'Say each call aloud' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect((await toggle.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    // Start hands focus to the screen: the next Tab is the switch.
    await page.keyboard.press('Tab');
    await expect(toggle).toBeFocused();
    expect((await toggle.boundingBox())?.width ?? 0).toBeGreaterThan(50);
    await expect(toggle).toHaveText('Say each call aloud: off');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toHaveText('Say each call aloud: on');
    await saveScreen(page, 'display-speech-switch');
    await page.reload();
    await startIfAsked(page);
    await expect(page.getByRole('button', { name: 'Say each call aloud' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('?speak=1 in the address switches spoken call-outs on for a display started from a shortcut', async ({ page, hub }) => {
    await setUpSite(hub);
    await page.goto(`${hub.url}/?speak=1#/display`);
    await expect(page.getByRole('checkbox', { name: 'Also say each call aloud' })).toBeChecked();
    await startDisplay(page, { speak: false });
    await expect(page.getByRole('button', { name: 'Say each call aloud' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('the clock shows the site’s time, whatever zone the display PC is set to', async ({ browser, hub }) => {
  await setUpSite(hub);
  // A PC set to New Zealand time: 13 hours from Liverpool in December, 11 in summer.
  const context = await browser.newContext({ timezoneId: 'Pacific/Auckland', viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(`${hub.url}/#/display`);
    const clock = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());
    // Read against the site's wall clock each time, so a minute turning mid-test cannot fail it.
    await expect.poll(async () => (await page.locator('.display__time').textContent()) === clock('Europe/London')).toBe(true);
    expect(await page.locator('.display__time').textContent()).not.toBe(clock('Pacific/Auckland'));
  } finally {
    await context.close();
  }
});

test('the manager’s screen opens the display in a new tab, which needs no sign-in and carries no session', async ({ page, hub }) => {
  await setUpSite(hub);
  await page.goto(hub.url);
  await signInAs(page, site.manager, site.managerPin);
  const link = page.getByRole('link', { name: 'Open the waiting-area display (opens in a new window)' });
  await expect(link).toBeVisible();
  const [display] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(display).toHaveURL(/#\/display$/);
  await expect(display.getByRole('heading', { name: 'Now calling' })).toBeAttached();
  // `noopener`: the staff tab's session (sessionStorage) stays behind.
  expect(await display.evaluate(() => sessionStorage.length)).toBe(0);
});

test('where sound needs no Start (the desktop app’s display window), the calls show at once and the chime rings for a call', async ({ playwright, hub }) => {
  // A browser of its own, allowed to play sound unprompted as the desktop app's display window is
  // (autoplayPolicy in electron/shell/window-options.ts).
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript({ content: soundSpy });
    const s = await siteWithDesks(hub);
    await openDesks(s, [['C']]);
    await page.goto(`${hub.url}/#/display`);
    await expect(page.getByText('Please take a seat.')).toBeVisible();
    // The silent check at start found sound allowed: no Start button, ever.
    await page.waitForTimeout(500);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const ticket = await issue(s, 'C');
    await hub.call('callNext', { deskId: s.desks[0]!.id }, s.manager.token);
    await expect(page.locator('.display__call')).toContainText(ticket.number);
    await expect.poll(() => announced(page)).toEqual(['chime /chime.wav', 'chime ended']);
  } finally {
    await browser.close();
  }
});
