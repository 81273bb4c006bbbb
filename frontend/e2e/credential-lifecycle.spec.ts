import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { adminToken, ADMIN, expect as baseExpect, expectAccessible, shot, signIn, test } from './fixtures';

// A rotation is two calls and a refetch before its dialog shows: on a busy machine that can pass 10 s.
const expect = baseExpect.configure({ timeout: 30_000 });

// Long journeys with an axe check at each dialog: more time than a single screen's test.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const CLIENT_ID = 'lifecycle-partner';
const OAUTH_CLIENT_ID = `wallet-demo-${CLIENT_ID}`;

/** The secrets this journey holds, from the one-time link and from the rotation. */
const secrets = { fromLink: '', rotated: '' };
/** The one-time link the admin got, for the integrator. */
let link = '';

type TokenAnswer = { access_token?: string; credential_expires_at?: number; error?: string };

/** A token request as the integrator makes it; Basic unless told (client_secret_basic). */
async function tokenWith(request: APIRequestContext, secret: string, method: 'basic' | 'post' = 'basic') {
  const response =
    method === 'basic'
      ? await request.post('/oauth2/token', {
          headers: { Authorization: `Basic ${Buffer.from(`${OAUTH_CLIENT_ID}:${secret}`).toString('base64')}` },
          form: { grant_type: 'client_credentials' },
        })
      : await request.post('/oauth2/token', {
          form: { grant_type: 'client_credentials', client_id: OAUTH_CLIENT_ID, client_secret: secret },
        });
  return { status: response.status(), body: (await response.json()) as TokenAnswer };
}

