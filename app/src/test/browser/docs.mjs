// Opens the API reference (/docs/) in a real (headless) Chromium and waits until Swagger UI
// has rendered the operations of the document it fetched from /openapi.
// Usage: node docs.mjs <docs url> <screenshot.png>
// Prints "operations <n>"; fails on any Content-Security-Policy violation or script error.
import { chromium } from 'playwright-core';

const [docsUrl, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', error => problems.push(String(error)));
  await page.goto(docsUrl);
  await page.locator('.opblock').first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: screenshot, fullPage: false });
  console.log('operations ' + await page.locator('.opblock').count());
  if (problems.length > 0) {
    throw new Error('the page reported: ' + problems.join(' | '));
  }
} finally {
  await browser.close();
}
