// The member's own profile: who they are, where they are signed in, their password.
import { get, put, del, list, enc } from './api.js';
import { h, page, section, field, input, button, onSubmit, table, when, badge, announce } from './ui.js';

export async function profilePage(state) {
  const me = state.session.member;
  const [current, sessions, grants] = await Promise.all([get('/v1/session'), list('/v1/sessions'),
    list('/v1/oauth-grants')]);
  const reload = () => profilePage(state);
  const password = onSubmit(h('form', { class: 'grid narrow' },
    field('Current password', input({ type: 'password', name: 'current_password', autocomplete: 'current-password',
      required: true })),
    field('New password', input({ type: 'password', name: 'password', autocomplete: 'new-password', required: true,
      minlength: '12' }), 'At least 12 characters; a passphrase is best.'),
    field('New password again', input({ type: 'password', name: 'again', autocomplete: 'new-password',
      required: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Change password'))),
  async data => {
    if (data.get('password') !== data.get('again')) throw new Error('The two new passwords differ.');
    await put(`/v1/members/${enc(me.id)}/password`, { current_password: data.get('current_password'),
      password: data.get('password') });
    announce('Password changed.');
    await reload();
  });
  page('Profile',
    h('dl', { class: 'facts' }, h('dt', {}, 'Name'), h('dd', {}, me.name), h('dt', {}, 'Email'), h('dd', {}, me.email),
      h('dt', {}, 'Role'), h('dd', {}, badge(me.role)), h('dt', {}, 'Team'),
      h('dd', {}, `${state.session.team.name} (${state.session.team.id})`),
      h('dt', {}, 'This session ends'), h('dd', {}, when(current.expires_at), ' (or after inactivity, ',
        when(current.idle_expires_at), ')')),
    section('Your sessions', table('Sessions', [
      ['Started', s => when(s.created_at)],
      ['Last seen', s => when(s.last_seen_at)],
      ['From', s => `${s.ip || '?'} · ${s.user_agent || ''}`],
      ['Status', s => s.revoked_at ? badge('revoked') : s.id === current.id ? badge('this one', 'active') : badge('active')],
      ['Actions', s => s.revoked_at || s.id === current.id ? '' : button('Sign out', async () => {
        await del(`/v1/sessions/${enc(s.id)}`);
        announce('Session ended.');
        await reload();
      }, { 'aria-label': `Sign out the session started ${s.created_at}` })],
    ], sessions)),
    section('Apps you allowed (OAuth)', table('OAuth grants', [
      ['Client', g => h('code', {}, g.client_id)],
      ['Scopes', g => g.scopes.join(' ')],
      ['Allowed', g => when(g.created_at)],
      ['Status', g => g.revoked_at ? badge('revoked') : badge('active')],
      ['Actions', g => g.revoked_at ? '' : button('Revoke', async () => {
        await del(`/v1/oauth-grants/${enc(g.id)}`);
        announce('Access revoked.');
        await reload();
      }, { class: 'danger', 'aria-label': `Revoke access of ${g.client_id}` })],
    ], grants, 'No app has access on your behalf.')),
    section('Change your password', password));
}
