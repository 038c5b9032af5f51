// Drives the admin console (/console/) in a real (headless) Chromium, as a team owner and a
// developer would, and checks every page it visits with axe-core.
// Usage: node console.mjs <base url> <owner email> <owner password> <developer email>
//                         <developer password> <owner personal access token> <screenshot dir>
//                         <the public URL Latchkey announces>
// Prints one line per fact the Java test asserts on:
//   copied <API key read back from the clipboard>      revoked <name of the revoked key>
//   developer-owner-actions <count>                    expired <notice shown>
//   signed-out <heading shown after sign-out>          axe <page> <serious+critical violations>
//   connected <the connections row of the provider connected through its consent page>
//   rolled <the new key of a roll>   scope pii   site-token <site token>   pat <personal access token>
//   client-secret <an OAuth client's secret>   audit-filtered <export link>   password-changed yes
// Fails on any Content-Security-Policy violation or script error the pages report.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [base, ownerEmail, ownerPassword, devEmail, devPassword, ownerPat, shots, publicUrl] = process.argv.slice(2);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
const say = line => console.log(line);

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', error => problems.push(String(error)));
  return page;
}

// axe-core runs through the DevTools protocol, which the page's CSP does not govern: the page
// itself stays under its strict policy.
async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    console.error(`axe ${name}: ${v.id} (${v.impact}) ${v.help}: ` + v.nodes.map(n => n.target.join(' ')).join(', '));
  }
  say(`axe ${name} ${bad.length}`);
}

async function shot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

