// Signs in and consents on Latchkey's /oauth/authorize page in a real (headless) Chromium,
// as a member would, then reports where the browser was sent back to.
// Usage: node consent.mjs <authorize url> <email> <password> <redirect uri prefix> <screenshot.png>
import { chromium } from 'playwright-core';

const [authorizeUrl, email, password, redirectPrefix, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(authorizeUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.screenshot({ path: screenshot, fullPage: true });
  // The redirect target does not exist; the request the browser makes to it is what counts.
  const sentBack = page.waitForRequest(request => request.url().startsWith(redirectPrefix), { timeout: 15000 });
  await page.getByRole('button', { name: 'Sign in and allow' }).click();
  console.log((await sentBack).url());
} finally {
  await browser.close();
}
