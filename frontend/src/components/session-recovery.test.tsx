import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getToken } from '@/lib/auth/session-store';
import { client, installFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';
import { SESSION_ENDED_MESSAGE } from './session-recovery';

const API_ACCESS = '/settings/iam/api-access';
const USERS = '/settings/iam/users';

type Rendered = ReturnType<typeof renderApp>;

const input = (dialog: HTMLElement, label: string) =>
  within(dialog).getByLabelText<HTMLInputElement>(new RegExp(`^${label}`), { selector: 'input, textarea' });
const checkbox = (dialog: HTMLElement, name: string) => within(dialog).getByRole('checkbox', { name });

/** Fills every field of Add API client and ticks Change Payments (so View Payments) and View Accounts. */
async function fillAddClient({ user }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Add API client' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add API client' });
  await user.type(within(dialog).getByRole('textbox', { name: 'Client ID' }), 'acme-backend');
  fireEvent.change(input(dialog, 'Expiry date'), { target: { value: '2031-06-30' } });
  await user.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'Contact: Jane Roe, ACME payments team');
  await user.click(checkbox(dialog, 'Change Payments'));
  await user.click(checkbox(dialog, 'View Accounts'));
  return dialog;
}

function expectAddClientIntact(dialog: HTMLElement) {
  expect(within(dialog).getByRole('textbox', { name: 'Client ID' })).toHaveValue('acme-backend');
  expect(input(dialog, 'Expiry date')).toHaveValue('2031-06-30');
  expect(within(dialog).getByRole('textbox', { name: 'Notes' })).toHaveValue('Contact: Jane Roe, ACME payments team');
  expect(checkbox(dialog, 'Change Payments')).toBeChecked();
  expect(checkbox(dialog, 'View Payments')).toBeChecked();
  expect(checkbox(dialog, 'View Accounts')).toBeChecked();
  expect(checkbox(dialog, 'Change Accounts')).not.toBeChecked();
  expect(checkbox(dialog, 'View Users')).not.toBeChecked();
}

const ADDED_CLIENT = {
  clientId: 'acme-backend',
  expiryDate: '2031-06-30',
  notes: 'Contact: Jane Roe, ACME payments team',
  roles: ['accounts:read', 'payments:change', 'payments:read'],
};

async function signInAgain({ user }: Rendered, form: HTMLElement, password: string) {
  await user.click(within(form).getByRole('button', { name: 'Sign in again' }));
  const dialog = await screen.findByRole('dialog', { name: 'Sign in again' });
  await user.type(input(dialog, 'Password'), password);
  await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
  return dialog;
}

const saves = (api: FakeApi, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && r.path === path);

