import { ADMIN, expect, expectAccessible, shot, signIn, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

// Each run its own client: the audit log keeps a deleted client's history, so a name used before has events already.
const CLIENT_ID = `audit-${Date.now().toString(36)}`;

test('the admin creates and edits a client, then reads its history from its row', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/settings/iam/api-access?q=${CLIENT_ID}`);
  await page.getByRole('button', { name: 'Add API client' }).click();
  const add = page.getByRole('dialog', { name: 'Add API client' });
  await add.getByLabel('Client ID').fill(CLIENT_ID);
  await add.getByRole('checkbox', { name: 'Change Accounts' }).check();
  await add.getByRole('button', { name: 'Save' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Client secret' });
  await expect(secretDialog).toBeVisible();
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();

  await page.getByRole('button', { name: `Edit ${CLIENT_ID}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${CLIENT_ID}` });
  await edit.getByRole('checkbox', { name: 'Change Accounts' }).uncheck();
  await edit.getByRole('checkbox', { name: 'View Payments' }).check();
  await edit.getByLabel('Notes').fill('Audit partner, ops@audit.example');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // Keyboard: the row's Activity link is reached and followed like any link.
  const history = page.getByRole('link', { name: `Activity of ${CLIENT_ID}` });
  await history.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/settings/iam/activity\\?clientId=${CLIENT_ID}$`));
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(CLIENT_ID);

  const events = page.getByRole('table', { name: 'Events' });
  const rows = events.locator('tbody tr[data-event-id]');
  await expect(rows).toHaveCount(2);
  // Newest first: the edit, then the creation.
  await expect(rows.nth(0)).toHaveAttribute('data-action', 'client.updated');
  await expect(rows.nth(1)).toHaveAttribute('data-action', 'client.created');

  const updated = rows.nth(0);
  await expect(updated).toContainText('Client updated');
  await expect(updated).toContainText(/admin\s*User/);
  await expect(updated).toContainText('just now');
  await expect(updated).toContainText('UTC');
  const added = updated.getByRole('group', { name: 'Roles added' });
  await expect(added).toContainText('payments:read');
  await expect(added.locator('[data-diff="added"]')).toHaveCount(1);
  const removed = updated.getByRole('group', { name: 'Roles removed' });
  await expect(removed).toContainText('accounts:change');
  await expect(updated.locator('[data-change="notes"]')).toContainText('(none)');
  await expect(updated.locator('[data-change="notes"]')).toContainText('Audit partner, ops@audit.example');

  const created = rows.nth(1);
  await expect(created).toContainText('Client created');
  await expect(created.getByRole('group', { name: 'Roles added' })).toContainText('accounts:change');
  await shot(page, '40-activity-of-client');
  await expectAccessible(page);
});

test('the filters live in the URL: a link, the action filter and a reload keep them', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/settings/iam/activity?clientId=${CLIENT_ID}&action=client.created`);
  const rows = page.getByRole('table', { name: 'Events' }).locator('tbody tr[data-event-id]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'client.created');
  await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('client.created');

  await page.getByRole('combobox', { name: 'Action' }).selectOption('client.updated');
  await expect(page).toHaveURL(/action=client\.updated/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'client.updated');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Action' })).toHaveValue('client.updated');
  await expect(rows).toHaveCount(1);

  // A day with nothing in it: the empty state, and Clear filters brings everything back.
  await page.getByLabel('To', { exact: true }).fill('2020-01-01');
  await expect(page.getByText('No events match these filters')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(/\/settings\/iam\/activity$/);
  await expect(page.getByRole('table', { name: 'Events' }).locator('tbody tr[data-event-id]').first()).toBeVisible();
});

test('the Activity link in the navigation opens the whole log, keyboard first', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/settings\/iam\/activity$/);
  await expect(link).toHaveAttribute('aria-current', 'page');
  // The admin's sign-ins are not events, but the client made above is.
  await expect(page.getByRole('link', { name: CLIENT_ID }).first()).toBeVisible();
  await page.getByRole('link', { name: CLIENT_ID }).first().click();
  await expect(page).toHaveURL(new RegExp(`clientId=${CLIENT_ID}`));
  await expect(page.getByRole('textbox', { name: 'Client ID' })).toHaveValue(CLIENT_ID);
  await shot(page, '41-activity');
  await expectAccessible(page);
});
