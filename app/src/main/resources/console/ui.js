// Small DOM helpers. Every text goes in as a text node (never innerHTML): nothing the API
// returns can become markup.

let ids = 0;
export const uid = prefix => `${prefix}-${++ids}`;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function announce(message) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = message; }, 50);
}

/** Replaces the main area with a titled page and moves focus to its title. */
export function page(title, ...content) {
  document.title = `${title} · Latchkey console`;
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat().filter(Boolean));
  heading.focus();
  return main;
}

export function section(title, ...content) {
  const id = uid('section');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...content);
}

/** A labelled control: the label names the input for screen readers and tests. */
export function field(label, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  let hintEl = null;
  if (hint) {
    hintEl = h('span', { class: 'hint', id: id + '-hint' }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function input(attrs = {}) {
  return h('input', { type: 'text', ...attrs });
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** A group of radio buttons or check boxes in a fieldset with a legend. */
export function choices(legend, type, name, options, checked = []) {
  return h('fieldset', { class: 'choices' }, h('legend', {}, legend),
    options.map(([value, label, hint]) => {
      const id = uid(name);
      return h('div', { class: 'choice' },
        h('input', { type, name, value, id, checked: checked.includes(value) }),
        h('label', { for: id }, label, hint ? h('span', { class: 'hint' }, ' — ' + hint) : null));
    }));
}

export function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
}

export function button(label, onclick, attrs = {}) {
  return h('button', { type: 'button', onclick, ...attrs }, label);
}

export function table(caption, columns, rows, empty = 'Nothing yet.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c[0])))),
    h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', {}, c[1](row))))))));
}

export function when(instant) {
  if (!instant) return '—';
  const date = new Date(instant);
  return h('time', { datetime: instant, title: instant }, date.toLocaleString());
}

export function errorBox(error) {
  const problem = error && error.body ? error.body : {};
  const fields = (problem.errors || []).map(e => h('li', {}, h('code', {}, e.field), ': ', e.message));
  return h('div', { class: 'error', role: 'alert' }, (error && error.message) || String(error),
    fields.length ? h('ul', {}, fields) : null,
    problem.request_id ? h('span', { class: 'hint' }, ` Request ${problem.request_id}.`) : null);
}

/** Runs an action of a form: disables it meanwhile, shows an error in place if the action fails. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    form.querySelectorAll('.error').forEach(e => e.remove());
    const submit = form.querySelector('[type=submit]');
    if (submit) submit.disabled = true;
    try {
      await action(new FormData(form));
    } catch (error) {
      if (error && error.sessionEnded) return;
      form.append(errorBox(error));
    } finally {
      if (submit) submit.disabled = false;
    }
  });
  return form;
}

/**
 * A modal dialog (native <dialog>: keeps focus inside, Escape closes). Focus returns to what
 * opened it. `build(close)` returns the dialog's content.
 */
export function dialog(title, build) {
  const opener = document.activeElement;
  const titleId = uid('dialog');
  const el = h('dialog', { 'aria-labelledby': titleId });
  const close = () => {
    el.close();
  };
  el.addEventListener('close', () => {
    el.remove();
    if (opener && opener.isConnected) opener.focus();
    else document.querySelector('main h1')?.focus();
  });
  el.append(h('h2', { id: titleId }, title), ...[build(close)].flat());
  document.body.append(el);
  el.showModal();
  return el;
}

/**
 * Asks the member to type a word (a key's name) before a destructive action; the button stays
 * disabled until it matches.
 */
export function confirmTyped({ title, text, word, action, label }) {
  dialog(title, close => {
    const typed = input({ autocomplete: 'off', spellcheck: 'false' });
    const go = h('button', { type: 'submit', class: 'danger', disabled: true }, label);
    typed.addEventListener('input', () => { go.disabled = typed.value !== word; });
    const form = onSubmit(h('form', { method: 'dialog' },
      h('p', {}, text),
      field(`Type ${word} to confirm`, typed),
      h('div', { class: 'actions' }, go, button('Cancel', close))), async () => {
      await action();
      close();
    });
    return form;
  });
}

/** A plain yes/no confirmation for reversible or minor actions. */
export function confirm({ title, text, label, action }) {
  dialog(title, close => onSubmit(h('form', { method: 'dialog' }, h('p', {}, text),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, label), button('Cancel', close))),
  async () => {
    await action();
    close();
  }));
}

/**
 * Shows a secret once: a read-only field, a copy button and a warning. Dismissing it removes
 * the secret from the page; it is never stored, put in a URL or logged.
 */
export function revealSecret(container, { title, secret, warning, extra }) {
  const titleId = uid('secret');
  const value = h('input', { type: 'text', readonly: true, value: secret, class: 'secret', spellcheck: 'false',
    'aria-label': title, autocomplete: 'off' });
  const status = h('span', { class: 'hint', role: 'status' });
  const panel = h('section', { class: 'reveal', 'aria-labelledby': titleId },
    h('h2', { id: titleId, tabindex: '-1' }, title),
    h('p', { class: 'warning' }, warning || 'Copy it now: Latchkey shows it only this once and cannot show it again.'),
    h('div', { class: 'secret-row' }, value,
      button('Copy', async () => {
        try {
          await navigator.clipboard.writeText(value.value);
          status.textContent = 'Copied to the clipboard.';
        } catch {
          value.select();
          status.textContent = 'Select the text and copy it (the browser refused clipboard access).';
        }
      }, { class: 'primary' })),
    status, extra || null,
    button('I have saved it — hide it', () => {
      value.value = '';
      panel.remove();
      document.querySelector('main h1')?.focus();
    }));
  container.prepend(panel);
  panel.querySelector('h2').focus();
  return panel;
}

export function badge(text, kind = text) {
  return h('span', { class: `badge badge-${kind}` }, text);
}
