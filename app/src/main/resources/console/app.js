// The console's shell: who is signed in, the navigation, and a hash router (#/sites/…) that
// hands each page to its module. Routes carry ids only, never a secret.
import { get, post, del, useSession, onSignedOut, ApiError } from './api.js';
import { h, page, field, input, select, onSubmit, errorBox, announce } from './ui.js';
import { sitesPage, sitePage } from './sites.js';
import { keyPage } from './keys.js';
import { teamPage } from './team.js';
import { profilePage } from './profile.js';
import { auditPage } from './audit.js';
import { insightsPage } from './insights.js';
import { adminPage } from './admin.js';
import { state } from './session.js';


const routes = [
  [/^#\/sites$/, () => sitesPage()],
  [/^#\/sites\/([\w-]+)\/keys\/([\w-]+)$/, (site, key) => keyPage(site, key)],
  [/^#\/sites\/([\w-]+)(?:\/([\w-]+))?$/, (site, tab) => sitePage(site, tab || 'keys')],
  [/^#\/team$/, () => teamPage(state)],
  [/^#\/profile$/, () => profilePage(state)],
  [/^#\/audit$/, () => auditPage()],
  [/^#\/insights$/, () => insightsPage()],
  [/^#\/admin$/, () => adminPage()],
];

function nav() {
  const links = [['#/sites', 'Sites'], ['#/team', 'Team'], ['#/audit', 'Audit log'], ['#/insights', 'Insights'],
    ['#/profile', 'Profile']];
  if (state.session && state.session.member.instance_admin) links.push(['#/admin', 'Instance']);
  const current = location.hash.split('/').slice(0, 2).join('/');
  document.getElementById('nav').replaceChildren(...(state.session ? links.map(([href, label]) =>
    h('a', { href, 'aria-current': current === href ? 'page' : null }, label)) : []));
  const who = document.getElementById('who');
  who.replaceChildren(...(state.session ? [
    h('span', { class: 'member' }, `${state.session.member.email} · ${state.session.member.role} · `
      + state.session.team.name),
    h('button', { type: 'button', onclick: signOut }, 'Sign out')] : []));
}

async function route() {
  if (!location.hash.startsWith('#/')) {
    if (!location.hash) location.replace('#/sites');
    return;
  }
  if (!state.session) {
    signInPage();
    return;
  }
  nav();
  for (const [pattern, show] of routes) {
    const match = location.hash.match(pattern);
    if (match) {
      try {
        await show(...match.slice(1));
      } catch (error) {
        if (error instanceof ApiError && error.sessionEnded) return;
        page('Something went wrong', errorBox(error));
      }
      return;
    }
  }
  page('Not found', h('p', {}, 'No such page. '), h('a', { href: '#/sites' }, 'Back to the sites'));
}

async function startSession(session) {
  state.session = session;
  useSession(session);
}

function endSession(reason) {
  const wasSignedIn = state.session !== null;
  state.session = null;
  useSession(null);
  document.querySelectorAll('dialog').forEach(d => d.close());
  nav();
  signInPage(wasSignedIn && reason === 'expired'
    ? 'Your session has ended (it expired, or was revoked or signed out elsewhere). Sign in again.'
    : reason === 'signed-out' ? 'You are signed out.' : null);
}

async function signOut() {
  try {
    await del('/v1/session');
  } catch {
    // Already over: the result is the same.
  }
  endSession('signed-out');
}

function signInPage(notice) {
  document.title = 'Sign in · Latchkey console';
  const email = input({ type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const teamChoice = h('div', {});
  const form = onSubmit(h('form', { class: 'card narrow' },
    field('Email', email),
    field('Password', password),
    teamChoice,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in'))),
  async data => {
    const body = { email: data.get('email'), password: data.get('password') };
    if (data.get('team_id')) body.team_id = data.get('team_id');
    let session;
    try {
      session = await post('/v1/sessions', body);
    } catch (error) {
      // Right password, several teams: the API lists them; the member picks one and signs in again.
      const teams = error.body && error.body.details && error.body.details.teams;
      if (teams && !teamChoice.childElementCount) {
        teamChoice.replaceChildren(field('Team', select('team_id', teams.map(t => [t.id, `${t.name} (${t.id})`]))));
        teamChoice.querySelector('select').focus();
      }
      throw error;
    }
    password.value = '';
    await startSession(session);
    announce('Signed in.');
    route();
  });
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, 'Sign in to Latchkey');
  main.replaceChildren(heading,
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    form, firstRun());
  heading.focus();
}

function firstRun() {
  const here = location.origin;
  return h('section', { class: 'card narrow first-run', 'aria-labelledby': 'first-run' },
    h('h2', { id: 'first-run' }, 'First time here?'),
    h('p', {}, 'On its first start Latchkey creates a team, its owner (admin@localhost) and a bootstrap token, '
      + 'written to data/bootstrap-token (readable only by you). The owner has no password yet: set one once '
      + 'with that token, then sign in here with the e-mail and that password.'),
    h('pre', {}, h('code', {}, [
      'TOKEN=$(cat data/bootstrap-token)',
      `ME=$(curl -s ${here}/v1/whoami -H "Authorization: Bearer $TOKEN" \\`,
      '     | sed \'s/.*"member":{[^}]*"id":"\\([^"]*\\)".*/\\1/\')',
      `curl -s -XPUT ${here}/v1/members/$ME/password -H "Authorization: Bearer $TOKEN" \\`,
      '     -H "Content-Type: application/json" -d \'{"password":"a long passphrase of yours"}\''].join('\n'))),
    h('p', {}, 'Lost every owner credential? Start Latchkey once with LATCHKEY_RECOVER_OWNER=<owner e-mail>: it '
      + 'writes a one-day token to data/recovery-token (see the README, "If every owner credential expires").'),
    h('p', {}, 'Colleagues get a password from an owner (Team → Add member) or set their own with a personal '
      + 'access token.'));
}

async function start() {
  onSignedOut(reason => {
    if (state.session) endSession(reason);
  });
  try {
    await startSession(await get('/v1/session'));
  } catch (error) {
    state.session = null;
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