/** Signed in, the list searched for this journey's client (other specs leave more than a page of clients). */
async function openList(page: Page) {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/settings/iam/api-access?q=${CLIENT_ID}`);
  await expect(page.getByRole('textbox', { name: 'Search API clients' })).toHaveValue(CLIENT_ID);
}

async function openEdit(page: Page): Promise<Locator> {
  await openList(page);
  await page.getByRole('button', { name: `Edit ${CLIENT_ID}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${CLIENT_ID}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The data rows of the Edit dialog's secrets table (its header row left out). */
const secretRows = (dialog: Locator) => dialog.getByTestId('secrets').locator('tbody tr');

test.beforeAll(async ({ request }) => {
  const token = await adminToken(request);
  await request.delete(`/api/clients/${CLIENT_ID}`, { headers: { Authorization: `Bearer ${token}` } });
});

test('the admin adds a client with a one-time link and never sees its secret', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Add API client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API client' });
  await dialog.getByLabel('Client ID').fill(CLIENT_ID);
  await dialog.getByRole('checkbox', { name: 'View Accounts' }).check();
  await expect(dialog.getByRole('radio', { name: 'Show the secret now' })).toBeChecked();
  // Keyboard: the second choice is reached with the arrow keys, as in any radio group.
  await dialog.getByRole('radio', { name: 'Show the secret now' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Create a one-time link for the integrator' })).toBeChecked();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save' }).click();

  const linkDialog = page.getByRole('dialog', { name: 'One-time secret link' });
  await expect(linkDialog).toBeVisible();
  await expect(linkDialog).toContainText('You will never see this secret');
  await expect(linkDialog.getByTestId('link-expires-at')).toContainText('Valid until');
  await expect(linkDialog.getByTestId('client-secret')).toHaveCount(0);
  link = (await linkDialog.getByTestId('secret-link').textContent())!.trim();
  expect(link).toMatch(/\/handoff#[A-Za-z0-9_-]{20,}$/);
  await shot(page, '20-link-dialog');
  await expectAccessible(page);
  await linkDialog.getByRole('button', { name: 'Done' }).click();
  await expect(linkDialog).toBeHidden();
  expect(await page.content()).not.toContain(link.split('#')[1]);

  // The client waits for its link: no working secret yet.
  await page.getByRole('button', { name: `Edit ${CLIENT_ID}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${CLIENT_ID}` });
  await expect(secretRows(edit)).toHaveCount(1);
  await expect(secretRows(edit).first()).toContainText('Link not opened yet');
  await expect(secretRows(edit).first()).toContainText('Waiting for its link until');
  await expectAccessible(page);
});

test('the integrator opens the link without a session, sees the secret once, and gets a token', async ({
  browser,
  request,
  baseURL,
}) => {
  const integrator = await browser.newContext({ baseURL });
  await integrator.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await integrator.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'One-time secret link', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(OAUTH_CLIENT_ID);
  await expect(page.getByRole('main')).toContainText('It can be opened once, until');
  // The token left the address bar and the history entry.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  expect(page.url()).not.toContain('#');
  // No app chrome: no navigation, no sign-in.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await shot(page, '21-handoff-ready');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Show the secret' }).click();
  await expect(page.getByRole('heading', { name: `The secret of ${OAUTH_CLIENT_ID}` })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('This page will not show it again');
  const secret = (await page.getByTestId('client-secret').textContent())!.trim();
  expect(secret).toMatch(/^[a-z]+_[\w-]{43}_[\w-]{6}$/);
  await expect(page.getByTestId('oauth-client-id')).toHaveText(OAUTH_CLIENT_ID);
  await expect(page.getByTestId('token-endpoint')).toHaveText(/\/oauth2\/token$/);
  await expect(page.getByTestId('curl-command')).toContainText(`${OAUTH_CLIENT_ID}:${secret}`);
  await page.getByRole('button', { name: 'Copy client secret' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shot(page, '22-handoff-secret');
  await expectAccessible(page);
  secrets.fromLink = secret;

  // A reload has no token any more; the link itself is used up.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No link in this address' })).toBeVisible();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This link was already used' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/already used on \d+ \w+ \d{4}, \d{2}:\d{2} UTC/);
  await expect(page.getByRole('button', { name: 'Show the secret' })).toHaveCount(0);
  await expectAccessible(page);
  // An unknown link says so.
  await page.goto('/handoff#not-a-real-link-token');
  await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
  await integrator.close();

  const basic = await tokenWith(request, secret, 'basic');
  expect(basic.status).toBe(200);
  expect(typeof basic.body.credential_expires_at).toBe('number');
  expect((await tokenWith(request, secret, 'post')).status).toBe(200);
});

test('the admin rotates (show now); both secrets work until the old one is retired now', async ({ page, request }) => {
  const dialog = await openEdit(page);
  await expect(secretRows(dialog)).toHaveCount(1);
  await expect(secretRows(dialog).first()).not.toContainText('Link not opened yet');
  await dialog.getByRole('button', { name: 'Rotate secret' }).click();
  const rotate = page.getByRole('dialog', { name: `Rotate the secret of ${CLIENT_ID}` });
  await expect(rotate).toContainText('until it is drained');
  await expect(rotate.getByRole('radio', { name: 'Show the secret now' })).toBeChecked();
  await expectAccessible(page);
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'New client secret' });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog.getByTestId('old-secret-note')).toContainText(
    /stays valid until it is drained .* until \d+ \w+ \d{4}, \d{2}:\d{2} UTC/,
  );
  const rotated = (await secretDialog.getByTestId('client-secret').textContent())!.trim();
  expect(rotated).not.toBe(secrets.fromLink);
  secrets.rotated = rotated;
  await shot(page, '23-rotated-secret');
  await expectAccessible(page);
  // Escape does nothing here (the secret would be lost), nor to the Edit dialog underneath.
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();
  await expect(dialog).toBeVisible();

  expect((await tokenWith(request, rotated)).status).toBe(200);
  // Not drained yet: the old secret keeps working.
  expect((await tokenWith(request, secrets.fromLink)).status).toBe(200);

  await expect(secretRows(dialog)).toHaveCount(2);
  const old = secretRows(dialog).first();
  await expect(old).toContainText('Retires by');
  await expect(dialog.getByRole('button', { name: 'Rotate secret' })).toBeDisabled();
  await shot(page, '24-two-secrets');
  await expectAccessible(page);

  await old.getByRole('button', { name: /^Retire now/ }).click();
  const confirm = page.getByRole('dialog', { name: /^Retire .* now\?$/ });
  await expect(confirm).toContainText('refused at once');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Retire now' }).click();
  await expect(confirm).toBeHidden();
  await expect(secretRows(dialog)).toHaveCount(1);
  // The one left is the only working secret: it cannot be retired.
  await expect(
    secretRows(dialog)
      .first()
      .getByRole('button', { name: /^Retire now/ }),
  ).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Rotate secret' })).toBeEnabled();

  const refused = await tokenWith(request, secrets.fromLink);
  expect(refused.status).toBe(401);
  expect(refused.body.error).toBe('invalid_client');
  expect((await tokenWith(request, rotated)).status).toBe(200);
});

test('the admin disables and enables the client, each after confirming', async ({ page, request }) => {
  const dialog = await openEdit(page);
  await dialog.getByRole('button', { name: 'Disable client' }).click();
  const disable = page.getByRole('dialog', { name: `Disable ${CLIENT_ID}?` });
  await expect(disable).toContainText('enabling it again needs no new secret');
  await expectAccessible(page);
  // Cancel first: nothing changes.
  await disable.getByRole('button', { name: 'Cancel' }).click();
  await expect(disable).toBeHidden();
  expect((await tokenWith(request, secrets.rotated)).status).toBe(200);

  await dialog.getByRole('button', { name: 'Disable client' }).click();
  await disable.getByRole('button', { name: 'Disable' }).click();
  await expect(disable).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Enable client' })).toBeVisible();
  await expect(dialog).toContainText('This client is disabled');
  const refused = await tokenWith(request, secrets.rotated);
  expect(refused.status).toBe(401);
  expect(refused.body.error).toBe('invalid_client');

  // The list says so, and filters by it (in the URL).
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(CLIENT_ID) });
  await expect(row).toContainText('Disabled');
  await page.getByRole('group', { name: 'Filter by status' }).getByText('Disabled').click();
  await expect(page).toHaveURL(/status=disabled/);
  await expect(page.getByText('1 client', { exact: true })).toBeVisible();
  await expect(row).toBeVisible();
  await page.getByRole('button', { name: /^Status/ }).click();
  await expect(page).toHaveURL(/sort=status/);
  await shot(page, '25-disabled-filtered');
  await expectAccessible(page);

  await page.getByRole('button', { name: `Edit ${CLIENT_ID}` }).click();
  await dialog.getByRole('button', { name: 'Enable client' }).click();
  const enable = page.getByRole('dialog', { name: `Enable ${CLIENT_ID}?` });
  await expectAccessible(page);
  await enable.getByRole('button', { name: 'Enable' }).click();
  await expect(enable).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Disable client' })).toBeVisible();
  expect((await tokenWith(request, secrets.rotated)).status).toBe(200);
});

test('the list shows when each client was last used, and filters the unused ones', async ({ page }) => {
  await openList(page);
  // Last use is recorded within a minute; the list shows it once it has been.
  const row = page.getByRole('row', { name: new RegExp(CLIENT_ID) });
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(row).toBeVisible();
        return row.locator('time').count();
      },
      { timeout: 90_000, intervals: [2_000, 5_000] },
    )
    .toBe(1);
  await expect(row.locator('time')).toHaveText(/ago|just now/);
  await page.getByRole('button', { name: /^Last used/ }).click();
  await expect(page).toHaveURL(/sort=lastUsedAt/);
  await expect(page.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute('aria-sort', 'ascending');
  // The switch follows the URL, which the router updates a moment after the click.
  const unused = page.getByRole('switch', { name: 'Unused for 90 days' });
  await unused.click();
  await expect(page).toHaveURL(/unusedDays=90/);
  await expect(unused).toBeChecked();
  await expect(page.getByText(/No API clients match “lifecycle-partner” and these filters/)).toBeVisible();
  await expect(row).toHaveCount(0);
  await shot(page, '26-unused-filter');
  await expectAccessible(page);
});
