import type { APIRequestContext, Page } from '@playwright/test';
import { adminToken, ADMIN, expect as baseExpect, expectAccessible, shot, signIn, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Made through the API without DPoP, then switched to Require DPoP in its Edit dialog. */
const EDITED_ID = 'dpop-edited-partner';
/** Made in the Add dialog with Require DPoP on. */
const ADDED_ID = 'dpop-added-partner';

async function clientOf(request: APIRequestContext, clientId: string) {
  const token = await adminToken(request);
  const response = await request.get(`/api/clients/${clientId}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as { clientId: string; requireDpop: boolean; enabled: boolean };
}

const rowOf = (page: Page, clientId: string) => page.getByRole('row', { name: new RegExp(clientId) });

test.beforeAll(async ({ request }) => {
  const token = await adminToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  await request.delete(`/api/clients/${EDITED_ID}`, { headers });
  await request.delete(`/api/clients/${ADDED_ID}`, { headers });
  const created = await request.post('/api/clients', {
    headers,
    data: { clientId: EDITED_ID, roles: ['api-access:read'], notes: 'DPoP partner' },
  });
  expect(created.status()).toBe(201);
  expect(((await created.json()) as { requireDpop: boolean }).requireDpop).toBe(false);
});

test('the admin turns Require DPoP on in the Edit dialog and it stays on after a reload', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/settings/iam/api-access?q=${EDITED_ID}`);
  await expect(rowOf(page, EDITED_ID)).toBeVisible();
  await expect(rowOf(page, EDITED_ID).getByTestId('dpop-badge')).toHaveCount(0);

  await page.getByRole('button', { name: `Edit ${EDITED_ID}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${EDITED_ID}` });
  await expect(dialog).toBeVisible();
  const dpop = dialog.getByRole('switch', { name: 'Require DPoP' });
  await expect(dpop).not.toBeChecked();
  await expect(dpop).toHaveAccessibleDescription(/bound to the integrator’s key \(RFC 9449\)/);
  await expectAccessible(page);

  // Keyboard: the switch is reached and flipped with Space like any checkbox.
  await dpop.focus();
  await page.keyboard.press('Space');
  await expect(dpop).toBeChecked();
  await shot(page, '50-require-dpop-edit');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const saved = await clientOf(request, EDITED_ID);
  expect(saved.requireDpop).toBe(true);
  expect(saved.enabled).toBe(true);

  await page.reload();
  await expect(rowOf(page, EDITED_ID).getByTestId('dpop-badge')).toHaveText('DPoP');
  await expectAccessible(page);

  await page.getByRole('button', { name: `Edit ${EDITED_ID}` }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('switch', { name: 'Require DPoP' })).toBeChecked();
  await expect(dialog.getByTestId('dpop-badge')).toHaveText('DPoP');

  // Roles and notes edited alone leave it on.
  await dialog.getByLabel('Notes').fill('DPoP partner, ops@partner.example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect((await clientOf(request, EDITED_ID)).requireDpop).toBe(true);
});

test('the admin adds a client that requires DPoP from the start', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Add API client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API client' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Client ID').fill(ADDED_ID);
  await dialog.getByRole('checkbox', { name: 'View API Access' }).check();
  const dpop = dialog.getByRole('switch', { name: 'Require DPoP' });
  await expect(dpop).not.toBeChecked();
  await dpop.check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Client secret' });
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();

  expect((await clientOf(request, ADDED_ID)).requireDpop).toBe(true);
  await page.goto(`/settings/iam/api-access?q=${ADDED_ID}`);
  await expect(rowOf(page, ADDED_ID).getByTestId('dpop-badge')).toHaveText('DPoP');
});
