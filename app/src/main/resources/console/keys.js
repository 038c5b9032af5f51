// API keys of a site: create (shown once), list, roll with an overlap, revoke with a typed
// confirmation, and a key's page with its usage chart.
import { get, post, del, list, enc } from './api.js';
import { h, page, section, field, input, choices, checkedValues, button, onSubmit, table, when, dialog,
  confirmTyped, revealSecret, badge, announce } from './ui.js';

const PERMISSIONS = [['read', 'read'], ['write', 'write'], ['delete', 'delete'], ['admin', 'admin']];
const OVERLAPS = [['0', 'Now', 'the old key stops at once'], ['3600', '1 hour'], ['86400', '24 hours'],
  ['604800', '7 days']];

export async function keysTab(site, body) {
  const base = `/v1/sites/${enc(site.id)}/tokens`;
  const [keys, scopes] = await Promise.all([list(base), list(`/v1/sites/${enc(site.id)}/scopes`)]);
  const reload = async () => keysTab(site, body);
  const rows = table('API keys', [
    ['Name', k => h('a', { href: `#/sites/${site.id}/keys/${k.id}` }, k.name)],
    ['Key', k => h('code', {}, `${k.prefix}…${k.last4}`)],
    ['Type', k => k.type],
    ['Environment', k => badge(k.environment)],
    ['Status', k => badge(k.status)],
    ['Created', k => when(k.created_at)],
    ['Last used', k => when(k.last_used_at)],
    ['Actions', k => k.status === 'revoked' ? '' : h('div', { class: 'row-actions' },
      button('Roll', () => roll(site, k, body, reload), { 'aria-label': `Roll ${k.name}` }),
      button('Revoke', () => revoke(site, k, reload), { class: 'danger', 'aria-label': `Revoke ${k.name}` }))],
  ], keys, 'No API key yet: create one below.');
  body.replaceChildren(section('API keys', rows), section('New API key', createForm(site, scopes, body, reload)));
}

