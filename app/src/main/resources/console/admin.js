// Instance administration: new teams (each with its owner and the owner's first token, shown
// once) and the OAuth server's signing keys.
import { post, list } from './api.js';
import { h, page, section, field, input, onSubmit, table, when, choices, confirm, revealSecret, announce } from
  './ui.js';

export async function adminPage() {
  const keys = await list('/v1/oauth/signing-keys');
  const form = onSubmit(h('form', { class: 'grid narrow' },
    field('Team name', input({ name: 'name', required: true })),
    field('Owner email', input({ type: 'email', name: 'owner_email', required: true })),
    field('Owner name', input({ name: 'owner_name', required: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create team'))), async data => {
    const team = await post('/v1/teams', { name: data.get('name'), owner_email: data.get('owner_email'),
      owner_name: data.get('owner_name') });
    form.reset();
    revealSecret(document.getElementById('main'), { title: `First token of ${team.owner.email} (${team.name})`,
      secret: team.token,
      warning: 'Hand it to the new owner over a safe channel: shown only this once. With it they set their password.' });
  });
  const rotate = onSubmit(h('form', { class: 'grid narrow' },
    choices('The new key signs from', 'radio', 'activate_in_seconds', [['3600', 'In 1 hour',
      'published now, so verifiers caching the key set have it before it signs'], ['0', 'Now']], ['3600']),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Rotate signing key'))), async data => {
    confirm({ title: 'Rotate the signing key?', label: 'Rotate',
      text: 'Access tokens signed by the current key stay valid until they expire.',
      action: async () => {
        await post('/v1/oauth/signing-keys/rotate', { activate_in_seconds: Number(data.get('activate_in_seconds')) });
        announce('Signing key rotated.');
        await adminPage();
      } });
  });
  page('Instance', section('New team', form),
    section('Access-token signing keys', table('Signing keys', [
      ['Key id', k => h('code', {}, k.kid)], ['Algorithm', k => k.algorithm], ['Created', k => when(k.created_at)],
      ['Signs from', k => when(k.active_from)], ['Retired', k => when(k.retired_at)],
    ], keys), rotate));
}
