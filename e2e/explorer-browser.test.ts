import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadOperationRegistry } from '../gateway/src/edge/registered-operations.ts';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from '../gateway/src/example-query.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * GraphiQL at `/` in a real browser (Debian's chromium, headless), as a frontend developer meets it: paste the key,
 * run the preloaded call-center query, get autocompletion, read a field's scopes in the docs, reload and keep the key.
 * The browser may reach 127.0.0.1 only: every other request is aborted and counted, and the count must be zero, so a
 * CDN link anywhere in GraphiQL's bundle or our page fails the test. Screenshots go to e2e/artifacts/explorer/.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = new URL('./artifacts/explorer/', import.meta.url);
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env['CI'] !== undefined) {
  throw new Error(`explorer browser test: no chromium at ${CHROMIUM} (set CHROMIUM_PATH); CI must run it`);
}
if (!haveChromium) console.warn(`explorer browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!haveChromium)('the explorer in a browser', () => {
  let stack: E2eStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const offHost: string[] = [];
  const policyViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [stack, browser] = await Promise.all([
      startE2eStack({ scale: 0.3 }),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] }),
    ]);
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
      offHost.push(url.href);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const shot = (name: string) => page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname });
  const editorText = (selector: string) =>
    page
      .locator(`${selector} .CodeMirror`)
      .first()
      .evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
  const openHeaders = () => page.getByRole('button', { name: 'Headers', exact: true }).click();

  it('runs the preloaded call-center query with a pasted key, and keeps the key over a reload', async () => {
    const expected = await stack.query(EXAMPLE_QUERY, JSON.parse(EXAMPLE_VARIABLES));
    const name: string = expected.body.data.findCustomers[0].name;
    expect(name).toBeTruthy();

    await page.goto(`${stack.url}/`);
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 15_000 }).toContain('query CallCenterCustomer');
    // the example's variables are preloaded with it (in the variables editor, behind the headers one for now)
    const toolEditors = await page
      .locator('.graphiql-editor-tool .CodeMirror')
      .evaluateAll((els) => els.map((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue()));
    expect(toolEditors).toContain(EXAMPLE_VARIABLES);
    await expect.poll(() => page.locator('#omnigraph-key-hint').textContent()).toContain('npm start');

    // No key yet, so the headers editor is the one open; paste the key (insertText is what a paste types: no keystrokes)
    await openHeaders();
    await page.locator('.graphiql-editor-tool .CodeMirror').filter({ visible: true }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ 'x-api-key': stack.callCenterKey }));
    await shot('1-key-pasted');

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText('.result-window'), { timeout: 15_000 }).toContain(name);
    expect(JSON.parse(await editorText('.result-window')).data.findCustomers[0].name).toBe(name);
    await shot('2-result');

    // GraphiQL saves its tabs (with their headers) a moment after an edit; a reload before that restores the old tab
    await expect.poll(() => page.evaluate(() => window.localStorage.getItem('graphiql:tabState'))).toContain(stack.callCenterKey);
    await page.reload();
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 15_000 }).toContain('query CallCenterCustomer');
    await openHeaders();
    await expect
      .poll(async () => (await page.locator('.graphiql-editor-tool .CodeMirror').allTextContents()).join(''))
      .toContain(stack.callCenterKey);
    // the stored tabs came back as they were: no second call-center tab
    expect(await page.locator('.graphiql-tab').count()).toBe(loadOperationRegistry().all().length);
    await shot('3-after-reload');
  }, 30_000);

  it('offers fields of the schema as completions while typing', async () => {
    await page.getByRole('button', { name: 'Add tab' }).click();
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    // completions open as you type a name; `{` is closed by the editor itself
    await page.keyboard.type('{ findCustomers(phone: "1") { loy');
    const hint = page.locator('.CodeMirror-hints .CodeMirror-hint', { hasText: 'loyalty' });
    await hint.first().waitFor({ timeout: 10_000 });
    await shot('4-autocomplete');
  }, 20_000);

  it('shows the scopes a field needs in the docs', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    const field = page.locator('.graphiql-doc-explorer-field-name', { hasText: 'findCustomers' }).first();
    await field.click();
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent()).toContain('Requires scopes: customers:pii, customers:read.');
    await shot('5-docs-scopes');
  }, 20_000);

  it('reached nothing but the gateway, and broke no rule of the page policy', () => {
    expect(offHost).toEqual([]);
    expect(policyViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
