// A site's other credentials: its site token (for builds and functions) and its OAuth clients.
import { post, del, list, enc } from './api.js';
import { h, section, field, input, select, choices, checkedValues, button, onSubmit, table, when, confirm,
  confirmTyped, revealSecret, badge } from './ui.js';

export async function siteTokenTab(site, body) {
  const go = () => confirm({
    title: 'Create or roll the site token?',
    text: 'A new site token replaces the current one at once: builds and functions using the old one stop working '
      + 'until they get the new one.',
    label: 'Create new site token',
    action: async () => {
      const token = await post(`/v1/sites/${enc(site.id)}/site-token`);
      revealSecret(body, { title: 'New site token', secret: token.token,
        warning: 'Put it in your build or function environment (e.g. LATCHKEY_SITE_TOKEN) now: shown only this once.' });
    },
  });
  body.replaceChildren(section('Site token',
    h('p', {}, 'One site token per site lets builds and functions fetch provider tokens '
      + '(GET /v1/site/connections/{provider}). Latchkey never shows it again after creating it.'),
    button('Create or roll site token', go, { class: 'primary' })));
}

export async function oauthClientsTab(site, body) {
  const base = `/v1/sites/${enc(site.id)}/oauth-clients`;
  const [clients, scopes] = await Promise.all([list(base), list(`/v1/sites/${enc(site.id)}/scopes`)]);
  const reload = () => oauthClientsTab(site, body);
  const form = h('form', { class: 'grid' },
    field('Client name', input({ name: 'name', required: true })),
    choices('Client type', 'radio', 'type', [['confidential', 'Confidential', 'a server that keeps a secret'],
      ['public', 'Public', 'a browser or mobile app (PKCE, no secret)']], ['confidential']),
    field('Environment', select('environment', [['test', 'Test'], ['live', 'Live']], 'test')),
    field('Redirect URIs', h('textarea', { name: 'redirect_uris', rows: '2', placeholder: 'https://app.example/callback' }),
      'One a line.'),
    choices('Scopes', 'checkbox', 'scopes', [['read', 'read'], ['write', 'write'], ['delete', 'delete'],
      ['openid', 'openid'], ['profile', 'profile'], ['email', 'email'], ['offline_access', 'offline_access'],
      ...scopes.map(s => [s.name, s.name, s.fields.join(', ')])], ['read']),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Register client')));
  onSubmit(form, async data => {
    const created = await post(base, { name: data.get('name'), type: data.get('type'),
      environment: data.get('environment'), scopes: checkedValues(form, 'scopes'),
      redirect_uris: String(data.get('redirect_uris') || '').split(/\s+/).filter(Boolean) });
    await reload();
    if (created.client_secret) {
      revealSecret(body, { title: `Secret of “${created.name}” (${created.client_id})`, secret: created.client_secret });
    }
  });
  body.replaceChildren(section('OAuth clients', table('OAuth clients', [
    ['Name', c => c.name],
    ['Client id', c => h('code', {}, c.client_id)],
    ['Type', c => c.type],
    ['Environment', c => badge(c.environment || 'test')],
    ['Redirect URIs', c => (c.redirect_uris || []).join(' ')],
    ['Scopes', c => (c.scopes || []).join(' ')],
    ['Created', c => when(c.created_at)],
    ['Actions', c => h('div', { class: 'row-actions' },
      c.type === 'confidential' ? button('Roll secret', () => confirm({
        title: `Roll the secret of “${c.name}”?`, text: 'The old secret stops working at once.', label: 'Roll secret',
        action: async () => {
          const rolled = await post(`${base}/${enc(c.client_id)}/secret`);
          revealSecret(body, { title: `New secret of “${c.name}”`, secret: rolled.client_secret });
        },
      }), { 'aria-label': `Roll secret of ${c.name}` }) : null,
      button('Delete', () => confirmTyped({
        title: `Delete “${c.name}”`, text: 'Its tokens stop working and apps using it can no longer sign in.',
        word: c.name, label: 'Delete client',
        action: async () => {
          await del(`${base}/${enc(c.client_id)}`);
          await reload();
        },
      }), { class: 'danger', 'aria-label': `Delete ${c.name}` }))],
  ], clients, 'No OAuth client yet.')), section('Register a client', form));
}
