import { createHash, createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { adminToken, ADMIN, expect as baseExpect, expectAccessible, shot, signIn, test } from './fixtures';

const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const CLIENT_ID = 'keys-partner';
const OAUTH_CLIENT_ID = `wallet-demo-${CLIENT_ID}`;
/** Made in the Add dialog with a public key and no secret. */
const KEYED_ID = 'keys-only-partner';

/** The integrator's key pair: only the public half is ever pasted. */
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** RFC 7638: SHA-256 of the required members in lexicographic order, base64url. */
function thumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A client assertion (RFC 7523) as the integrator signs it: ES256, iss = sub = the client, a fresh jti. */
function assertion(audience: string, kid: string, client = OAUTH_CLIENT_ID): string {
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64url({ alg: 'ES256', typ: 'JWT', kid })}.${b64url({
    iss: client,
    sub: client,
    aud: audience,
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
  })}`;
  const signature = sign('sha256', Buffer.from(input), {
    key: createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    dsaEncoding: 'ieee-p1363',
  });
  return `${input}.${signature.toString('base64url')}`;
}

async function tokenWithKey(request: APIRequestContext, kid: string, client = OAUTH_CLIENT_ID) {
  const metadata = (await (await request.get('/.well-known/oauth-authorization-server')).json()) as {
    token_endpoint: string;
  };
  const response = await request.post('/oauth2/token', {
    form: {
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(metadata.token_endpoint, kid, client),
    },
  });
  return { status: response.status(), body: (await response.json()) as { access_token?: string; error?: string } };
}

async function openEdit(page: Page): Promise<Locator> {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/settings/iam/api-access?q=${CLIENT_ID}`);
  await page.getByRole('button', { name: `Edit ${CLIENT_ID}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${CLIENT_ID}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

const keyRows = (dialog: Locator) => dialog.getByTestId('keys').locator('tbody tr[data-kid]');

test.beforeAll(async ({ request }) => {
  const token = await adminToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  await request.delete(`/api/clients/${CLIENT_ID}`, { headers });
  await request.delete(`/api/clients/${KEYED_ID}`, { headers });
  const created = await request.post('/api/clients', {
    headers,
    data: { clientId: CLIENT_ID, roles: ['api-access:read'] },
  });
  expect(created.status()).toBe(201);
});

let accessToken = '';

test('the admin pastes a public key and sees its thumbprint', async ({ page }) => {
  const dialog = await openEdit(page);
  await expect(dialog.getByTestId('keys')).toContainText('No public key');

  // Keyboard: the button is reached and pressed like any other.
  await dialog.getByRole('button', { name: 'Add public key' }).focus();
  await page.keyboard.press('Enter');
  const add = page.getByRole('dialog', { name: `Add a public key to ${CLIENT_ID}` });
  await expect(add).toBeVisible();

  // A private key is refused, with the server's reason beside the field.
  await add.getByLabel('Public key (PEM or JWK)').fill(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  await add.getByRole('button', { name: 'Add key' }).click();
  await expect(add.getByRole('alert')).toContainText('private key');
  await expectAccessible(page);

  await add.getByLabel('Public key (PEM or JWK)').fill(publicPem);
  await add.getByRole('button', { name: 'Add key' }).click();
  await expect(add.getByTestId('added-kid')).toHaveText(thumbprint(publicKey));
  await shot(page, '40-key-added');
  await expectAccessible(page);
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(add).toBeHidden();

  await expect(keyRows(dialog)).toHaveCount(1);
  await expect(keyRows(dialog).first()).toHaveAttribute('data-kid', thumbprint(publicKey));
  await expect(keyRows(dialog).first()).toContainText('ES256');
  await expectAccessible(page);
});

test('the integrator gets a token with a private_key_jwt assertion', async ({ request }) => {
  const answer = await tokenWithKey(request, thumbprint(publicKey));
  expect(answer.status).toBe(200);
  accessToken = answer.body.access_token!;
  const me = await request.get('/api/me', { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(me.status()).toBe(200);
});

test('the admin removes the key after a confirmation, and its token stops working', async ({ page, request }) => {
  const dialog = await openEdit(page);
  await expect(keyRows(dialog)).toHaveCount(1);
  await dialog.getByRole('button', { name: /^Remove key / }).click();
  const confirm = page.getByRole('dialog', { name: /^Remove key / });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(thumbprint(publicKey));
  await expectAccessible(page);
  // Escape closes the confirmation alone; the client's dialog stays.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: /^Remove key / }).click();
  await confirm.getByRole('button', { name: 'Remove key' }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRows(dialog)).toHaveCount(0);

  const me = await request.get('/api/me', { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(me.status()).toBe(401);
  expect((await tokenWithKey(request, thumbprint(publicKey))).status).toBe(401);
});

test('the admin adds a client that has a public key and no secret', async ({ page, request }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Add API client' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add API client' });
  await dialog.getByLabel('Client ID').fill(KEYED_ID);
  await dialog.getByRole('checkbox', { name: 'View Accounts' }).check();
  // Keyboard: the second credential is reached with the arrow keys, as in any radio group.
  await dialog.getByRole('radio', { name: 'A secret' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'A public key (private_key_jwt)' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Show the secret now' })).toHaveCount(0);
  await dialog.getByLabel('Public key (PEM or JWK)').fill(JSON.stringify(publicKey.export({ format: 'jwk' })));
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // No secret dialog: there is no secret.
  await expect(page.getByRole('dialog', { name: /secret/i })).toHaveCount(0);
  await expect(page.getByText(`kid ${thumbprint(publicKey)}`)).toBeVisible();

  const answer = await tokenWithKey(request, thumbprint(publicKey), `wallet-demo-${KEYED_ID}`);
  expect(answer.status).toBe(200);
});
