import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { start } from '@/lib/auth/session-store';
import { installFakeApi, LINK_LIFETIME_MS, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const TOKEN = 'tok-abc_123';

function withLink(api: FakeApi, change: Partial<FakeApi['links'][string]> = {}) {
  api.links[TOKEN] = {
    secretId: 'acme-1',
    secret: 'wacs_revealedSecretValue_abc123',
    oauthClientId: 'wallet-demo-acme-backend',
    walletName: 'Demo wallet',
    tokenEndpoint: 'http://localhost:8080/oauth2/token',
    expiresAt: new Date(Date.now() + LINK_LIFETIME_MS).toISOString(),
    openedAt: null,
    ...change,
  };
}

const calls = (api: FakeApi, path: string) => api.requests.filter((r) => r.path === path);

describe('the one-time link page', () => {
  it('says what the link is for and drops the token from the address, opening nothing by itself', async () => {
    const api = installFakeApi();
    withLink(api);
    const { router } = renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    expect(await screen.findByText('wallet-demo-acme-backend')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'One-time secret link' })).toBeInTheDocument();
    expect(screen.getByText('Demo wallet')).toBeInTheDocument();
    expect(screen.getByText(/It can be opened once, until/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show the secret' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(router.state.location.pathname).toBe('/handoff');
    expect(calls(api, '/api/handoff/lookup')).toMatchObject([{ method: 'POST', body: { token: TOKEN }, token: null }]);
    expect(calls(api, '/api/handoff/open')).toHaveLength(0);
    // No sign-in and no app chrome.
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Sign in to the wallet console' })).toBeNull();
  });

  it('shows the secret once on the button, with the client ID, the token endpoint and a curl example', async () => {
    const api = installFakeApi();
    withLink(api);
    const { user } = renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    await user.click(await screen.findByRole('button', { name: 'Show the secret' }));
    const heading = await screen.findByRole('heading', { name: 'The secret of wallet-demo-acme-backend' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId('client-secret')).toHaveTextContent('wacs_revealedSecretValue_abc123');
    expect(screen.getByTestId('oauth-client-id')).toHaveTextContent('wallet-demo-acme-backend');
    expect(screen.getByTestId('token-endpoint')).toHaveTextContent('http://localhost:8080/oauth2/token');
    expect(screen.getByTestId('curl-command')).toHaveTextContent(
      "--user 'wallet-demo-acme-backend:wacs_revealedSecretValue_abc123'",
    );
    expect(screen.getByText('Store it in your secret manager now')).toBeInTheDocument();
    expect(screen.getByText(/This page will not show it again/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy client secret' })).toBeInTheDocument();
    expect(calls(api, '/api/handoff/open')).toMatchObject([{ body: { token: TOKEN }, token: null }]);
  });

  it('sends no bearer token even when an admin is signed in in this tab', async () => {
    const api = installFakeApi();
    withLink(api);
    start({ token: 'session-token', expiresAt: '2099-01-01T00:00:00Z', username: 'admin', wallet: 'demo' });
    renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    expect(await screen.findByRole('button', { name: 'Show the secret' })).toBeInTheDocument();
    expect(calls(api, '/api/handoff/lookup')[0]?.token).toBeNull();
  });

  it('says when a used link was used', async () => {
    const api = installFakeApi();
    withLink(api, { openedAt: '2026-12-01T09:30:00Z' });
    renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'This link was already used' })).toBeInTheDocument();
    expect(screen.getByText(/This link was already used/, { selector: 'p' })).toHaveTextContent(
      'This link was already used on 1 Dec 2026, 09:30 UTC',
    );
    expect(screen.queryByRole('button', { name: 'Show the secret' })).toBeNull();
  });

  it('says when a link expired', async () => {
    const api = installFakeApi();
    withLink(api, { expiresAt: '2026-01-05T12:00:00Z' });
    renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
    expect(screen.getByText(/expired on/)).toHaveTextContent('5 Jan 2026, 12:00 UTC');
  });

  it('says when a link is unknown or revoked', async () => {
    installFakeApi();
    renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'This link is not valid' })).toBeInTheDocument();
  });

  it('says when the address holds no link', async () => {
    const api = installFakeApi();
    renderApp('/handoff', { signedIn: false });
    expect(await screen.findByRole('heading', { name: 'No link in this address' })).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('a link used up between look-up and opening shows as used', async () => {
    const api = installFakeApi();
    withLink(api);
    const { user } = renderApp(`/handoff#${TOKEN}`, { signedIn: false });
    const button = await screen.findByRole('button', { name: 'Show the secret' });
    api.links[TOKEN]!.openedAt = '2026-12-01T09:30:00Z';
    await user.click(button);
    expect(await screen.findByRole('heading', { name: 'This link was already used' })).toBeInTheDocument();
    expect(screen.queryByTestId('client-secret')).toBeNull();
  });
});
