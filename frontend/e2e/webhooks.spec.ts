import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminToken, ADMIN, expect as baseExpect, expectAccessible, shot, signIn, test } from './fixtures';

// A delivery is queued, polled (every second) and sent, and the history refreshes every 3 s while pending.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ mode: 'serial', timeout: 120_000 });

type Received = { headers: IncomingHttpHeaders; body: string };

/** The receiver: a plain http server on 127.0.0.1 that keeps what it is sent (the jar runs with allow-private). */
let server: Server;
let receiverUrl = '';
const received: Received[] = [];
/** The endpoint's signing secret, read from the dialog that shows it once. */
let signingSecret = '';

const CLIENT_ID = `hooked-${Date.now().toString(36)}`;

/** Standard Webhooks: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed with the base64 after whsec_. */
function signatureValid(secret: string, { headers, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`)
    .digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((candidate) => {
      const [version, value] = candidate.split(',');
      const given = Buffer.from(value ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const typeOf = (r: Received) => (JSON.parse(r.body) as { type: string }).type;

test.beforeAll(async ({ request }) => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/wallet`;

  // Against a service already running (E2E_BASE_URL): endpoints an earlier run left on 127.0.0.1 go.
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const list = await request.get('/api/webhooks', { headers });
  expect(list.status()).toBe(200);
  for (const hook of (await list.json()) as { id: string; url: string }[]) {
    if (hook.url.startsWith('http://127.0.0.1:')) await request.delete(`/api/webhooks/${hook.id}`, { headers });
  }
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test('the admin adds a webhook: a refused URL is said on its field, the secret is shown once', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' });
  await nav.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/iam\/webhooks$/);
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add webhook' });
  await expect(dialog).toBeVisible();
  const url = dialog.getByRole('textbox', { name: /Endpoint URL/ });
  // The server refuses credentials in the URL, and names the field.
  await url.fill(receiverUrl.replace('http://', 'http://user:password@'));
  await dialog.getByRole('checkbox', { name: /Client created/ }).check();
  await dialog.getByRole('checkbox', { name: /Secret retired/ }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Must not carry a user name or password')).toBeVisible();
  await expect(url).toBeFocused();
  await expectAccessible(page);

  await url.fill(receiverUrl);
  await dialog.getByRole('button', { name: 'Save' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Webhook signing secret' });
  await expect(secretDialog).toBeVisible();
  await expect(secretDialog).toContainText('you will not see it again');
  signingSecret = (await secretDialog.getByTestId('webhook-secret').textContent())!.trim();
  expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
  await expect(secretDialog.getByRole('button', { name: 'Copy signing secret' })).toBeVisible();
  await shot(page, '50-webhook-secret');
  await expectAccessible(page);
  // Escape does not lose it: only Done closes.
  await page.keyboard.press('Escape');
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();

  const row = page.getByRole('row', { name: new RegExp(receiverUrl) });
  await expect(row).toContainText('Client created');
  await expect(row).toContainText('Secret retired');
  await expect(row).toContainText('Enabled');
  expect(await page.content()).not.toContain(signingSecret);
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(receiverUrl) })).toBeVisible();
  expect(await page.content()).not.toContain(signingSecret);
  await shot(page, '51-webhooks');
  await expectAccessible(page);
});

