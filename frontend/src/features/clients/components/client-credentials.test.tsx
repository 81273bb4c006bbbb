import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/dates';
import { client, installFakeApi, secret } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const SCREEN = '/settings/iam/api-access';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function openEdit(clientId = 'acme-backend') {
  const rendered = renderApp(SCREEN);
  await rendered.user.click(await screen.findByRole('button', { name: `Edit ${clientId}` }));
  const dialog = await screen.findByRole('dialog', { name: `Edit ${clientId}` });
  const secrets = () => within(within(dialog).getByRole('table', { name: `Secrets of ${clientId}` }));
  return { ...rendered, dialog, secrets };
}

describe('the credentials of the Edit dialog', () => {
  it('lists the secrets with their hint, use and retirement, and asks the server for the client again', async () => {
    const api = installFakeApi({
      clients: [
        client({
          clientId: 'acme-backend',
          lastUsedAt: hoursAgo(3),
          secrets: [
            secret({ secretId: 'old', hint: 'wacs_…x9Qk', lastUsedAt: hoursAgo(3), retiresAt: '2099-01-08T10:00:00Z' }),
            secret({ secretId: 'new', hint: null, linkExpiresAt: '2099-01-04T10:00:00Z' }),
          ],
        }),
      ],
    });
    const { dialog, secrets } = await openEdit();
    const old = secrets().getByRole('row', { name: /wacs_…x9Qk/ });
    expect(old).toHaveTextContent('3 hours ago');
    expect(old).toHaveTextContent('Retires by 8 Jan 2099, 10:00 UTC');
    const waiting = secrets().getByRole('row', { name: /Link not opened yet/ });
    expect(waiting).toHaveTextContent('Waiting for its link until 4 Jan 2099, 10:00 UTC');
    expect(within(waiting).getByRole('button', { name: 'Revoke link: Link not opened yet' })).toBeInTheDocument();
    // The old secret is the only working one: it cannot go while the link waits.
    expect(within(old).queryByRole('button', { name: /Retire now/ })).toBeNull();
    expect(within(dialog).getByText(/Last token/)).toHaveTextContent('Last token: 3 hours ago');
    expect(within(dialog).getByRole('button', { name: 'Rotate secret' })).toBeDisabled();
    await waitFor(() =>
      expect(api.requests.some((r) => r.method === 'GET' && r.path === '/api/clients/acme-backend')).toBe(true),
    );
  });

  it('rotates with the secret shown now: the old one stays valid until drained or the date shown', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    const { user, dialog, secrets, queryClient } = await openEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    const rotate = await screen.findByRole('dialog', { name: 'Rotate the secret of acme-backend' });
    expect(within(rotate).getByRole('radio', { name: 'Show the secret now' })).toBeChecked();
    await user.click(within(rotate).getByRole('button', { name: 'Rotate secret' }));

    const shown = await screen.findByRole('dialog', { name: 'New client secret' });
    expect(within(shown).getByTestId('client-secret')).toHaveTextContent(api.lastSecret!);
    const retiresAt = api.clients[0]!.secrets[0]!.retiresAt!;
    expect(within(shown).getByTestId('old-secret-note')).toHaveTextContent(/stays valid until it is drained/);
    expect(within(shown).getByTestId('old-secret-note')).toHaveTextContent(formatDateTime(retiresAt));
    expect(api.requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/clients/acme-backend/secrets',
      body: { delivery: 'secret' },
    });

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New client secret' })).toBeNull());
    // Back in the Edit dialog, which now lists both secrets.
    expect(screen.getByRole('dialog', { name: 'Edit acme-backend' })).toBe(dialog);
    await waitFor(() => expect(secrets().getAllByRole('row')).toHaveLength(3));
    expect(within(dialog).getByRole('button', { name: 'Rotate secret' })).toBeDisabled();
    const secretText = api.lastSecret!;
    expect(document.body.innerHTML).not.toContain(secretText);
    const caches = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(caches).not.toContain(secretText);
  });

  it('rotates with a one-time link: the admin sees the link and never the secret', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    const { user, dialog } = await openEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    const rotate = await screen.findByRole('dialog', { name: 'Rotate the secret of acme-backend' });
    await user.click(within(rotate).getByRole('radio', { name: 'Create a one-time link for the integrator' }));
    await user.click(within(rotate).getByRole('button', { name: 'Rotate secret' }));

    const shown = await screen.findByRole('dialog', { name: 'One-time link to the new secret' });
    expect(within(shown).getByTestId('secret-link')).toHaveTextContent(`/handoff#${api.lastLinkToken}`);
    expect(within(shown).getByText('You will never see this secret')).toBeInTheDocument();
    expect(within(shown).getByTestId('link-expires-at')).toHaveTextContent(
      /Valid until \d+ \w+ \d{4}, \d{2}:\d{2} UTC/,
    );
    expect(within(shown).queryByTestId('client-secret')).toBeNull();
    expect(within(shown).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ delivery: 'link' });
  });

  it('says why a rotation was refused', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    api.answerNext('POST', '/api/clients/acme-backend/secrets', 409, {
      status: 409,
      detail: 'This client has two secrets already',
    });
    const { user, dialog } = await openEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    const rotate = await screen.findByRole('dialog', { name: 'Rotate the secret of acme-backend' });
    await user.click(within(rotate).getByRole('button', { name: 'Rotate secret' }));
    expect(await within(rotate).findByRole('alert')).toHaveTextContent('This client has two secrets already');
  });

  it('retires a secret now after the admin confirms', async () => {
    const api = installFakeApi({
      clients: [
        client({
          clientId: 'acme-backend',
          secrets: [
            secret({ secretId: 'old', hint: 'wacs_…x9Qk', retiresAt: '2099-01-08T10:00:00Z' }),
            secret({ secretId: 'new', hint: 'wacs_…Zz12' }),
          ],
        }),
      ],
    });
    const { user, secrets } = await openEdit();
    await user.click(secrets().getByRole('button', { name: 'Retire now: wacs_…x9Qk' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retire wacs_…x9Qk now?' });
    expect(confirm).toHaveTextContent('refused at once');
    await user.click(within(confirm).getByRole('button', { name: 'Retire now' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Retire wacs_…x9Qk now?' })).toBeNull());
    expect(api.requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/clients/acme-backend/secrets/old');
    await waitFor(() => expect(secrets().queryByRole('row', { name: /wacs_…x9Qk/ })).toBeNull());
    expect(secrets().getByRole('row', { name: /wacs_…Zz12/ })).toBeInTheDocument();
  });

  it('shows a refused retirement in the confirmation', async () => {
    const api = installFakeApi({
      clients: [
        client({
          clientId: 'acme-backend',
          secrets: [secret({ secretId: 'old', hint: 'wacs_…x9Qk' }), secret({ secretId: 'new', hint: 'wacs_…Zz12' })],
        }),
      ],
    });
    api.answerNext('DELETE', '/api/clients/acme-backend/secrets/', 409, {
      status: 409,
      detail: "It is the client's only working secret",
    });
    const { user, secrets } = await openEdit();
    await user.click(secrets().getByRole('button', { name: 'Retire now: wacs_…x9Qk' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retire wacs_…x9Qk now?' });
    await user.click(within(confirm).getByRole('button', { name: 'Retire now' }));
    expect(await within(confirm).findByRole('alert')).toHaveTextContent("It is the client's only working secret");
  });

  it('disables and enables the client, each after a confirmation, keeping its roles and notes', async () => {
    const api = installFakeApi({
      clients: [client({ clientId: 'acme-backend', roles: ['accounts:read'], notes: 'Acme Ltd' })],
    });
    const { user, dialog } = await openEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Disable client' }));
    const disable = await screen.findByRole('dialog', { name: 'Disable acme-backend?' });
    expect(disable).toHaveTextContent('enabling it again needs no new secret');
    await user.click(within(disable).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Disable acme-backend?' })).toBeNull());
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Disable client' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Disable acme-backend?' })).getByRole('button', {
        name: 'Disable',
      }),
    );
    expect(await within(dialog).findByRole('button', { name: 'Enable client' })).toBeInTheDocument();
    expect(within(dialog).getByText(/This client is disabled/)).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/clients/acme-backend',
      body: { enabled: false, roles: ['accounts:read'], notes: 'Acme Ltd' },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Enable client' }));
    const enable = await screen.findByRole('dialog', { name: 'Enable acme-backend?' });
    await user.click(within(enable).getByRole('button', { name: 'Enable' }));
    expect(await within(dialog).findByRole('button', { name: 'Disable client' })).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'PUT').at(-1)?.body).toMatchObject({ enabled: true });
    expect(await screen.findByRole('row', { name: /acme-backend/ })).toHaveTextContent('Active');
  });

  it('Escape in a confirmation closes only the confirmation', async () => {
    installFakeApi({ clients: [client({ clientId: 'acme-backend' })] });
    const { user, dialog } = await openEdit();
    await user.click(within(dialog).getByRole('button', { name: 'Disable client' }));
    await screen.findByRole('dialog', { name: 'Disable acme-backend?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Disable acme-backend?' })).toBeNull());
    expect(screen.getByRole('dialog', { name: 'Edit acme-backend' })).toBe(dialog);
  });
});

describe('adding a client with a one-time link', () => {
  it('shows the link and when it expires, never the secret', async () => {
    const api = installFakeApi();
    const { user } = renderApp(SCREEN);
    await user.click(await screen.findByRole('button', { name: 'Add API client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(await within(dialog).findByRole('textbox', { name: 'Client ID' }), 'acme-backend');
    await user.click(within(dialog).getByRole('radio', { name: 'Create a one-time link for the integrator' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const shown = await screen.findByRole('dialog', { name: 'One-time secret link' });
    expect(within(shown).getByTestId('secret-link')).toHaveTextContent(
      `http://localhost:8080/handoff#${api.lastLinkToken}`,
    );
    expect(within(shown).getByTestId('oauth-client-id')).toHaveTextContent('wallet-demo-acme-backend');
    expect(within(shown).getByText(/The secret is made when the link is opened/)).toBeInTheDocument();
    expect(within(shown).queryByTestId('client-secret')).toBeNull();
    expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ delivery: 'link' });
  });
});
