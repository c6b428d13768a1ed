import type { JoinRequest, UnlockBridge, UnlockErrorCode, UnlockReply, UnlockState } from '../../shared/unlock-bridge.js';
import { unlockText as t } from './text.js';
import './unlock.css';

/*
 * The desktop app's own page before the store is open: what this PC is (hub or desk PC), joining
 * a site, first key, recovery passphrase, unlock, or a blocking error. Plain DOM, no framework: it
 * has a few small states and must load even when nothing else can. Text goes in with textContent only.
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

/** A step that is a choice or a form: keyboard first, so its first control has the focus (an error's field, where there is one). */
function focusFirst(selector: string): void {
  main.querySelector<HTMLElement>(selector)?.focus();
}

function setBusy(busy: boolean, message: string = t.working): void {
  for (const control of main.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) control.disabled = busy;
  main.querySelector('.status')?.replaceChildren(busy ? message : '');
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

/** One of the two first choices: a large button, and what it means below it (read out with it). */
function choice(id: string, label: string, hint: string, onClick: () => void, kind: 'primary' | 'secondary'): HTMLElement {
  const node = button(label, onClick, kind);
  node.classList.add('choice-button');
  node.setAttribute('aria-describedby', `${id}-hint`);
  return el('li', { class: 'choice' }, node, el('p', { id: `${id}-hint`, class: 'hint' }, hint));
}

type JoinField = keyof JoinRequest;

/** The field each refusal is about; the others concern the whole form (and the hub, not the typing). */
const joinErrorField: Partial<Record<UnlockErrorCode, JoinField>> = {
  'bad-address': 'address',
  'hub-unreachable': 'address',
  'hub-certificate': 'address',
  'bad-code': 'code',
  'pairing-refused': 'code',
};

/** The join form: the hub's address, the pairing code, this PC's name. Errors sit by their field. */
function joinForm(api: UnlockBridge, state: Extract<UnlockState, { step: 'join' }>): HTMLFormElement {
  const formError = el('p', { id: 'join-error', class: 'error', role: 'alert', tabindex: '-1' });
  const fields = {} as Record<JoinField, { input: HTMLInputElement; error: HTMLElement }>;
  const field = (name: JoinField, label: string, hint: string, attrs: Record<string, string>): HTMLElement => {
    const error = el('p', { id: `${name}-error`, class: 'error', role: 'alert' });
    const input = el('input', { id: name, name, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${name}-hint ${name}-error`, ...attrs });
    fields[name] = { input, error };
    return el('div', { class: 'field' }, el('label', { for: name }, label), el('p', { id: `${name}-hint`, class: 'hint' }, hint), error, input);
  };
  const form = el(
    'form',
    { novalidate: '' },
    formError,
    // Fixed by IT's settings file (docs/it-setup.md): shown, read-only, and said so.
    state.fixedAddress === null
      ? field('address', t.join.address, t.join.addressHint, { autocapitalize: 'none', maxlength: '300', class: 'input-wide' })
      : field('address', t.join.address, t.join.addressFixed, { readonly: '', class: 'input-wide input-fixed' }),
    field('code', t.join.code, t.join.codeHint, { autocapitalize: 'characters', maxlength: '40', class: 'input-code' }),
    field('label', t.join.label, t.join.labelHint, { maxlength: '60', class: 'input-wide' }),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', class: 'button button-primary' }, t.join.submit),
      ...(state.roleFixed ? [] : [button(t.back, () => act(() => api.backToChoice()), 'secondary')]),
    ),
    el('p', { class: 'status', 'aria-live': 'polite' }),
  );
  fields.label.input.value = state.suggestedLabel;
  if (state.fixedAddress !== null) fields.address.input.value = state.fixedAddress;
  const clear = (): void => {
    formError.textContent = '';
    for (const { input, error } of Object.values(fields)) {
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  };
  const fieldError = (name: JoinField, message: string): void => {
    fields[name].error.textContent = message;
    fields[name].input.setAttribute('aria-invalid', 'true');
  };
  const fail = (code: UnlockErrorCode): void => {
    const name = joinErrorField[code];
    if (name === undefined) {
      formError.textContent = t.errors[code];
      formError.focus();
      return;
    }
    fieldError(name, t.errors[code]);
    fields[name].input.focus();
    fields[name].input.select();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear();
    const request: JoinRequest = { address: fields.address.input.value, code: fields.code.input.value, label: fields.label.input.value };
    // Every missing field at once, the focus on the first (GOV.UK's error pattern).
    const missing: Array<[JoinField, string]> = [];
    if (request.address.trim() === '') missing.push(['address', t.join.addressMissing]);
    if (request.code.trim() === '') missing.push(['code', t.join.codeMissing]);
    if (missing.length > 0) {
      for (const [name, message] of missing) fieldError(name, message);
      fields[missing[0]![0]].input.focus();
      return;
    }
    setBusy(true, t.join.working);
    void api.joinSite(request).then(
      (reply) => {
        setBusy(false);
        if (reply.ok || reply.code === 'wrong-step' || reply.state.step !== 'join') return render(reply.state, reply.ok ? null : t.errors[reply.code]);
        fail(reply.code);
      },
      () => {
        setBusy(false);
        fail('failed');
      },
    );
  });
  return form;
}

function render(state: UnlockState, notice: string | null = null): void {
  if (bridge === undefined) return show(t.appName, el('p', {}, t.notInApp));
  const api = bridge;
  const noticeNode = notice === null ? [] : [el('p', { class: 'error', role: 'alert' }, notice)];
  switch (state.step) {
    case 'choose-role':
      show(
        t.chooseRole.title,
        ...noticeNode,
        el('p', {}, t.chooseRole.intro),
        el(
          'ul',
          { class: 'choices' },
          choice('hub', t.chooseRole.hub, t.chooseRole.hubHint, () => act(() => api.chooseHub()), 'primary'),
          choice('join', t.chooseRole.join, t.chooseRole.joinHint, () => act(() => api.chooseJoin()), 'secondary'),
        ),
        el('p', { class: 'status', 'aria-live': 'polite' }),
      );
      return focusFirst('.choice-button');
    case 'join':
      show(t.join.title, ...noticeNode, el('p', {}, t.join.intro), joinForm(api, state));
      return focusFirst(state.fixedAddress === null ? '#address' : '#code');
    case 'first-run': {
      const passphrase = passphraseForm({
        confirm: true,
        submitLabel: t.firstRun.create,
        autocomplete: 'new-password',
        submit: (p) => api.createWithPassphrase(p),
      });
      // Nothing exists yet: the person may still say this PC is a desk PC after all.
      const back = el('div', { class: 'actions actions-back' }, button(t.back, () => act(() => api.backToChoice()), 'secondary'));
      if (!state.systemProtection) return show(t.firstRun.title, ...noticeNode, el('p', {}, t.firstRun.noSystem), passphrase, back);
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
        back,
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
