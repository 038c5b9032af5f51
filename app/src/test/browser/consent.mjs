// Signs in and consents on Latchkey's /oauth/authorize page in a real (headless) Chromium,
// as a member would, then reports where the browser was sent back to. With the optional two
// more URLs, the same browser then authorizes again (remembered consent and the session: no
// page, no password) and once with prompt=login (the password is asked again).
// Usage: node consent.mjs <authorize url> <email> <password> <redirect uri prefix> <screenshot.png>
//                         [<second authorize url> <prompt=login authorize url>]
// Prints one line per authorization: "first <url>", "second <url>", "login <url>"; fails on any
// Content-Security-Policy violation the pages report.
import { chromium } from 'playwright-core';

const [authorizeUrl, email, password, redirectPrefix, screenshot, secondUrl, loginUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const violations = [];

// The redirect target does not exist; the request the browser makes to it is what counts.
function sentBack(page) {
  return page.waitForRequest(request => request.url().startsWith(redirectPrefix), { timeout: 15000 });
}

async function signInAndAllow(page) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const back = sentBack(page);
  await page.getByRole('button', { name: 'Sign in and allow' }).click();
  return (await back).url();
}

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(authorizeUrl);
  await page.getByLabel('Email').fill(email);
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('first ' + await signInAndAllow(page));

  if (secondUrl) {
    // Signed in, consent remembered: Latchkey redirects at once, no page is shown. Each step
    // gets a tab of its own in the same browser (same cookies): the failed load of the
    // nonexistent redirect target would otherwise interrupt the next navigation.
    const second = await context.newPage();
    const back = sentBack(second);
    second.goto(secondUrl).catch(() => {});
    console.log('second ' + (await back).url());

    const login = await context.newPage();
    login.on('console', message => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await login.goto(loginUrl);
    if (await login.getByLabel('Password').count() !== 1) {
      throw new Error('prompt=login did not ask for the password');
    }
    console.log('login ' + await signInAndAllow(login));
  }
  if (violations.length) {
    throw new Error('CSP violations: ' + violations.join('; '));
  }
} finally {
  await browser.close();
}
