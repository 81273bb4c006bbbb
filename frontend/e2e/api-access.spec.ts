import { adminToken, ADMIN, expect, expectAccessible, psql, shot, signIn, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const READER = { username: 'reader', password: 'read-only-colleague-1' };
/** The secret read from the secret dialog, to show that deleting the client revokes it. */
let acmeSecret = '';

test.beforeAll(async ({ request, baseURL }) => {
  // Runs against a fresh database, or clears what an earlier run against E2E_BASE_URL left behind.
  const token = await adminToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  for (const clientId of ['acme-backend', 'old-client']) {
    await request.delete(`${baseURL}/api/clients/${clientId}`, { headers });
  }
  for (let i = 0; i < 23; i++)
    await request.delete(`${baseURL}/api/clients/bulk-${String(i).padStart(2, '0')}`, { headers });
  await request.delete(`${baseURL}/api/users/${READER.username}`, { headers });
});

test('sign-in says plainly when something is wrong', async ({ page }) => {
  await page.goto('/settings/iam/api-access');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your wallet')).toBeVisible();
  await page.getByLabel('Wallet').fill('demo');
  await page.getByLabel('Username').fill('admin');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('wallet, username or password is wrong');
  await shot(page, '01-sign-in-error');
  await expectAccessible(page);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).toBe('{}');
});

test('the admin adds a client, reads its secret once and gets a token with it', async ({ page, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'API Access', level: 1 })).toBeVisible();
  await expect(page.getByText('No API clients yet')).toBeVisible();
  await expect(page.getByTestId('token-endpoint')).toHaveText(/^http.*\/oauth2\/token$/);
  const tokenEndpoint = (await page.getByTestId('token-endpoint').textContent())!;
  await expect(page.getByTestId('client-id-prefix')).toHaveText('wallet-demo-');
  await expect(page.getByRole('button', { name: 'Copy token endpoint' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy client ID prefix' })).toBeVisible();
  await shot(page, '02-empty-state');

  // Keyboard: the Add button is reachable and opens the dialog.
  await page.getByRole('button', { name: 'Add API client' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add API client' });
  await expect(dialog).toBeVisible();

  const expiry = dialog.getByLabel('Expiry date');
  const inOneYear = new Date();
  inOneYear.setUTCFullYear(inOneYear.getUTCFullYear() + 1);
  await expect(expiry).toHaveValue(inOneYear.toISOString().slice(0, 10));

  const clientId = dialog.getByLabel('Client ID');
  await clientId.fill('Acme Backend');
  await clientId.blur();
  await expect(dialog.getByText('Use lower-case letters only')).toBeVisible();
  await clientId.fill('acme-backend');
  await dialog.getByLabel('Notes').fill('Acme Ltd, contact ops@acme.example');

  const changeAccounts = dialog.getByRole('checkbox', { name: 'Change Accounts' });
  const viewAccounts = dialog.getByRole('checkbox', { name: 'View Accounts' });
  await changeAccounts.check();
  await expect(viewAccounts).toBeChecked();
  await expect(viewAccounts).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'View Payments' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Change Payments' })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: 'View API Access' }).check();
  await shot(page, '03-add-dialog');
  await expectAccessible(page);

  await dialog.getByRole('button', { name: 'Save' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Client secret' });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog).toContainText('cannot be retrieved later');
  await expect(secretDialog.getByTestId('oauth-client-id')).toHaveText('wallet-demo-acme-backend');
  const secret = (await secretDialog.getByTestId('client-secret').textContent())!.trim();
  acmeSecret = secret;
  expect(secret.length).toBeGreaterThanOrEqual(43);
  const curl = await secretDialog.getByTestId('curl-command').textContent();
  expect(curl).toContain(tokenEndpoint);
  expect(curl).toContain(`client_secret=${secret}`);
  await secretDialog.getByRole('button', { name: 'Copy client secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shot(page, '04-secret-dialog');
  await expectAccessible(page);

  const token = await request.post(tokenEndpoint, {
    form: { grant_type: 'client_credentials', client_id: 'wallet-demo-acme-backend', client_secret: secret },
  });
  expect(token.status()).toBe(200);
  expect(((await token.json()) as { token_type: string }).token_type).toBe('Bearer');

  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();
  expect(await page.content()).not.toContain(secret);
  const row = page.getByRole('row', { name: /acme-backend/ });
  await expect(row).toContainText('Accounts: Change');
  await expect(row).toContainText('Payments: View');
  await expect(row).toContainText('Acme Ltd');
  await page.reload();
  await expect(page.getByRole('row', { name: /acme-backend/ })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  const storage = await page.evaluate(
    () => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
  );
  expect(storage).not.toContain(secret);
  await shot(page, '05-list');

  await expectAccessible(page);
});

test('the admin edits roles and notes; client ID and expiry date stay read-only', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Edit acme-backend' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit acme-backend' });
  await expect(dialog.getByLabel('Client ID')).toHaveAttribute('readonly', '');
  await expect(dialog.getByLabel('Expiry date')).toHaveAttribute('readonly', '');
  await expect(dialog.getByRole('checkbox', { name: 'Change Accounts' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Change Accounts' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'View Accounts' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Change Cards' }).check();
  await dialog.getByLabel('Notes').fill('Acme Ltd, now with cards');
  await shot(page, '06-edit-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /acme-backend/ });
  await expect(row).toContainText('Accounts: View');
  await expect(row).toContainText('Cards: Change');
  await expect(row).toContainText('now with cards');
});

test('an expired client is greyed out and flagged', async ({ page, request }) => {
  const token = await adminToken(request);
  const created = await request.post('/api/clients', {
    headers: { Authorization: `Bearer ${token}` },
    data: { clientId: 'old-client', roles: ['balances:read'], notes: 'Expired yesterday' },
  });
  expect(created.status()).toBe(201);
  psql("update api_client set expiry_date = current_date - 1 where client_id = 'old-client'");

  await signIn(page, ADMIN.username, ADMIN.password);
  const row = page.getByRole('row', { name: /old-client/ });
  await expect(row.getByRole('img', { name: 'Expired' })).toBeVisible();
  await expect(row).toHaveAttribute('data-expired', 'true');
  await expect(page.getByRole('row', { name: /acme-backend/ }).getByRole('img', { name: 'Expired' })).toHaveCount(0);
  await shot(page, '07-expired');
  await expectAccessible(page);
});

test('search, sort and paging work over many clients', async ({ page, request }) => {
  const token = await adminToken(request);
  for (let i = 0; i < 23; i++) {
    const response = await request.post('/api/clients', {
      headers: { Authorization: `Bearer ${token}` },
      data: { clientId: `bulk-${String(i).padStart(2, '0')}`, roles: ['accounts:read'] },
    });
    expect(response.status()).toBe(201);
  }
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByText('1–20 of 25')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('21–25 of 25')).toBeVisible();
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole('button', { name: /Client ID/ }).click();
  await expect(page).toHaveURL(/sort=-clientId/);
  await page.getByRole('textbox', { name: 'Search API clients' }).fill('acme');
  await expect(page.getByText('1 client', { exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /acme-backend/ })).toBeVisible();
  await shot(page, '08-search');
});

test('the admin deletes a client after confirming, and its secret stops working', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Delete acme-backend' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete acme-backend?' });
  await expect(dialog).toContainText('permanently revokes access');
  await shot(page, '09-delete-confirm');
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /acme-backend/ })).toHaveCount(0);
  const token = await adminToken(request);
  const gone = await request.get('/api/clients/acme-backend', { headers: { Authorization: `Bearer ${token}` } });
  expect(gone.status()).toBe(404);
  const refused = await request.post('/oauth2/token', {
    form: { grant_type: 'client_credentials', client_id: 'wallet-demo-acme-backend', client_secret: acmeSecret },
  });
  expect(refused.status()).toBe(401);
});

