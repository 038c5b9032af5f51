// Insights: time to hello world for the team's API keys, and the team's requests per day — the
// sum of every key's daily usage (GET …/tokens/{id}/usage), since the API has no team-wide series.
import { get, list, enc } from './api.js';
import { h, page, section, table } from './ui.js';
import { drawUsage, lastDays } from './keys.js';

const MAX_KEYS = 200;

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

async function teamUsage() {
  const sites = await list('/v1/sites');
  const keys = (await Promise.all(sites.map(async site =>
    (await list(`/v1/sites/${enc(site.id)}/tokens`)).map(key => ({ site, key }))))).flat().slice(0, MAX_KEYS);
  const totals = new Map();
  const usages = await Promise.all(keys.map(({ site, key }) =>
    get(`/v1/sites/${enc(site.id)}/tokens/${enc(key.id)}/usage`)));
  for (const usage of usages) {
    for (const day of usage.data) totals.set(day.date, (totals.get(day.date) || 0) + day.requests);
  }
  return { keys: keys.length, days: lastDays(90, [...totals].map(([date, requests]) => ({ date, requests }))) };
}

export async function insightsPage() {
  const [o, usage] = await Promise.all([get('/v1/insights/onboarding'), teamUsage()]);
  const figure = (label, value) => h('div', { class: 'figure' }, h('span', { class: 'value' }, value),
    h('span', { class: 'label' }, label));
  const total = usage.days.reduce((sum, d) => sum + d.requests, 0);
  const chart = h('div', { class: 'chart', role: 'img',
    'aria-label': `The team's requests per day over the last 90 days: ${total} in all` });
  page('Insights',
    section('Time to hello world',
      h('p', { class: 'lead' }, 'From creating an API key to its first successful call.'),
      h('div', { class: 'figures' },
        figure('API keys', String(o.tokens)), figure('used', String(o.used)),
        figure('never used', String(o.never_used)), figure('median', duration(o.median_seconds)),
        figure('90th percentile', duration(o.p90_seconds)))),
    section('Requests per day (UTC, 90 days, every key of the team)', chart,
      h('p', { class: 'hint' }, `${total} requests by ${usage.keys} keys.`),
      h('details', {}, h('summary', {}, 'As a table'), table('Requests per day',
        [['Day', d => d.date], ['Requests', d => String(d.requests)]], usage.days.filter(d => d.requests > 0),
        'No request yet.'))));
  await drawUsage(chart, usage.days);
}
