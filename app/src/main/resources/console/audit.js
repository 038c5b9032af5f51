// The audit log: a filtered table, each event's details, Verify chain, export as NDJSON.
import { get } from './api.js';
import { h, page, section, field, input, button, onSubmit, table, when, errorBox } from './ui.js';

const FILTERS = ['actor', 'action', 'target', 'site', 'since', 'until'];

export async function auditPage() {
  const form = h('form', { class: 'filters' },
    field('Actor', input({ name: 'actor', placeholder: 'mem_… or tok_…' })),
    field('Action', input({ name: 'action', placeholder: 'api_token.revoked' })),
    field('Target', input({ name: 'target', placeholder: 'tok_…' })),
    field('Site', input({ name: 'site', placeholder: 'site_…' })),
    field('Since', input({ type: 'datetime-local', name: 'since' })),
    field('Until', input({ type: 'datetime-local', name: 'until' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Filter')));
  const results = h('div', { class: 'results' });
  const exportLink = h('a', { href: '/v1/audit-events/export', download: 'audit-events.ndjson' }, 'Export NDJSON');
  const verification = h('div', { role: 'status' });
  const query = data => {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = data.get(name);
      if (!value) continue;
      params.set(name, name === 'since' || name === 'until' ? new Date(value).toISOString() : value);
    }
    return params.toString();
  };
  const columns = [
    ['Time', e => when(e.occurred_at)],
    ['Action', e => h('code', {}, e.action)],
    ['Actor', e => party(e.actor)],
    ['Target', e => party(e.target)],
    ['From', e => e.ip || '—'],
    ['Details', e => h('details', {}, h('summary', {}, `#${e.chain_position}`),
      h('pre', {}, JSON.stringify({ id: e.id, site_id: e.site_id, request_id: e.request_id,
        user_agent: e.user_agent, details: e.details, hash: e.hash }, null, 2)))],
  ];
  const show = async data => {
    const q = query(data);
    exportLink.href = '/v1/audit-events/export' + (q ? '?' + q : '');
    const events = [];
    let cursor = '';
    const more = async () => {
      const page = await get(`/v1/audit-events?limit=100${q ? '&' + q : ''}${cursor}`);
      events.push(...page.data);
      cursor = page.next_cursor ? `&starting_after=${encodeURIComponent(page.next_cursor)}` : '';
      results.replaceChildren(table('Audit events', columns, events, 'No event matches.'),
        page.has_more ? button('Older events', more) : null);
    };
    await more();
  };
  onSubmit(form, show);
  page('Audit log',
    h('p', { class: 'lead' }, 'Every change in this team, newest first, in a hash chain that shows any edit.'),
    section('Filter', form),
    h('div', { class: 'actions' },
      button('Verify chain', async () => {
        verification.replaceChildren('Verifying…');
        try {
          const result = await get('/v1/audit-events/verify');
          verification.replaceChildren(h('p', { class: result.ok ? 'ok' : 'error' }, result.ok
            ? `Chain intact: ${result.checked} events checked. Checkpoint ${result.checkpoint} (keep it elsewhere).`
            : `Chain broken at event ${result.first_mismatch.id} (#${result.first_mismatch.chain_position}): `
              + result.first_mismatch.reason));
        } catch (error) {
          verification.replaceChildren(errorBox(error));
        }
      }), exportLink),
    verification, results);
  await show(new FormData(form));
}

function party(p) {
  if (!p) return '—';
  return h('span', {}, p.name || p.id || p.type, h('span', { class: 'hint' }, ` ${p.type}${p.id ? ' ' + p.id : ''}`));
}