async function signIn(page, email, password) {
  await page.goto(base + '/console/');
  await page.getByRole('heading', { name: 'Sign in to Latchkey' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sites' }).waitFor();
}

try {
  // An owner: sign in, create a site, create a key, copy it once, revoke another.
  const owner = await newPage();
  await owner.goto(base + '/console/');
  await owner.getByRole('heading', { name: 'Sign in to Latchkey' }).waitFor();
  await axe(owner, 'sign-in');
  await shot(owner, 'sign-in');
  // A wrong password: the API's answer, in place, and still the sign-in page.
  await owner.getByLabel('Email').fill(ownerEmail);
  await owner.getByLabel('Password').fill('not the password');
  await owner.getByRole('button', { name: 'Sign in' }).click();
  say('refused ' + await owner.getByRole('alert').textContent());
  await signIn(owner, ownerEmail, ownerPassword);
  await owner.getByLabel('Site name').fill('shop');
  await owner.getByRole('button', { name: 'Create site' }).click();
  await owner.getByRole('heading', { name: 'API keys' }).waitFor();

  async function createKey(name) {
    await owner.getByLabel('Name', { exact: true }).fill(name);
    await owner.getByRole('button', { name: 'Create API key' }).click();
    const panel = owner.getByRole('region', { name: `New API key “${name}”` });
    await panel.waitFor();
    return panel;
  }
  const panel = await createKey('backend');
  await panel.getByRole('button', { name: 'Copy' }).click();
  await panel.getByText('Copied to the clipboard.').waitFor();
  const copied = await owner.evaluate(() => navigator.clipboard.readText());
  if (copied !== await panel.getByRole('textbox').inputValue()) throw new Error('the clipboard holds something else');
  if (owner.url().includes(copied)) throw new Error('the key is in the URL');
  if (await owner.evaluate(() => localStorage.length + sessionStorage.length) !== 0) {
    throw new Error('the console stored something in the browser');
  }
  say('copied ' + copied);
  await shot(owner, 'api-key-created');
  await axe(owner, 'api-keys');
  await panel.getByRole('button', { name: /I have saved it/ }).click();
  if (await owner.getByText(copied).count() !== 0 || await owner.locator(`input[value="${copied}"]`).count() !== 0) {
    throw new Error('the key is still on the page after hiding it');
  }

  // A few calls with the key, so that its usage chart has something to show.
  for (let i = 0; i < 3; i++) {
    await fetch(base + '/v1/whoami', { headers: { Authorization: 'Bearer ' + copied } });
  }
  await (await createKey('old-integration')).getByRole('button', { name: /I have saved it/ }).click();
  await owner.getByRole('button', { name: 'Revoke old-integration' }).click();
  const confirm = owner.getByRole('dialog', { name: 'Revoke “old-integration”' });
  const revoke = confirm.getByRole('button', { name: 'Revoke key' });
  if (await revoke.isEnabled()) throw new Error('revoking needs no typed confirmation');
  await confirm.getByLabel('Type old-integration to confirm').fill('old-integration');
  await revoke.click();
  await confirm.waitFor({ state: 'detached' });
  await owner.getByRole('row', { name: /old-integration/ }).getByText('revoked').waitFor();
  say('revoked old-integration');
  await shot(owner, 'api-keys');
  // Half a laptop screen: the page reflows, only a wide table scrolls inside its own box.
  await owner.setViewportSize({ width: 680, height: 860 });
  const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`the page is ${overflow}px wider than half a screen`);
  await owner.setViewportSize({ width: 1280, height: 860 });

  // Roll a key with an overlap: the new key is shown once, the old one keeps working an hour.
  await (await createKey('worker')).getByRole('button', { name: /I have saved it/ }).click();
  await owner.getByRole('button', { name: 'Roll worker' }).click();
  const rollDialog = owner.getByRole('dialog', { name: 'Roll “worker”' });
  await rollDialog.getByLabel('1 hour').check();
  await axe(owner, 'roll-dialog');
  await rollDialog.getByRole('button', { name: 'Roll key' }).click();
  const rolled = owner.getByRole('region', { name: 'New key for “worker”' });
  say('rolled ' + await rolled.getByRole('textbox').inputValue());
  await rolled.getByRole('button', { name: /I have saved it/ }).click();

  // Schema and a scope picked from it with the search; the edit dialog says who holds it.
  const siteTabs = owner.getByRole('navigation', { name: 'Site' });
  await siteTabs.getByRole('link', { name: 'Schema & scopes' }).click();
  await owner.getByLabel('Types and fields').fill('Customer: name, email, plan');
  await owner.getByRole('button', { name: 'Save schema' }).click();
  await owner.getByLabel('Search fields').fill('mail');
  if (await owner.getByLabel('Customer.plan').isVisible()) throw new Error('the search does not filter');
  await owner.getByLabel('Scope name').fill('pii');
  await owner.getByLabel('Customer.email').check();
  await owner.getByRole('button', { name: 'Save scope' }).click();
  await owner.getByRole('button', { name: 'Edit pii' }).click();
  const edit = owner.getByRole('dialog', { name: 'Edit scope “pii”' });
  await edit.getByText('No key holds this scope.').waitFor();
  await axe(owner, 'scope-edit');
  await owner.keyboard.press('Escape');
  await edit.waitFor({ state: 'detached' });
  if (await owner.evaluate(() => document.activeElement.getAttribute('aria-label')) !== 'Edit pii') {
    throw new Error('focus did not return to the button that opened the dialog');
  }
  say('scope pii');

  // The site token: a confirmation that builds using the old one stop, then shown once.
  await siteTabs.getByRole('link', { name: 'Site token' }).click();
  await owner.getByRole('button', { name: 'Create or roll site token' }).click();
  await owner.getByRole('dialog').getByRole('button', { name: 'Create new site token' }).click();
  const siteToken = owner.getByRole('region', { name: 'New site token' });
  say('site-token ' + await siteToken.getByRole('textbox').inputValue());
  await siteToken.getByRole('button', { name: /I have saved it/ }).click();

  // An OAuth client: its secret shown once.
  await siteTabs.getByRole('link', { name: 'OAuth clients' }).click();
  await owner.getByLabel('Client name').fill('Notes');
  await owner.getByLabel('Redirect URIs').fill('https://notes.example/callback');
  await owner.getByRole('button', { name: 'Register client' }).click();
  const clientSecret = owner.getByRole('region', { name: /^Secret of “Notes”/ });
  say('client-secret ' + await clientSecret.getByRole('textbox').inputValue());
  await clientSecret.getByRole('button', { name: /I have saved it/ }).click();

  // Connect a provider: its consent opens in a new tab (the local fake approves at once and
  // sends the browser to Latchkey's callback); the console sees the connection appear.
  await owner.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Connections' }).click();
  const acme = owner.getByRole('article', { name: 'Acme (test plugin)' });
  await acme.getByLabel('write').check();
  // The deployment under test announces a fixed public URL (LATCHKEY_PUBLIC_URL) but listens on
  // a random port: the browser plays the reverse proxy for the provider's redirect back.
  const callback = new URL('/v1/connections/callback', publicUrl).href;
  await owner.context().route(url => url.href.startsWith(callback), async route => {
    const sent = new URL(route.request().url());
    route.fulfill({ response: await route.fetch({ url: base + sent.pathname + sent.search }) });
  });
  const consent = owner.context().waitForEvent('page');
  await acme.getByRole('button', { name: 'Connect' }).click();
  const landed = await consent;
  await landed.waitForURL(url => url.href.startsWith(callback));
  // The browser lands on a page (not raw JSON) that leads back to this site's connections.
  await landed.getByRole('heading', { name: 'Connected' }).waitFor();
  const back = await landed.getByRole('link', { name: /site's connections/ }).getAttribute('href');
  if (!/^\/console\/#\/sites\/site_\w+\/connections$/.test(back)) throw new Error('the callback page leads to ' + back);
  const connected = owner.getByRole('row', { name: /acme/ });
  await connected.waitFor({ timeout: 20000 });
  say('connected ' + (await connected.textContent()).replace(/\s+/g, ' '));
  await axe(owner, 'connections');
  await shot(owner, 'connections');
  await landed.close();

  await owner.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'API keys' }).click();
  await owner.getByRole('link', { name: 'backend' }).click();
  await owner.locator('.chart canvas').first().waitFor();
  await axe(owner, 'api-key');
  await shot(owner, 'api-key-usage');

  // A personal access token, shown once.
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await owner.getByLabel('Token name').fill('ci');
  await owner.getByRole('button', { name: 'Create token' }).click();
  const pat = owner.getByRole('region', { name: 'New personal access token “ci”' });
  say('pat ' + await pat.getByRole('textbox').inputValue());
  await pat.getByRole('button', { name: /I have saved it/ }).click();

  for (const [link, heading] of [['Team', 'Team'], ['Audit log', 'Audit log'], ['Profile', 'Profile'],
    ['Insights', 'Insights']]) {
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await owner.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await owner.locator('main h2').first().waitFor();
    await axe(owner, heading.toLowerCase().replace(' ', '-'));
    await shot(owner, heading.toLowerCase().replace(' ', '-'));
  }
  // Insights: the team's requests per day, summed over its keys (the calls made above).
  const teamChart = owner.getByRole('img', { name: /The team's requests per day/ });
  await teamChart.locator('canvas').first().waitFor();
  say('insights ' + await teamChart.getAttribute('aria-label'));
  await shot(owner, 'insights');

  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await owner.getByRole('button', { name: 'Verify chain' }).click();
  await owner.getByText(/Chain intact/).waitFor();
  await owner.getByLabel('Action').fill('token.revoked');
  await owner.getByRole('button', { name: 'Filter' }).click();
  await owner.waitForFunction(() => {
    const rows = [...document.querySelectorAll('main tbody tr')];
    return rows.length === 1 && rows[0].textContent.includes('token.revoked')
      && rows[0].textContent.includes('old-integration');
  });
  say('audit-filtered ' + await owner.getByRole('link', { name: 'Export NDJSON' }).getAttribute('href'));

  // The session ends elsewhere (revoked with the owner's token): the next step shows sign-in.
  const session = await owner.evaluate(() => fetch('/v1/session').then(r => r.json()));
  const revoked = await fetch(`${base}/v1/sessions/${session.id}`,
    { method: 'DELETE', headers: { Authorization: 'Bearer ' + ownerPat } });
  if (revoked.status !== 200) throw new Error('revoking the session answered ' + revoked.status);
  await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  const notice = owner.getByText(/Your session has ended/);
  await notice.waitFor();
  say('expired ' + await notice.textContent());

  // Signing out returns to the sign-in page, and stays there after a reload.
  await signIn(owner, ownerEmail, ownerPassword);
  await owner.getByRole('button', { name: 'Sign out' }).click();
  await owner.getByText('You are signed out.').waitFor();
  await owner.reload();
  say('signed-out ' + await owner.getByRole('heading', { level: 1 }).textContent());

  // A developer sees the team but no owner-only action.
  const developer = await newPage();
  await signIn(developer, devEmail, devPassword);
  await developer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
  await developer.getByRole('heading', { name: 'Members' }).waitFor();
  const ownerActions = await developer.getByRole('button', { name: /^(Remove|Change role|Issue|Sessions)/ }).count();
  say('developer-owner-actions ' + ownerActions);
  await developer.getByText('Only owners change roles and remove members.').waitFor();

  // The developer changes their password (the current one is asked) and signs in with the new one.
  await developer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
  await developer.getByLabel('Current password').fill(devPassword);
  await developer.getByLabel('New password', { exact: true }).fill(devPassword + ' and more');
  await developer.getByLabel('New password again').fill(devPassword + ' and more');
  await developer.getByRole('button', { name: 'Change password' }).click();
  // Changed: the page shows afresh, with empty fields (an error would leave them filled).
  await developer.waitForFunction(() => document.querySelector('input[name=current_password]').value === '');
  await developer.getByRole('button', { name: 'Sign out' }).click();
  await developer.getByText('You are signed out.').waitFor();
  await signIn(developer, devEmail, devPassword + ' and more');
  say('password-changed yes');

  if (problems.length) throw new Error('the pages reported: ' + problems.join(' | '));
} finally {
  await browser.close();
}
