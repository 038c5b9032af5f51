// A site's schema (types and their fields) and its data scopes: a Type.field picker with
// search, the keys holding a scope shown before it is changed or deleted (owners only delete).
import { get, put, post, del, list, enc } from './api.js';
import { h, section, field, input, button, onSubmit, table, when, dialog, confirmTyped, announce, uid } from
  './ui.js';
import { isOwner } from './session.js';

export async function scopesTab(site, body) {
  const base = `/v1/sites/${enc(site.id)}`;
  const [schema, scopes] = await Promise.all([get(base + '/schema'), list(base + '/scopes')]);
  const reload = () => scopesTab(site, body);
  const entries = schema.types.flatMap(t => [`${t.name}.*`, ...t.fields.map(f => `${t.name}.${f}`)]);
  body.replaceChildren(
    section('Scopes', table('Scopes', [
      ['Name', s => s.name],
      ['Fields', s => h('code', {}, s.fields.join(', '))],
      ['Updated', s => when(s.updated_at)],
      ['Actions', s => h('div', { class: 'row-actions' },
        button('Edit', () => editScope(base, s, entries, reload), { 'aria-label': `Edit ${s.name}` }),
        isOwner() ? button('Delete', () => deleteScope(base, s, reload),
          { class: 'danger', 'aria-label': `Delete ${s.name}` }) : null)],
    ], scopes, 'No scope yet: every key sees every field.')),
    section('New scope', scopeForm(entries, [], async request => {
      await post(base + '/scopes', request);
      announce(`Scope ${request.name} created.`);
      await reload();
    })),
    section('Schema', schemaEditor(base, schema, reload)));
}

/** A scope's name and a searchable list of the schema's Type.field and Type.* entries. */
function scopeForm(entries, chosen, save, name = '') {
  const search = input({ type: 'search', placeholder: 'Customer.email or Customer.*', autocomplete: 'off' });
  const listId = uid('entries');
  const options = h('div', { class: 'picker', id: listId, role: 'group', 'aria-label': 'Fields' },
    entries.map(entry => {
      const id = uid('entry');
      return h('div', { class: 'choice', 'data-entry': entry.toLowerCase() },
        h('input', { type: 'checkbox', name: 'fields', value: entry, id, checked: chosen.includes(entry) }),
        h('label', { for: id }, h('code', {}, entry)));
    }));
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    options.querySelectorAll('.choice').forEach(c => { c.hidden = q !== '' && !c.dataset.entry.includes(q); });
  });
  const form = h('form', { class: 'grid' },
    field('Scope name', input({ name: 'name', required: true, value: name, maxlength: '100' })),
    entries.length ? field('Search fields', search) : h('p', { class: 'hint' },
      'The schema declares no type yet: add types and fields below first.'),
    options,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save scope')));
  return onSubmit(form, async data => save({ name: data.get('name'), fields: data.getAll('fields') }));
}

async function holders(base, scope) {
  const held = await list(`${base}/scopes/${enc(scope.id)}/tokens`);
  return held.length
    ? h('div', {}, h('p', {}, `${held.length} key(s) hold this scope; the change applies to them at once:`),
      h('ul', {}, held.map(k => h('li', {}, k.name, ' ', h('code', {}, k.id)))))
    : h('p', {}, 'No key holds this scope.');
}

async function editScope(base, scope, entries, reload) {
  const who = await holders(base, scope);
  dialog(`Edit scope “${scope.name}”`, close => [who, scopeForm(entries, scope.fields, async request => {
    await put(`${base}/scopes/${enc(scope.id)}`, request);
    close();
    announce(`Scope ${request.name} saved.`);
    await reload();
  }, scope.name), h('div', { class: 'actions' }, button('Cancel', close))]);
}

async function deleteScope(base, scope, reload) {
  const who = await holders(base, scope);
  confirmTyped({
    title: `Delete scope “${scope.name}”`,
    text: [who.textContent, 'Its fields become visible to every key unless another scope covers them.'].join(' '),
    word: scope.name,
    label: 'Delete scope',
    action: async () => {
      await del(`${base}/scopes/${enc(scope.id)}`);
      await reload();
    },
  });
}

/** The schema as lines "Type: field, field" — short to read and to edit. */
function schemaEditor(base, schema, reload) {
  const text = schema.types.map(t => `${t.name}: ${t.fields.join(', ')}`).join('\n');
  const area = h('textarea', { name: 'schema', rows: String(Math.max(4, schema.types.length + 2)),
    spellcheck: 'false' }, text);
  return onSubmit(h('form', { class: 'grid' },
    field('Types and fields', area, 'One type a line: Customer: name, email, plan'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save schema'))), async data => {
    const types = String(data.get('schema')).split('\n').map(l => l.trim()).filter(Boolean).map(line => {
      const [name, fields = ''] = line.split(':');
      return { name: name.trim(), fields: fields.split(',').map(f => f.trim()).filter(Boolean) };
    });
    await put(base + '/schema', { types });
    announce('Schema saved.');
    await reload();
  });
}