describe('a save that meets an ended session', () => {
  it('keeps the Add API client dialog, every field and the ticked roles, and says why it was not saved', async () => {
    const api = installFakeApi();
    const rendered = renderApp(API_ACCESS);
    const dialog = await fillAddClient(rendered);

    api.expireSessions();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SESSION_ENDED_MESSAGE);
    expect(within(dialog).getByRole('button', { name: 'Sign in again' })).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add API client' })).toBe(dialog);
    expectAddClientIntact(dialog);
    expect(rendered.router.state.location.pathname).toBe(API_ACCESS);
    expect(screen.queryByRole('heading', { name: 'Sign in to the wallet console' })).toBeNull();
    expect(saves(api, 'POST', '/api/clients')).toHaveLength(1);
  });

  it('signs in again with the password alone, then saves the very same values with the new token', async () => {
    const api = installFakeApi();
    const rendered = renderApp(API_ACCESS);
    const dialog = await fillAddClient(rendered);
    api.expireSessions();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('alert');

    await rendered.user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    const reauth = await screen.findByRole('dialog', { name: 'Sign in again' });
    // The SPA knows the wallet and the username; only the password is asked for.
    expect(within(reauth).getByRole('textbox', { name: 'Wallet' })).toHaveValue('demo');
    expect(within(reauth).getByRole('textbox', { name: 'Wallet' })).toHaveAttribute('readonly');
    expect(within(reauth).getByRole('textbox', { name: 'Username' })).toHaveValue('admin');
    await waitFor(() => expect(input(reauth, 'Password')).toHaveFocus());
    await rendered.user.keyboard('admin{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in again' })).toBeNull());
    expect(getToken()).toBe('session-token-2');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Press Save to save what you typed.');
    expect(within(dialog).queryByText(SESSION_ENDED_MESSAGE)).toBeNull();
    expectAddClientIntact(dialog);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus());

    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const secretDialog = await screen.findByRole('dialog', { name: 'Client secret' });
    expect(within(secretDialog).getByText(api.lastSecret!)).toBeInTheDocument();

    const [refused, saved] = saves(api, 'POST', '/api/clients');
    expect(refused).toMatchObject({ body: ADDED_CLIENT, token: 'session-token' });
    expect(saved).toMatchObject({ body: ADDED_CLIENT, token: 'session-token-2' });
    // Sign-in carries no bearer token, stale or not.
    expect(saves(api, 'POST', '/api/session')).toMatchObject([
      { token: null, body: { wallet: 'demo', username: 'admin' } },
    ]);
    expect(rendered.router.state.location.pathname).toBe(API_ACCESS);
  });

  it('says plainly when the password is wrong, and keeps both the session ended and the form', async () => {
    const api = installFakeApi();
    const rendered = renderApp(API_ACCESS);
    const dialog = await fillAddClient(rendered);
    api.expireSessions();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('alert');

    const reauth = await signInAgain(rendered, dialog, 'not-my-password');

    expect(await within(reauth).findByRole('alert')).toHaveTextContent('The password is wrong. Try again.');
    expect(input(reauth, 'Password')).toHaveFocus();
    expect(screen.getByRole('dialog', { name: 'Sign in again' })).toBe(reauth);
    expect(getToken()).toBe('session-token');
    expect(rendered.router.state.location.pathname).toBe(API_ACCESS);
    expectAddClientIntact(dialog);
    expect(saves(api, 'POST', '/api/clients')).toHaveLength(1);
  });

  it('Escape closes only the sign-in dialog; Save then offers it again', async () => {
    const api = installFakeApi();
    const rendered = renderApp(API_ACCESS);
    const dialog = await fillAddClient(rendered);
    api.expireSessions();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('alert');
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    await screen.findByRole('dialog', { name: 'Sign in again' });

    await rendered.user.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in again' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Add API client' })).toBe(dialog);
    expectAddClientIntact(dialog);
    // The session is known to have ended: Save asks for the password rather than sending a doomed request.
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('dialog', { name: 'Sign in again' })).toBeInTheDocument();
    expect(saves(api, 'POST', '/api/clients')).toHaveLength(1);
  });

  it('leaving the form of an ended session returns to sign-in and says why', async () => {
    const api = installFakeApi();
    const rendered = renderApp(API_ACCESS);
    const dialog = await fillAddClient(rendered);
    api.expireSessions();
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByRole('alert');

    await rendered.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(await screen.findByText('Your session has ended. Sign in again to continue.')).toBeInTheDocument();
    expect(rendered.router.state.location.pathname).toBe('/sign-in');
    expect(getToken()).toBeNull();
  });

  it('keeps the notes and roles of Edit {clientId}, and saves them once signed in again', async () => {
    const api = installFakeApi({
      clients: [client({ clientId: 'acme-backend', roles: ['accounts:read'], notes: 'old' })],
    });
    const rendered = renderApp(API_ACCESS);
    const { user } = rendered;
    await user.click(await screen.findByRole('button', { name: 'Edit acme-backend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit acme-backend' });
    await user.click(checkbox(dialog, 'Change Users'));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Notes' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'now also manages users');

    api.expireSessions();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SESSION_ENDED_MESSAGE);
    expect(within(dialog).getByRole('textbox', { name: 'Notes' })).toHaveValue('now also manages users');
    expect(checkbox(dialog, 'Change Users')).toBeChecked();
    expect(checkbox(dialog, 'View Users')).toBeChecked();
    expect(checkbox(dialog, 'View Accounts')).toBeChecked();

    await signInAgain(rendered, dialog, 'admin');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in again' })).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit acme-backend' })).toBeNull());

    const body = { roles: ['accounts:read', 'users:change', 'users:read'], notes: 'now also manages users' };
    expect(saves(api, 'PUT', '/api/clients/acme-backend')).toMatchObject([
      { body, token: 'session-token' },
      { body, token: 'session-token-2' },
    ]);
    expect(await screen.findByRole('row', { name: /now also manages users/ })).toBeInTheDocument();
  });

  it('keeps the username, password and roles of Add user, and saves them once signed in again', async () => {
    const api = installFakeApi();
    const rendered = renderApp(USERS);
    const { user } = rendered;
    await user.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add user' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Username' }), 'reader');
    await user.type(input(dialog, 'Password'), 'a-long-enough-password');
    await user.click(checkbox(dialog, 'View API Access'));
    await user.click(checkbox(dialog, 'Change Accounts'));

    api.expireSessions();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SESSION_ENDED_MESSAGE);
    expect(within(dialog).getByRole('textbox', { name: 'Username' })).toHaveValue('reader');
    expect(input(dialog, 'Password')).toHaveValue('a-long-enough-password');
    expect(checkbox(dialog, 'View API Access')).toBeChecked();
    expect(checkbox(dialog, 'Change Accounts')).toBeChecked();
    expect(checkbox(dialog, 'View Accounts')).toBeChecked();
    expect(rendered.router.state.location.pathname).toBe(USERS);

    await signInAgain(rendered, dialog, 'admin');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in again' })).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add user' })).toBeNull());

    const body = {
      username: 'reader',
      password: 'a-long-enough-password',
      roles: ['accounts:change', 'accounts:read', 'api-access:read'],
    };
    expect(saves(api, 'POST', '/api/users')).toMatchObject([
      { body, token: 'session-token' },
      { body, token: 'session-token-2' },
    ]);
    expect(await screen.findByRole('row', { name: /reader/ })).toBeInTheDocument();
  });
});
