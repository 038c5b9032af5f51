// Sites: the list, creating one, and a site's page with its tabs.
import { get, post, del, list, enc } from './api.js';
import { h, page, section, field, input, onSubmit, table, when, button, confirmTyped, announce } from './ui.js';
import { keysTab } from './keys.js';
import { scopesTab } from './scopes.js';
import { connectionsTab } from './connections.js';
import { siteTokenTab, oauthClientsTab } from './site-credentials.js';

export async function sitesPage() {
  const sites = await list('/v1/sites');
  const name = input({ name: 'name', required: true, maxlength: '200' });
  const form = onSubmit(h('form', { class: 'inline' }, field('Site name', name),
    h('button', { type: 'submit', class: 'primary' }, 'Create site')), async data => {
    const site = await post('/v1/sites', { name: data.get('name') });
    location.hash = `#/sites/${site.id}/keys`;
  });
  page('Sites',
    h('p', { class: 'lead' }, 'A site is one API you protect: its keys, data scopes, connections and OAuth clients.'),
    table('Sites', [
      ['Name', s => h('a', { href: `#/sites/${s.id}/keys` }, s.name)],
      ['Id', s => h('code', {}, s.id)],
      ['Created', s => when(s.created_at)],
    ], sites, 'No site yet: create the first one below.'),
    section('New site', form));
}

const TABS = [['keys', 'API keys'], ['scopes', 'Schema & scopes'], ['connections', 'Connections'],
  ['site-token', 'Site token'], ['oauth-clients', 'OAuth clients']];
const SHOW = { keys: keysTab, scopes: scopesTab, connections: connectionsTab, 'site-token': siteTokenTab,
  'oauth-clients': oauthClientsTab };

export async function sitePage(siteId, tab) {
  const site = await get(`/v1/sites/${enc(siteId)}`);
  const show = SHOW[tab] || keysTab;
  const tabs = h('nav', { class: 'tabs', 'aria-label': 'Site' }, TABS.map(([id, label]) =>
    h('a', { href: `#/sites/${site.id}/${id}`, 'aria-current': id === tab ? 'page' : null }, label)));
  const body = h('div', { class: 'tab-body' });
  const remove = button('Delete site', () => confirmTyped({
    title: `Delete the site “${site.name}”`,
    text: 'Its API keys, site token, OAuth clients, connections and data stop working and are deleted.',
    word: site.name,
    label: 'Delete site',
    action: async () => {
      await del(`/v1/sites/${enc(site.id)}`);
      announce(`${site.name} deleted.`);
      location.hash = '#/sites';
    },
  }), { class: 'danger' });
  page(site.name, h('div', { class: 'crumbs split' }, h('p', {}, h('a', { href: '#/sites' }, 'Sites'), ' / ',
    h('code', {}, site.id)), remove), tabs, body);
  await show(site, body);
}