test('the admin adds a read-only colleague on the Users screen, who sees no change controls', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/settings\/iam\/users$/);
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add user' });
  await dialog.getByLabel('Username').fill(READER.username);
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await dialog.getByRole('checkbox', { name: 'View API Access' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Use at least 12 characters')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(READER.password);
  await shot(page, '10-add-user');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /reader/ })).toContainText('API Access: View');
  await shot(page, '11-users');
  await expectAccessible(page);

  await page.getByRole('button', { name: `Account: ${ADMIN.username}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, READER.username, READER.password);
  await expect(page.getByRole('row', { name: /bulk-00/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Search API clients' }).fill('old');
  await expect(page.getByRole('row', { name: /old-client/ }).getByRole('img', { name: 'Expired' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add API client' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await shot(page, '12-read-only');

  await page.goto('/settings/iam/users');
  await expect(page.getByText('You cannot view users')).toBeVisible();
});

test('a deep link survives a reload and a 401 returns to sign-in', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/settings/iam/users');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  // A token the server no longer accepts: the next call answers 401.
  await page.evaluate(() => {
    const key = 'api-access.session';
    const session = JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>;
    sessionStorage.setItem(key, JSON.stringify({ ...session, token: 'broken' }));
  });
  await page.goto('/settings/iam/api-access');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fiam%2Fapi-access/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
});
