// Insights: time to hello world for the team's API keys.
import { get } from './api.js';
import { h, page, section } from './ui.js';

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

export async function insightsPage() {
  const o = await get('/v1/insights/onboarding');
  const figure = (label, value) => h('div', { class: 'figure' }, h('span', { class: 'value' }, value),
    h('span', { class: 'label' }, label));
  page('Insights',
    section('Time to hello world',
      h('p', { class: 'lead' }, 'From creating an API key to its first successful call.'),
      h('div', { class: 'figures' },
        figure('API keys', String(o.tokens)), figure('used', String(o.used)),
        figure('never used', String(o.never_used)), figure('median', duration(o.median_seconds)),
        figure('90th percentile', duration(o.p90_seconds)))),
    h('p', { class: 'hint' }, 'Requests per day for each key are on the key\'s page (Sites → a site → a key).'));
}