function createForm(site, scopes, body, reload) {
  const form = h('form', { class: 'grid' },
    field('Name', input({ name: 'name', required: true, maxlength: '200', placeholder: 'backend' })),
    choices('Type', 'radio', 'type', [['secret', 'Secret', 'every permission of the site'],
      ['restricted', 'Restricted', 'only the permissions chosen']], ['secret']),
    choices('Environment', 'radio', 'environment', [['test', 'Test', 'test data only'], ['live', 'Live']], ['test']),
    choices('Permissions (restricted keys)', 'checkbox', 'permissions', PERMISSIONS, ['read']),
    scopes.length ? choices('Data scopes', 'checkbox', 'scopes', scopes.map(s => [s.id, s.name,
      s.fields.join(', ')])) : null,
    field('Expires', input({ type: 'datetime-local', name: 'expires_at' }), 'Empty: never.'),
    field('Allowed IP addresses', h('textarea', { name: 'allowed_ips', rows: '2', placeholder: '203.0.113.0/24' }),
      'One address or CIDR range a line; empty: from anywhere.'),
    h('fieldset', { class: 'choices' }, h('legend', {}, 'Rate limit (optional)'),
      field('Requests', input({ type: 'number', name: 'rate_requests', min: '1', max: '1000000' })),
      field('Per seconds', input({ type: 'number', name: 'rate_seconds', min: '1', max: '86400' }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create API key')));
  return onSubmit(form, async data => {
    const request = { name: data.get('name'), type: data.get('type'), environment: data.get('environment') };
    if (request.type === 'restricted') request.permissions = checkedValues(form, 'permissions');
    const chosen = checkedValues(form, 'scopes');
    if (chosen.length) request.scopes = chosen;
    if (data.get('expires_at')) request.expires_at = new Date(data.get('expires_at')).toISOString();
    const ips = String(data.get('allowed_ips') || '').split(/[\s,]+/).filter(Boolean);
    if (ips.length) request.allowed_ips = ips;
    if (data.get('rate_requests') || data.get('rate_seconds')) {
      request.rate_limit = { requests: Number(data.get('rate_requests')), per_seconds: Number(data.get('rate_seconds')) };
    }
    const created = await post(`/v1/sites/${enc(site.id)}/tokens`, request);
    await reload();
    revealSecret(body, { title: `New API key “${created.name}”`, secret: created.token });
    announce('API key created. Copy it now.');
  });
}

function roll(site, key, body, reload) {
  dialog(`Roll “${key.name}”`, close => onSubmit(h('form', { method: 'dialog' },
    h('p', {}, 'Rolling issues a new key with the same settings. How long may the old key keep working?'),
    choices('Old key keeps working for', 'radio', 'expires_in', OVERLAPS, ['0']),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Roll key'),
      button('Cancel', close))), async data => {
    const rolled = await post(`/v1/sites/${enc(site.id)}/tokens/${enc(key.id)}/roll`,
      { expires_in: Number(data.get('expires_in')) });
    close();
    await reload();
    revealSecret(body, { title: `New key for “${rolled.name}”`, secret: rolled.token });
  }));
}

function revoke(site, key, reload) {
  confirmTyped({
    title: `Revoke “${key.name}”`,
    text: `Every call with ${key.prefix}…${key.last4} fails from now on. This cannot be undone.`,
    word: key.name,
    label: 'Revoke key',
    action: async () => {
      await del(`/v1/sites/${enc(site.id)}/tokens/${enc(key.id)}`);
      announce(`${key.name} revoked.`);
      await reload();
    },
  });
}

/** One key: its settings and requests per day over 90 days (uPlot, with the same figures as a table). */
export async function keyPage(siteId, keyId) {
  const base = `/v1/sites/${enc(siteId)}/tokens/${enc(keyId)}`;
  const [key, usage] = await Promise.all([get(base), get(base + '/usage')]);
  const days = lastDays(90, usage.data);
  const chart = h('div', { class: 'chart', role: 'img',
    'aria-label': `Requests per day over the last 90 days: ${days.reduce((a, d) => a + d.requests, 0)} in all` });
  page(`API key “${key.name}”`,
    h('p', { class: 'crumbs' }, h('a', { href: '#/sites' }, 'Sites'), ' / ',
      h('a', { href: `#/sites/${siteId}/keys` }, 'API keys'), ' / ', h('code', {}, key.id)),
    h('dl', { class: 'facts' }, fact('Key', h('code', {}, `${key.prefix}…${key.last4}`)), fact('Type', key.type),
      fact('Environment', key.environment), fact('Status', badge(key.status)),
      fact('Permissions', key.permissions.join(', ')), fact('Scopes', (key.scopes || []).join(', ') || '—'),
      fact('Allowed IPs', (key.allowed_ips || []).join(', ') || 'anywhere'),
      fact('Rate limit', key.rate_limit ? `${key.rate_limit.requests} per ${key.rate_limit.per_seconds} s` : '—'),
      fact('Expires', when(key.expires_at)), fact('Created', when(key.created_at)),
      fact('Last used', when(key.last_used_at))),
    section('Requests per day (UTC, 90 days)', chart,
      h('details', {}, h('summary', {}, 'As a table'), table('Requests per day',
        [['Day', d => d.date], ['Requests', d => String(d.requests)]], days.filter(d => d.requests > 0),
        'No request yet.'))));
  await drawUsage(chart, days);
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** Every day of the period, the days without a request included. */
export function lastDays(count, data) {
  const byDay = new Map(data.map(d => [d.date, d.requests]));
  const days = [];
  const today = new Date();
  for (let i = count - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const date = day.toISOString().slice(0, 10);
    days.push({ date, requests: byDay.get(date) || 0, time: day.getTime() / 1000 });
  }
  return days;
}

export async function drawUsage(container, days, label = 'Requests') {
  const { default: uPlot } = await import('./vendor/uPlot.esm.js');
  const width = Math.max(320, Math.min(container.clientWidth || 800, 960));
  const plot = new uPlot({
    width, height: 240,
    series: [{}, { label, stroke: '#1d4ed8', fill: 'rgba(29, 78, 216, 0.35)', width: 1,
      paths: uPlot.paths.bars({ size: [0.8, 12] }) }],
    axes: [{}, { label, values: (u, ticks) => ticks.map(v => (Number.isInteger(v) ? v : '')) }],
    scales: { x: { time: true, range: (u, min, max) => [min - 43200, max + 43200] },
      y: { range: (u, min, max) => [0, Math.max(1, max)] } },
  }, [days.map(d => d.time), days.map(d => d.requests)], container);
  container.dataset.points = String(days.length);
  return plot;
}
