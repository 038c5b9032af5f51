// Connections of a site to other APIs: the provider catalog (with what an unconfigured provider
// still needs), choosing scopes, Connect → the provider's consent (in a new tab) → the console
// sees the connection appear; status, refresh and disconnect.
import { post, del, list, enc } from './api.js';
import { h, section, choices, checkedValues, button, onSubmit, table, when, confirm, badge, announce } from
  './ui.js';

export async function connectionsTab(site, body) {
  const base = `/v1/sites/${enc(site.id)}/connections`;
  const [providers, connections] = await Promise.all([list('/v1/providers'), list(base)]);
  const reload = () => connectionsTab(site, body);
  const byProvider = new Map(connections.map(c => [c.provider, c]));
  body.replaceChildren(
    section('Connected', table('Connections', [
      ['Provider', c => c.provider],
      ['Account', c => c.account ? (c.account.name || c.account.id || '—') : '—'],
      ['Status', c => h('span', {}, badge(c.status), c.status_reason ? ` ${c.status_reason}` : '')],
      ['Scopes', c => (c.scopes || []).join(' ')],
      ['Token expires', c => when(c.expires_at)],
      ['Last refresh', c => when(c.last_refreshed_at)],
      ['Actions', c => h('div', { class: 'row-actions' },
        button('Refresh now', async () => {
          await post(`${base}/${enc(c.provider)}/refresh`);
          announce(`${c.provider} refreshed.`);
          await reload();
        }, { 'aria-label': `Refresh now: ${c.provider}` }),
        button('Disconnect', () => confirm({
          title: `Disconnect ${c.provider}?`,
          text: `Latchkey revokes this connection's token at ${c.provider} (when ${c.provider} allows it) and `
            + 'forgets it; builds asking for it with the site token get an error until you connect again.',
          label: 'Disconnect',
          action: async () => {
            const result = await del(`${base}/${enc(c.provider)}`);
            announce(result && result.note ? result.note : `${c.provider} disconnected.`);
            await reload();
          },
        }), { class: 'danger', 'aria-label': `Disconnect ${c.provider}` }))],
    ], connections, 'No connection yet.')),
    section('Providers', h('div', { class: 'providers' },
      providers.map(p => providerCard(site, base, p, byProvider.get(p.id), reload)))));
}

function providerCard(site, base, provider, connection, reload) {
  const card = h('article', { class: 'card provider', 'aria-label': provider.name },
    h('h3', {}, provider.name, ' ', provider.configured ? badge('configured', 'active') : badge('not configured',
      'revoked')));
  if (!provider.configured) {
    card.append(h('p', {}, 'The operator still has to set:'), h('ul', {}, provider.missing_settings.map(s =>
      h('li', {}, h('code', {}, s.environment_variable), ' (', h('code', {}, s.property), ')'))));
    return card;
  }
  const status = h('p', { role: 'status' });
  const form = h('form', {},
    choices('Scopes', 'checkbox', 'scopes', provider.scopes.map(s => [s.name, s.name, s.description]),
      connection ? connection.scopes : provider.default_scopes),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, connection ? 'Reconnect' : 'Connect')), status);
  card.append(onSubmit(form, async () => {
    const started = await post(base, { provider: provider.id, scopes: checkedValues(form, 'scopes') });
    // The provider's consent opens in a new tab; its callback lands on Latchkey's API, which
    // answers there. Here the console waits for the connection to appear.
    window.open(started.authorize_url, '_blank', 'noopener');
    status.textContent = `Approve at ${provider.name} in the new tab; this page updates when it is done.`;
    await waitFor(base, provider.id, connection, started.expires_at);
    announce(`${provider.name} connected.`);
    await reload();
  }));
  return card;
}

async function waitFor(base, providerId, before, until) {
  const deadline = until ? Date.parse(until) : Date.now() + 600000;
  while (Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 2000));
    const now = (await list(base)).find(c => c.provider === providerId);
    if (now && (!before || now.connected_at !== before.connected_at)) return now;
  }
  throw new Error('The connection was not completed in time. Start again.');
}