test('a test event reaches the local receiver, signed, and its delivery becomes delivered', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/settings/iam/webhooks');
  await page.getByRole('button', { name: `Delivery history of ${receiverUrl}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delivery history' });
  await expect(dialog.getByText('Nothing was sent to this endpoint yet.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Send a test event' }).click();
  const delivery = dialog.getByRole('row', { name: /Test event/ });
  await expect(delivery).toBeVisible();
  await expect(delivery.locator('[data-status]').first()).toHaveAttribute('data-status', 'delivered');
  await expect(delivery).toContainText('Delivered');
  await expect(delivery).toContainText('just now');

  const test = received.find((r) => typeOf(r) === 'webhook.test');
  expect(test, 'the receiver got the test event').toBeDefined();
  expect(test!.headers['webhook-id']).toBeTruthy();
  expect(signatureValid(signingSecret, test!)).toBe(true);
  await shot(page, '52-deliveries');
  await expectAccessible(page);
});

test('a subscribed lifecycle event is delivered: a client created', async ({ page, request }) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const created = await request.post('/api/clients', {
    headers,
    data: { clientId: CLIENT_ID, roles: ['accounts:read'] },
  });
  expect(created.status()).toBe(201);

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/settings/iam/webhooks');
  await page.getByRole('button', { name: `Delivery history of ${receiverUrl}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delivery history' });
  const delivery = dialog.getByRole('row', { name: /Client created/ });
  await expect(async () => {
    await dialog.getByRole('button', { name: 'Refresh' }).click();
    await expect(delivery).toContainText('Delivered', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const event = received.find((r) => typeOf(r) === 'client.created' && r.body.includes(CLIENT_ID));
  expect(event, 'the receiver got client.created').toBeDefined();
  expect(signatureValid(signingSecret, event!)).toBe(true);
  await request.delete(`/api/clients/${CLIENT_ID}`, { headers });
});

test('the admin disables, enables and deletes the webhook, each after a confirmation', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/settings/iam/webhooks');
  const row = page.getByRole('row', { name: new RegExp(receiverUrl) });

  await page.getByRole('button', { name: `Disable ${receiverUrl}` }).click();
  const disable = page.getByRole('dialog', { name: 'Disable this webhook?' });
  await expect(disable).toContainText('receives no events while it is disabled');
  await expectAccessible(page);
  await disable.getByRole('button', { name: 'Disable' }).click();
  await expect(disable).toBeHidden();
  await expect(row).toContainText('Disabled');
  await expect(page.getByRole('button', { name: `Send a test event to ${receiverUrl}` })).toBeDisabled();

  // Keyboard: the Enable button and its confirmation.
  await page.getByRole('button', { name: `Enable ${receiverUrl}` }).focus();
  await page.keyboard.press('Enter');
  const enable = page.getByRole('dialog', { name: 'Enable this webhook?' });
  await expect(enable).toBeVisible();
  await enable.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Enabled');

  await page.getByRole('button', { name: `Delete ${receiverUrl}` }).click();
  const remove = page.getByRole('dialog', { name: 'Delete this webhook?' });
  await remove.getByRole('button', { name: 'Delete' }).click();
  await expect(remove).toBeHidden();
  await expect(row).toHaveCount(0);
});

test('a reader sees the webhooks and their deliveries, and no change buttons', async ({ page, request }) => {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const reader = { username: `hooks-reader-${Date.now().toString(36)}`, password: 'reads-webhooks-only-1' };
  const hook = await request.post('/api/webhooks', { headers, data: { url: receiverUrl, events: ['client.created'] } });
  expect(hook.status()).toBe(201);
  const made = await request.post('/api/users', {
    headers,
    data: { ...reader, roles: ['api-access:read', 'webhooks:read'] },
  });
  expect(made.status()).toBe(201);

  await signIn(page, reader.username, reader.password);
  await page.goto('/settings/iam/webhooks');
  await expect(page.getByRole('row', { name: new RegExp(receiverUrl) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add webhook' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Delete ${receiverUrl}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Disable ${receiverUrl}` })).toHaveCount(0);
  await page.getByRole('button', { name: `Delivery history of ${receiverUrl}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delivery history' });
  await expect(dialog.getByRole('button', { name: 'Refresh' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Send a test event' })).toHaveCount(0);
  await expectAccessible(page);

  await request.delete(`/api/webhooks/${((await hook.json()) as { id: string }).id}`, { headers });
  await request.delete(`/api/users/${reader.username}`, { headers });
});
