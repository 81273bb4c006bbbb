import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getToken } from '@/lib/auth/session-store';
import { client, installFakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

describe('signing in', () => {
  it('has fields labelled Wallet, Username and Password, and says which are missing', async () => {
    installFakeApi();
    const { user } = renderApp('/sign-in', { signedIn: false });
    expect(await screen.findByRole('textbox', { name: 'Wallet' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password', { selector: 'input' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your wallet')).toBeInTheDocument();
    expect(screen.getByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('says plainly when the wallet, username or password is wrong', async () => {
    installFakeApi();
    const { user } = renderApp('/sign-in', { signedIn: false });
    await user.type(await screen.findByRole('textbox', { name: 'Wallet' }), 'demo');
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'admin');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The wallet, username or password is wrong');
    expect(getToken()).toBeNull();
  });

  it('goes where the deep link pointed, keeping the token in sessionStorage and never localStorage', async () => {
    installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    const { user, router } = renderApp('/settings/iam/users', { signedIn: false });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    await user.type(await screen.findByRole('textbox', { name: 'Wallet' }), 'demo');
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'admin');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'admin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Users', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/iam/users');
    expect(getToken()).toBe('session-token');
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.getItem('api-access.session')).toContain('session-token');
  });

  it('does not follow a next parameter that leaves the app', async () => {
    installFakeApi();
    const { user, router } = renderApp(`/sign-in?next=${encodeURIComponent('/\\evil.example')}`, { signedIn: false });
    await user.type(await screen.findByRole('textbox', { name: 'Wallet' }), 'demo');
    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'admin');
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'admin');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'API Access', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/iam/api-access');
  });

  it('a 401 on any call returns to sign-in and says the session ended', async () => {
    const api = installFakeApi();
    api.answerNext('GET', '/api/me', 401, {
      title: 'Unauthorized',
      status: 401,
      detail: 'A valid bearer token is required',
    });
    const { router } = renderApp('/settings/iam/api-access');
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toContain('next=%2Fsettings%2Fiam%2Fapi-access');
    expect(getToken()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('signing out forgets the session', async () => {
    installFakeApi();
    const { user, router } = renderApp('/settings/iam/api-access');
    await user.click(await screen.findByRole('button', { name: 'Account: admin' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(getToken()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});
