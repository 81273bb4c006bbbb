import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getToken } from '@/lib/auth/session-store';
import { installFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const USERS = '/settings/iam/users';
const NEW_PASSWORD = 'correct-horse-battery';

type Rendered = ReturnType<typeof renderApp>;

const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(label, { selector: 'input' });
const calls = (api: FakeApi, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && r.path === path);

async function openDialog({ user }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Account: admin' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Change password' }));
  return screen.findByRole('dialog', { name: 'Change password' });
}

async function fill({ user }: Rendered, dialog: HTMLElement, current: string, next: string, confirm = next) {
  await user.type(field(dialog, 'Current password'), current);
  await user.type(field(dialog, 'New password'), next);
  await user.type(field(dialog, 'Confirm new password'), confirm);
  await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
}

describe('changing your own password', () => {
  it('says the 12-character rule before anything is sent', async () => {
    installFakeApi();
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);
    expect(field(dialog, 'New password')).toHaveAccessibleDescription('At least 12 characters.');
    expect(field(dialog, 'Current password')).toHaveAttribute('autocomplete', 'current-password');
    expect(field(dialog, 'New password')).toHaveAttribute('autocomplete', 'new-password');
  });

  it('changes it, signs in again with the new password and goes on with the new token', async () => {
    const api = installFakeApi();
    const rendered = renderApp(USERS);
    await screen.findByRole('row', { name: /admin/ });
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', NEW_PASSWORD);

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Change password' })).toBeNull());
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(calls(api, 'PUT', '/api/me/password')).toMatchObject([
      { body: { currentPassword: 'admin', newPassword: NEW_PASSWORD }, token: 'session-token' },
    ]);
    expect(calls(api, 'POST', '/api/session')).toMatchObject([
      { body: { wallet: 'demo', username: 'admin', password: NEW_PASSWORD }, token: null },
    ]);
    expect(getToken()).toBe('session-token-2');
    expect(sessionStorage.getItem('api-access.session')).toContain('session-token-2');
    expect(rendered.router.state.location.pathname).toBe(USERS);

    // The old token is refused now; the next screen loads with the new one.
    await rendered.user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'API Access' }),
    );
    expect(await screen.findByText('No API clients yet')).toBeInTheDocument();
    expect(calls(api, 'GET', '/api/clients').at(-1)?.token).toBe('session-token-2');
    expect(screen.queryByRole('heading', { name: 'Sign in to the wallet console' })).toBeNull();
  });

  it('says beside Current password when it is wrong, and keeps the session and the dialog', async () => {
    const api = installFakeApi();
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'not-my-password', NEW_PASSWORD);

    const current = field(dialog, 'Current password');
    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is not right'));
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();
    expect(field(dialog, 'New password')).toHaveValue(NEW_PASSWORD);
    expect(calls(api, 'POST', '/api/session')).toHaveLength(0);
    expect(getToken()).toBe('session-token');
    expect(api.passwords.admin).toBe('admin');
  });

  it('blocks a new password under 12 characters before submitting', async () => {
    const api = installFakeApi();
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', 'eleven-char');

    expect(await within(dialog).findByText('Use at least 12 characters')).toBeInTheDocument();
    expect(field(dialog, 'New password')).toHaveAttribute('aria-invalid', 'true');
    expect(calls(api, 'PUT', '/api/me/password')).toHaveLength(0);
  });

  it('blocks a confirmation that differs from the new password', async () => {
    const api = installFakeApi();
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', NEW_PASSWORD, `${NEW_PASSWORD}!`);

    expect(await within(dialog).findByText('This is not the same as the new password')).toBeInTheDocument();
    expect(calls(api, 'PUT', '/api/me/password')).toHaveLength(0);
  });

  it("puts the server's message about newPassword beside New password", async () => {
    const api = installFakeApi();
    api.answerNext('PUT', '/api/me/password', 400, {
      type: 'urn:api-access:problem:validation',
      status: 400,
      detail: 'Invalid request',
      errors: [{ field: 'newPassword', message: 'must not contain the username' }],
    });
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', 'admin-and-more-letters');

    await waitFor(() =>
      expect(field(dialog, 'New password')).toHaveAccessibleDescription(/Must not contain the username/),
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(getToken()).toBe('session-token');
  });

  it('says plainly when too many wrong passwords were tried, and how long to wait', async () => {
    const api = installFakeApi();
    api.answerNext(
      'PUT',
      '/api/me/password',
      429,
      { status: 429, detail: 'Too many wrong passwords' },
      { 'Retry-After': '120' },
    );
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', NEW_PASSWORD);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Too many wrong passwords. Your password was not changed; wait 2 minutes, then try again.',
    );
    expect(getToken()).toBe('session-token');
  });

  it('when signing in with the new password fails, ends the session and says to sign in with it', async () => {
    const api = installFakeApi();
    api.answerNext('POST', '/api/session', 503, { status: 503, detail: 'The database is unreachable' });
    const rendered = renderApp(USERS);
    const dialog = await openDialog(rendered);

    await fill(rendered, dialog, 'admin', NEW_PASSWORD);

    expect(
      await screen.findByText('Your password was changed. Sign in with the new password to continue.'),
    ).toBeInTheDocument();
    expect(rendered.router.state.location.pathname).toBe('/sign-in');
    expect(getToken()).toBeNull();
    expect(api.passwords.admin).toBe(NEW_PASSWORD);
  });

  it('is not offered to an API client, which has no password', async () => {
    installFakeApi({ username: 'wallet-demo-robot' });
    const { user } = renderApp(USERS);
    await user.click(await screen.findByRole('button', { name: 'Account: wallet-demo-robot' }));
    expect(await screen.findByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Change password' })).toBeNull();
  });
});
