// Instance administration: new teams, each with its owner and the owner's first token.
import { post } from './api.js';
import { h, page, section, field, input, onSubmit, revealSecret } from './ui.js';

export async function adminPage() {
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
  page('Instance', section('New team', form));
}
