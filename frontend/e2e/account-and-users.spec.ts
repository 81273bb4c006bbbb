import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { adminToken, ADMIN, expect, expectAccessible, shot, signIn, test, WALLET } from './fixtures';

test.describe.configure({ mode: 'serial' });

/** Signs in, changes the password in the UI; never the bootstrap admin, whom the other specs use. */
const CHANGER = { username: 'changer', password: 'first-password-123', newPassword: 'second-password-456' };
/** Can manage users, but holds fewer roles than the admin. */
const OPS = { username: 'ops', password: 'ops-password-1234', roles: ['accounts:read', 'users:change', 'users:read'] };
const TARGET = { username: 'target', password: 'target-password-12', roles: ['accounts:read'] };
const OURS = [CHANGER.username, OPS.username, TARGET.username];

async function api(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  return {
    deleteUser: (username: string) => request.delete(`/api/users/${username}`, { headers }),
    createUser: async (username: string, password: string, roles: string[]) => {
      const response = await request.post('/api/users', { headers, data: { username, password, roles } });
      expect(response.status()).toBe(201);
    },
    setRoles: async (username: string, roles: string[]) => {
      const response = await request.put(`/api/users/${username}`, { headers, data: { roles } });
      expect(response.status()).toBe(200);
    },
  };
}

/** The tooltip of a disabled action: hovered on the span around it, which gets the pointer instead. */
async function tooltipOf(page: Page, button: Locator) {
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await button.locator('..').hover();
  return page.getByRole('tooltip');
}

test.beforeAll(async ({ request }) => {
  // A fresh database, or what an earlier run against E2E_BASE_URL left behind.
  const admin = await api(request);
  for (const username of OURS) await admin.deleteUser(username);
  await admin.createUser(CHANGER.username, CHANGER.password, ['accounts:read', 'api-access:read']);
  await admin.createUser(OPS.username, OPS.password, OPS.roles);
  await admin.createUser(TARGET.username, TARGET.password, TARGET.roles);
});

test.afterAll(async ({ request }) => {
  const admin = await api(request);
  for (const username of OURS) await admin.deleteUser(username);
});

test('a user changes their password from the user menu and the session goes on', async ({ page, request }) => {
  await signIn(page, CHANGER.username, CHANGER.password);
  await page.getByRole('button', { name: `Account: ${CHANGER.username}` }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  const current = dialog.getByRole('textbox', { name: 'Current password', exact: true });
  const next = dialog.getByRole('textbox', { name: 'New password', exact: true });
  const confirm = dialog.getByRole('textbox', { name: 'Confirm new password', exact: true });
  await expect(next).toHaveAccessibleDescription('At least 12 characters.');

  // Too short: refused before anything is sent.
  await current.fill(CHANGER.password);
  await next.fill('short-pass');
  await confirm.fill('short-pass');
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog.getByText('Use at least 12 characters')).toBeVisible();

  // A wrong current password: the server says so, beside the field.
  await current.fill('not-my-password-at-all');
  await next.fill(CHANGER.newPassword);
  await confirm.fill(CHANGER.newPassword);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAccessibleDescription('The current password is not right');
  await shot(page, '20-change-password-wrong');
  await expectAccessible(page);

  await current.fill(CHANGER.password);
  await dialog.getByRole('button', { name: 'Change password' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Password changed')).toBeVisible();
  await shot(page, '21-password-changed');

  // The session goes on with a new token: another screen loads, and a reload keeps it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/settings\/iam\/users$/);
  await expect(page.getByText('You cannot view users')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/iam\/users$/);

  // The old password no longer signs in, the new one does.
  const old = await request.post('/api/session', {
    data: { wallet: WALLET, username: CHANGER.username, password: CHANGER.password },
  });
  expect(old.status()).toBe(401);
  await page.getByRole('button', { name: `Account: ${CHANGER.username}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Wallet').fill(WALLET);
  await page.getByLabel('Username').fill(CHANGER.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(CHANGER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('wallet, username or password is wrong');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(CHANGER.newPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back where signing out left off.
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account: ${CHANGER.username}` })).toBeVisible();
});

test('a user lacking roles sees Edit and Delete disabled on a stronger user, and a refusal in plain words', async ({
  page,
  request,
}) => {
  await signIn(page, OPS.username, OPS.password);
  await page.goto('/settings/iam/users');
  const reason = 'You cannot change a user who holds roles you do not hold';

  const edit = page.getByRole('button', { name: `Edit ${ADMIN.username}` });
  const remove = page.getByRole('button', { name: `Delete ${ADMIN.username}` });
  await expect(edit).toBeDisabled();
  await expect(remove).toBeDisabled();
  const editTooltip = await tooltipOf(page, edit);
  await expect(editTooltip).toContainText(reason);
  await expect(editTooltip).toContainText('payments:change');
  await shot(page, '22-users-disabled-actions');
  await expect(await tooltipOf(page, remove)).toContainText(reason);
  const removeSelf = page.getByRole('button', { name: `Delete ${OPS.username}` });
  await expect(removeSelf).toBeDisabled();
  await expect(await tooltipOf(page, removeSelf)).toHaveText('You cannot delete yourself');
  await expectAccessible(page);

  // target holds only what ops holds, so ops may try; meanwhile the admin gives target more.
  await page.getByRole('button', { name: `Delete ${TARGET.username}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${TARGET.username}?` });
  await expect(dialog).toBeVisible();
  await (await api(request)).setRoles(TARGET.username, ['accounts:read', 'payments:read']);
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `You cannot delete a user who holds roles you do not hold: payments:read`,
  );
  await shot(page, '23-users-delete-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: `Delete ${TARGET.username}` })).toBeDisabled();
});

test('the only administrator cannot remove their own Change Users: the lock-out is said above Save', async ({
  page,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/settings/iam/users');
  await page.getByRole('button', { name: `Edit ${ADMIN.username}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${ADMIN.username}` });
  await dialog.getByRole('checkbox', { name: 'Change Users' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Not saved');
  await expect(alert).toContainText('without a user who holds both users:change and api-access:change');
  await shot(page, '24-users-lock-out');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`^${ADMIN.username}`) })).toContainText('Users: Change');
});
