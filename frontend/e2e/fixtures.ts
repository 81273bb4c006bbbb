import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshotDir = path.join(here, 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const WALLET = 'demo';
export const ADMIN = { username: 'admin', password: 'admin' };

/** The backend started by global-setup.ts. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.E2E_BASE_URL);
  },
});
export { expect };

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/settings/iam/api-access');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Wallet').fill(WALLET);
  await page.getByLabel('Username').fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/settings\/iam\/api-access$/);
}

/** A session token of the admin, for arranging data through the API. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/session', { data: { wallet: WALLET, ...ADMIN } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

export function psql(sql: string) {
  execFileSync(
    'psql',
    [
      '-h',
      process.env.PGHOST ?? '127.0.0.1',
      '-p',
      process.env.PGPORT ?? '5432',
      '-U',
      process.env.PGUSER ?? 'postgres',
      '-d',
      process.env.E2E_DB!,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      sql,
    ],
    { stdio: 'pipe' },
  );
}

/**
 * No serious or critical axe violation on the page as it is now (open dialogs included). A dialog
 * still fading in is half transparent, and axe measures its contrast as it is: the check waits for
 * finite animations and transitions to end, and asks again while the page settles.
 */
export async function expectAccessible(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await expect(async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }).toPass({ timeout: 10_000 });
}
