import type { UnlockBridge, UnlockReply, UnlockState } from '../../shared/unlock-bridge.js';
import { unlockText as t } from './text.js';
import './unlock.css';

/*
 * The desktop app's own page before the store is open: first key, recovery passphrase, unlock,
 * or a blocking error. Plain DOM, no framework: it has five small states and must load even when
 * nothing else can. Text goes in with textContent only.
 */

const bridge = (window as Window & { deskUnlock?: UnlockBridge }).deskUnlock;
const main = document.getElementById('main') as HTMLElement;

type Child = Node | string;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function button(label: string, onClick: () => void, kind: 'primary' | 'secondary' = 'primary'): HTMLButtonElement {
  const node = el('button', { type: 'button', class: `button button-${kind}` }, label);
  node.addEventListener('click', onClick);
  return node;
}

function show(title: string, ...content: Child[]): void {
  const heading = el('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content);
  document.title = t.pageTitle(title);
  heading.focus();
}

function setBusy(busy: boolean): void {
  for (const control of main.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = busy;
  main.querySelector('.status')?.replaceChildren(busy ? t.working : '');
}

interface PassphraseFormSpec {
  confirm: boolean;
  submitLabel: string;
  autocomplete: 'new-password' | 'current-password';
  submit(passphrase: string): Promise<UnlockReply>;
  extra?: Child[];
}

/** A passphrase form whose errors sit next to the field they concern (GOV.UK pattern). */
function passphraseForm(spec: PassphraseFormSpec): HTMLFormElement {
  const error = el('p', { id: 'passphrase-error', class: 'error', role: 'alert' });
  const first = el('input', { id: 'passphrase', name: 'passphrase', type: 'password', autocomplete: spec.autocomplete, 'aria-describedby': 'passphrase-hint passphrase-error', spellcheck: 'false' });
  const second = el('input', { id: 'passphrase-again', name: 'passphrase-again', type: 'password', autocomplete: 'new-password', spellcheck: 'false' });
  const fields: Child[] = [
    el('label', { for: 'passphrase' }, t.passphrase),
    el('p', { id: 'passphrase-hint', class: 'hint' }, spec.confirm ? t.passphraseHint : ''),
    error,
    first,
  ];
  if (spec.confirm) fields.push(el('label', { for: 'passphrase-again' }, t.passphraseAgain), second);
  const form = el(
    'form',
    { novalidate: '' },
    el('div', { class: 'field' }, ...fields),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'button button-primary' }, spec.submitLabel), ...(spec.extra ?? [])),
    el('p', { class: 'status', 'aria-live': 'polite' }),
  );
  const fail = (message: string): void => {
    error.textContent = message;
    first.setAttribute('aria-invalid', 'true');
    first.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (first.value === '') return fail(t.passphraseMissing);
    if (spec.confirm && first.value !== second.value) {
      second.value = '';
      return fail(t.passphrasesDiffer);
    }
    error.textContent = '';
    first.removeAttribute('aria-invalid');
    setBusy(true);
    void spec.submit(first.value).then(
      (reply) => {
        setBusy(false);
        if (reply.ok || reply.code === 'wrong-step' || reply.state.step === 'blocked') return render(reply.state, reply.ok ? null : t.errors[reply.code]);
        if (spec.confirm) second.value = '';
        fail(t.errors[reply.code]);
      },
      () => {
        setBusy(false);
        fail(t.errors.failed);
      },
    );
  });
  return form;
}

function act(work: () => Promise<UnlockReply>): void {
  setBusy(true);
  void work().then(
    (reply) => render(reply.state, reply.ok ? null : t.errors[reply.code]),
    () => {
      setBusy(false);
      main.querySelector('.status')?.replaceChildren(t.errors.failed);
    },
  );
}

function render(state: UnlockState, notice: string | null = null): void {
  if (bridge === undefined) return show(t.appName, el('p', {}, t.notInApp));
  const api = bridge;
  const noticeNode = notice === null ? [] : [el('p', { class: 'error', role: 'alert' }, notice)];
  switch (state.step) {
    case 'first-run': {
      const passphrase = passphraseForm({
        confirm: true,
        submitLabel: t.firstRun.create,
        autocomplete: 'new-password',
        submit: (p) => api.createWithPassphrase(p),
      });
      if (!state.systemProtection) return show(t.firstRun.title, ...noticeNode, el('p', {}, t.firstRun.noSystem), passphrase);
      return show(
        t.firstRun.title,
        ...noticeNode,
        el('p', {}, t.firstRun.intro),
        el('p', {}, t.firstRun.systemIntro),
        el('div', { class: 'actions' }, button(t.firstRun.useSystem, () => act(() => api.useSystemProtection()))),
        el('p', { class: 'status', 'aria-live': 'polite' }),
        el('h2', {}, t.passphrase),
        el('p', {}, t.firstRun.orPassphrase),
        passphrase,
      );
    }
    case 'recovery-offer':
      return show(
        t.recovery.title,
        ...noticeNode,
        el('p', {}, t.recovery.intro),
        passphraseForm({
          confirm: true,
          submitLabel: t.recovery.set,
          autocomplete: 'new-password',
          submit: (p) => api.setRecoveryPassphrase(p),
          extra: [button(t.recovery.skip, () => act(() => api.skipRecoveryPassphrase()), 'secondary')],
        }),
        el('p', { class: 'hint' }, t.recovery.skipHint),
      );
    case 'unlock':
      return show(
        t.unlock.title,
        ...noticeNode,
        el('p', {}, state.reason === 'system-failed' ? t.unlock.systemFailed : t.unlock.passphraseOnly),
        passphraseForm({ confirm: false, submitLabel: t.unlock.submit, autocomplete: 'current-password', submit: (p) => api.unlockWithPassphrase(p) }),
      );
    case 'blocked':
      return show(
        t.blocked.title,
        el('p', { class: 'problem' }, t.blocked.problems[state.problem]),
        el('p', {}, t.blocked.nothingChanged),
        ...(state.detail === '' ? [] : [el('h2', {}, t.blocked.detailLabel), el('pre', { class: 'detail' }, state.detail)]),
        el(
          'div',
          { class: 'actions' },
          button(t.blocked.retry, () => {
            setBusy(true);
            void api.retry().then((next) => render(next), () => setBusy(false));
          }),
          button(t.quit, () => void api.quit(), 'secondary'),
        ),
        el('p', { class: 'status', 'aria-live': 'polite' }),
      );
    case 'open':
      // The shell loads the app in this window next.
      return show(t.opening);
  }
}

if (bridge === undefined) render({ step: 'open' });
else void bridge.getState().then((state) => render(state), () => show(t.blocked.title, el('p', {}, t.errors.failed)));
