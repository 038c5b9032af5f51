// The team: members (owners add, change roles and remove; developers see the list) and the
// member's own personal access tokens.
import { post, patch, del, list, enc } from './api.js';
import { h, page, section, field, input, select, choices, checkedValues, button, onSubmit, table, when,
  confirm, confirmTyped, revealSecret, badge, announce, dialog } from './ui.js';

const ROLES = [['developer', 'Developer'], ['owner', 'Owner']];

export async function teamPage(state) {
  const [members, tokens] = await Promise.all([list('/v1/members'), list('/v1/personal-tokens')]);
  const isOwner = state.session.member.role === 'owner';
  const me = state.session.member.id;
  const reload = () => teamPage(state);
  const columns = [
    ['Name', m => m.name],
    ['Email', m => m.email],
    ['Role', m => badge(m.role)],
    ['Added', m => when(m.created_at)],
  ];
  if (isOwner) {
    columns.push(['Actions', m => m.id === me ? h('span', { class: 'hint' }, 'you') : h('div', { class: 'row-actions' },
      roleChanger(m, reload),
      button('Sessions', () => memberSessions(m), { 'aria-label': `Sessions of ${m.name}` }),
      button('Issue token', () => issueToken(m), { 'aria-label': `Issue token to ${m.name}` }),
      button('Remove', () => confirm({
        title: `Remove ${m.name}?`,
        text: `${m.email} loses access to this team at once; their tokens and sessions stop working.`,
        label: 'Remove member',
        action: async () => {
          await del(`/v1/members/${enc(m.id)}`);
          announce(`${m.name} removed.`);
          await reload();
        },
      }), { class: 'danger', 'aria-label': `Remove ${m.name}` }))]);
  }
  const main = page('Team',
    section('Members', table('Members', columns, members),
      isOwner ? null : h('p', { class: 'hint' }, 'Only owners change roles and remove members.')),
    section('Add a member', addMemberForm(isOwner, reload)),
    section('Your personal access tokens', tokensTable(tokens, reload), tokenForm(reload)));
  return main;
}

/** An owner sees where a colleague is signed in, and can end a session. */
async function memberSessions(member) {
  const sessions = await list(`/v1/members/${enc(member.id)}/sessions`);
  dialog(`Sessions of ${member.name}`, close => {
    const body = h('div', {}, table('Sessions', [
      ['Started', s => when(s.created_at)],
      ['Last seen', s => when(s.last_seen_at)],
      ['From', s => `${s.ip || '?'} · ${s.user_agent || ''}`],
      ['Actions', s => s.revoked_at ? badge('revoked') : button('Sign out', async () => {
        await del(`/v1/sessions/${enc(s.id)}`);
        announce('Session ended.');
        close();
      }, { class: 'danger', 'aria-label': `Sign out the session started ${s.created_at}` })],
    ], sessions, 'No session.'));
    return [body, h('div', { class: 'actions' }, button('Close', close))];
  });
}

/** An owner issues a colleague's token (e.g. their first one, to set their own password). */
function issueToken(member) {
  dialog(`Issue a token to ${member.name}`, close => onSubmit(h('form', { method: 'dialog' },
    field('Token name', input({ name: 'name', required: true, value: 'first' })),
    field('Expires in (days)', input({ type: 'number', name: 'expires_in_days', min: '1', max: '366', value: '7',
      required: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Issue token'),
      button('Cancel', close))), async data => {
    const created = await post(`/v1/members/${enc(member.id)}/personal-tokens`, { name: data.get('name'),
      expires_in_days: Number(data.get('expires_in_days')) });
    close();
    revealSecret(document.getElementById('main'), { title: `Token for ${member.email}`, secret: created.token,
      warning: 'Hand it over on a safe channel: shown only this once.' });
  }));
}

function roleChanger(member, reload) {
  const role = select('role', ROLES, member.role);
  role.setAttribute('aria-label', `Role of ${member.name}`);
  return h('span', { class: 'inline' }, role, button('Change role', async () => {
    await patch(`/v1/members/${enc(member.id)}`, { role: role.value });
    announce(`${member.name} is now ${role.value}.`);
    await reload();
  }, { 'aria-label': `Change role of ${member.name}` }));
}

function addMemberForm(isOwner, reload) {
  const roles = isOwner ? ROLES : ROLES.filter(([r]) => r === 'developer');
  return onSubmit(h('form', { class: 'grid' },
    field('Email', input({ type: 'email', name: 'email', required: true, autocomplete: 'off' })),
    field('Name', input({ name: 'name', required: true })),
    field('Role', select('role', roles, 'developer')),
    field('Initial password', input({ type: 'password', name: 'password', autocomplete: 'new-password' }),
      'Optional: lets them sign in here. Tell them in person; they change it under Profile.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add member'))), async data => {
    const body = { email: data.get('email'), name: data.get('name'), role: data.get('role') };
    if (data.get('password')) body.password = data.get('password');
    const added = await post('/v1/members', body);
    announce(`${added.email} added.`);
    await reload();
  });
}

function tokensTable(tokens, reload) {
  return table('Personal access tokens', [
    ['Name', t => t.name],
    ['Token', t => h('code', {}, `${t.prefix}…${t.last4}`)],
    ['Permissions', t => t.permissions.join(', ')],
    ['Status', t => badge(t.status)],
    ['Expires', t => when(t.expires_at)],
    ['Last used', t => when(t.last_used_at)],
    ['Actions', t => t.status !== 'active' ? '' : button('Revoke', () => confirmTyped({
      title: `Revoke “${t.name}”`,
      text: 'Every call with this token fails from now on.',
      word: t.name,
      label: 'Revoke token',
      action: async () => {
        await del(`/v1/personal-tokens/${enc(t.id)}`);
        await reload();
      },
    }), { class: 'danger', 'aria-label': `Revoke ${t.name}` })],
  ], tokens, 'No personal access token.');
}

function tokenForm(reload) {
  const form = h('form', { class: 'grid' },
    h('h3', {}, 'New personal access token'),
    field('Token name', input({ name: 'name', required: true, placeholder: 'ci' })),
    field('Expires in (days)', input({ type: 'number', name: 'expires_in_days', min: '1', max: '366', value: '30',
      required: true })),
    choices('Permissions', 'checkbox', 'permissions', [['read', 'read'], ['write', 'write'], ['delete', 'delete'],
      ['admin', 'admin']], ['read']),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create token')));
  return onSubmit(form, async data => {
    const created = await post('/v1/personal-tokens', { name: data.get('name'),
      expires_in_days: Number(data.get('expires_in_days')), permissions: checkedValues(form, 'permissions') });
    await reload();
    revealSecret(document.getElementById('main'), { title: `New personal access token “${created.name}”`,
      secret: created.token });
  });
}
