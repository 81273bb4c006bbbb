import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { client, installFakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const SCREEN = '/settings/iam/api-access';

describe('the API Access screen', () => {
  it('lists clients with their roles, expiry and notes; expired rows are flagged', async () => {
    installFakeApi({
      clients: [
        client({
          clientId: 'acme-backend',
          roles: ['accounts:change', 'accounts:read', 'payments:read'],
          notes: 'Acme Ltd',
        }),
        client({ clientId: 'old-client', expiryDate: '2020-01-01', expired: true }),
      ],
    });
    renderApp(SCREEN);
    const acme = await screen.findByRole('row', { name: /acme-backend/ });
    expect(acme).toHaveTextContent('Accounts: Change');
    expect(acme).toHaveTextContent('Payments: View');
    expect(acme).toHaveTextContent('Acme Ltd');
    expect(within(acme).queryByRole('img', { name: 'Expired' })).toBeNull();
    const old = screen.getByRole('row', { name: /old-client/ });
    expect(within(old).getByRole('img', { name: 'Expired' })).toBeInTheDocument();
    expect(old).toHaveAttribute('data-expired', 'true');
    for (const column of ['Client ID', 'Roles', 'Expiry date', 'Notes']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(column) })).toBeInTheDocument();
    }
  });

  it('invites the admin to add a client when there is none', async () => {
    installFakeApi();
    renderApp(SCREEN);
    expect(await screen.findByText('No API clients yet')).toBeInTheDocument();
    expect(screen.getByText(/Click Add API client/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add API client' })).toBeInTheDocument();
  });

  it('shows the token endpoint and the client ID prefix with copy buttons', async () => {
    installFakeApi();
    renderApp(SCREEN);
    expect(await screen.findByText('http://localhost:8080/oauth2/token')).toBeInTheDocument();
    expect(screen.getByText('wallet-demo-')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy token endpoint' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy client ID prefix' })).toBeInTheDocument();
  });

  it('offers Add, Edit and Delete only with api-access:change', async () => {
    installFakeApi({ roles: ['api-access:read'], clients: [client({ clientId: 'acme-backend' })] });
    renderApp(SCREEN);
    expect(await screen.findByRole('row', { name: /acme-backend/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add API client' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit acme-backend' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete acme-backend' })).toBeNull();
  });

  it('with api-access:change each row has Edit and Delete buttons named after the client', async () => {
    installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    renderApp(SCREEN);
    expect(await screen.findByRole('button', { name: 'Edit acme-backend' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete acme-backend' })).toBeInTheDocument();
  });

  it('says so instead of failing without api-access:read', async () => {
    const api = installFakeApi({ roles: ['users:read'] });
    renderApp(SCREEN);
    expect(await screen.findByText('You cannot view API clients')).toBeInTheDocument();
    expect(api.requests.some((r) => r.path === '/api/clients')).toBe(false);
  });

  it('a lost connection offers a retry', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    api.failNext('GET', '/api/clients');
    const { user } = renderApp(SCREEN);
    expect(await screen.findByText('Connection lost')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /acme-backend/ })).toBeInTheDocument();
  });

  it('adds a client, shows its secret once, and forgets it when the dialog closes', async () => {
    const api = installFakeApi();
    const { user, queryClient } = renderApp(SCREEN);
    await user.click(await screen.findByRole('button', { name: 'Add API client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(await within(dialog).findByRole('textbox', { name: 'Client ID' }), 'acme-backend');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Change Accounts' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const secretDialog = await screen.findByRole('dialog', { name: 'Client secret' });
    const secret = api.lastSecret!;
    expect(within(secretDialog).getByText(secret)).toBeInTheDocument();
    expect(within(secretDialog).getByText('wallet-demo-acme-backend')).toBeInTheDocument();
    expect(within(secretDialog).getByText(/cannot be retrieved later/)).toBeInTheDocument();
    expect(within(secretDialog).getByTestId('curl-command')).toHaveTextContent('http://localhost:8080/oauth2/token');
    expect(within(secretDialog).getByTestId('curl-command')).toHaveTextContent(`client_secret=${secret}`);
    expect(within(secretDialog).getByRole('button', { name: 'Copy client secret' })).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      clientId: 'acme-backend',
      roles: ['accounts:change', 'accounts:read'],
    });

    await user.click(within(secretDialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Client secret' })).toBeNull());
    expect(await screen.findByRole('row', { name: /acme-backend/ })).toBeInTheDocument();

    expect(document.body.innerHTML).not.toContain(secret);
    const caches =
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ) +
      JSON.stringify(
        queryClient
          .getMutationCache()
          .getAll()
          .map((m) => m.state),
      );
    expect(caches).not.toContain(secret);
    expect(JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })).not.toContain(secret);
  });

  it('edits roles and notes with the client ID and expiry date read-only', async () => {
    const api = installFakeApi({
      clients: [client({ clientId: 'acme-backend', roles: ['accounts:read'], notes: 'old' })],
    });
    const { user } = renderApp(SCREEN);
    await user.click(await screen.findByRole('button', { name: 'Edit acme-backend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit acme-backend' });
    expect(await within(dialog).findByRole('textbox', { name: 'Client ID' })).toHaveAttribute('readonly');
    expect(within(dialog).getByRole('textbox', { name: 'Expiry date' })).toHaveAttribute('readonly');
    await user.click(within(dialog).getByRole('checkbox', { name: 'View Payments' }));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Notes' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'new notes');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit acme-backend' })).toBeNull());
    expect(api.requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/clients/acme-backend',
      body: { roles: ['accounts:read', 'payments:read'], notes: 'new notes' },
    });
    expect(await screen.findByRole('row', { name: /new notes/ })).toBeInTheDocument();
  });

  it('turns Require DPoP on in the Edit dialog and shows it on the client’s row', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend', notes: 'n' })] });
    const { user } = renderApp(SCREEN);
    const row = await screen.findByRole('row', { name: /acme-backend/ });
    expect(within(row).queryByText('DPoP')).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Edit acme-backend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit acme-backend' });
    const dpop = await within(dialog).findByRole('switch', { name: 'Require DPoP' });
    expect(dpop).not.toBeChecked();
    await user.click(dpop);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit acme-backend' })).toBeNull());
    expect(api.requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/clients/acme-backend',
      body: { roles: ['accounts:read'], notes: 'n', requireDpop: true },
    });
    expect(await within(await screen.findByRole('row', { name: /acme-backend/ })).findByText('DPoP')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit acme-backend' }));
    const again = await screen.findByRole('dialog', { name: 'Edit acme-backend' });
    expect(await within(again).findByRole('switch', { name: 'Require DPoP' })).toBeChecked();
    expect(within(again).getByText('DPoP')).toBeInTheDocument();
  });

  it('deletes a client after the admin says Yes', async () => {
    installFakeApi({ clients: [client({ clientId: 'acme-backend' }), client({ clientId: 'other' })] });
    const { user } = renderApp(SCREEN);
    await user.click(await screen.findByRole('button', { name: 'Delete acme-backend' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete acme-backend?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /acme-backend/ })).toBeNull());
    expect(screen.getByRole('row', { name: /other/ })).toBeInTheDocument();
  });

  it('shows each client’s status and when it was last used', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    installFakeApi({
      clients: [
        client({ clientId: 'active-one', lastUsedAt: new Date(Date.now() - 3 * 3_600_000).toISOString() }),
        client({ clientId: 'soon', status: 'expiring', expiryDate: inDays(12) }),
        client({ clientId: 'last-day', status: 'expiring', expiryDate: today }),
        client({ clientId: 'gone', status: 'expired', expired: true, expiryDate: '2020-01-01' }),
        client({ clientId: 'paused', status: 'disabled', enabled: false }),
      ],
    });
    renderApp(SCREEN);
    const active = await screen.findByRole('row', { name: /active-one/ });
    expect(active).toHaveTextContent('Active');
    expect(active).toHaveTextContent('3 hours ago');
    expect(screen.getByRole('row', { name: /soon/ })).toHaveTextContent('Expires in 12 days');
    expect(screen.getByRole('row', { name: /soon/ })).toHaveTextContent('Never');
    expect(screen.getByRole('row', { name: /last-day/ })).toHaveTextContent('Expires today');
    const gone = screen.getByRole('row', { name: /gone/ });
    expect(gone).toHaveTextContent('Expired');
    expect(within(gone).getByRole('img', { name: 'Expired' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /paused/ })).toHaveTextContent('Disabled');
    for (const column of ['Status', 'Last used']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(column) })).toHaveAttribute('aria-sort', 'none');
    }
  });

  it('filters by status and by disuse, and sorts by status and last use, all in the URL', async () => {
    installFakeApi({
      clients: [
        client({ clientId: 'used-today', lastUsedAt: new Date().toISOString() }),
        client({ clientId: 'never-used' }),
        client({ clientId: 'paused', status: 'disabled', enabled: false }),
      ],
    });
    const { user, router } = renderApp(SCREEN);
    await screen.findByRole('row', { name: /used-today/ });
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    await user.click(within(statuses).getByRole('checkbox', { name: 'Disabled' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=disabled'));
    await waitFor(() => expect(screen.queryByRole('row', { name: /used-today/ })).toBeNull());
    expect(screen.getByRole('row', { name: /paused/ })).toBeInTheDocument();
    await user.click(within(statuses).getByRole('checkbox', { name: 'Active' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=active%2Cdisabled'));

    await user.click(screen.getByRole('switch', { name: 'Unused for 90 days' }));
    await waitFor(() => expect(router.state.location.search).toContain('unusedDays=90'));
    await waitFor(() => expect(screen.queryByRole('row', { name: /used-today/ })).toBeNull());
    expect(screen.getByRole('row', { name: /never-used/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=status'));
    await user.click(screen.getByRole('button', { name: /^Last used/ }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=lastUsedAt'));
    expect(screen.getByRole('columnheader', { name: /Last used/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('reads the filters from the URL, and offers to clear them when nothing matches', async () => {
    installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    const { user, router } = renderApp(`${SCREEN}?status=expired&unusedDays=90`);
    expect(await screen.findByText('No API clients match these filters.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Expired' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'Unused for 90 days' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('row', { name: /acme-backend/ })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('the token panel has an example request with the wallet’s prefix, as Basic or in the form', async () => {
    installFakeApi();
    const { user } = renderApp(SCREEN);
    const example = await screen.findByTestId('example-request');
    expect(example).toHaveTextContent("--user 'wallet-demo-<client-id>:<client-secret>'");
    expect(example).toHaveTextContent("curl -X POST 'http://localhost:8080/oauth2/token'");
    expect(screen.getByRole('button', { name: 'Copy example request' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'client_secret_post' }));
    expect(screen.getByTestId('example-request')).toHaveTextContent("client_id=wallet-demo-<client-id>'");
    expect(screen.getByTestId('example-request')).toHaveTextContent("client_secret=<client-secret>'");
  });
});
