import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALL_ROLES, installFakeApi } from '@/testing/fake-api';

const OPS_ROLES = ['accounts:read', 'users:change', 'users:read'];
import { renderApp } from '@/testing/render';

describe('the Users screen', () => {
  it('adds a read-only colleague with a password and roles from the grid', async () => {
    const api = installFakeApi();
    const { user } = renderApp('/settings/iam/users');
    await user.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add user' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Username' }), 'reader');
    await user.type(within(dialog).getByLabelText(/^Password/, { selector: 'input' }), 'short');
    await user.click(within(dialog).getByRole('checkbox', { name: 'View API Access' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Use at least 12 characters')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/^Password/, { selector: 'input' }), '-and-longer');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add user' })).toBeNull());
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({
      username: 'reader',
      password: 'short-and-longer',
      roles: ['api-access:read'],
    });
    expect(await screen.findByRole('row', { name: /reader/ })).toHaveTextContent('API Access: View');
  });

  it('offers only the roles the signed-in admin holds', async () => {
    installFakeApi({ roles: ['users:change', 'users:read', 'accounts:read'] });
    const { user } = renderApp('/settings/iam/users');
    await user.click(await screen.findByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add user' });
    expect(within(dialog).queryByRole('checkbox', { name: 'View Payments' })).toBeNull();
    expect(within(dialog).queryByRole('checkbox', { name: 'View API Access' })).toBeNull();
    expect(within(dialog).getByRole('checkbox', { name: 'View Accounts' })).toBeEnabled();
    expect(within(dialog).getByRole('checkbox', { name: 'Change Accounts' })).toBeDisabled();
    expect(within(dialog).getByRole('checkbox', { name: 'Change Users' })).toBeEnabled();
  });

  it('disables Delete on your own row and says why', async () => {
    installFakeApi();
    const { user } = renderApp('/settings/iam/users');
    expect(await screen.findByRole('button', { name: 'Edit admin' })).toBeEnabled();
    const remove = screen.getByRole('button', { name: 'Delete admin' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription('You cannot delete yourself');
    await user.hover(remove.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('You cannot delete yourself');
  });

  it('disables Edit and Delete on a user who holds roles you do not hold, naming them', async () => {
    installFakeApi({
      username: 'ops',
      roles: OPS_ROLES,
      users: [
        { username: 'admin', roles: ALL_ROLES, createdAt: '2026-01-01T00:00:00Z' },
        { username: 'ops', roles: OPS_ROLES, createdAt: '2026-01-02T00:00:00Z' },
        { username: 'reader', roles: ['accounts:read'], createdAt: '2026-01-03T00:00:00Z' },
      ],
    });
    const { user } = renderApp('/settings/iam/users');
    const reason =
      'You cannot change a user who holds roles you do not hold: accounts:change, api-access:change, api-access:read, payments:change, payments:read';

    const edit = await screen.findByRole('button', { name: 'Edit admin' });
    const remove = screen.getByRole('button', { name: 'Delete admin' });
    expect(edit).toBeDisabled();
    expect(remove).toBeDisabled();
    expect(edit).toHaveAccessibleDescription(reason);
    await user.hover(edit.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    await user.unhover(edit.parentElement!);
    await user.hover(remove.parentElement!);
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(reason));

    // A user whose roles are all yours stays open to you.
    expect(screen.getByRole('button', { name: 'Edit reader' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete reader' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Edit ops' })).toBeEnabled();
  });

  it('disables Delete on the only user holding both users:change and api-access:change', async () => {
    // An API client's token with every role: the only administrator among the users cannot go.
    installFakeApi({
      username: 'wallet-demo-provisioner',
      users: [
        { username: 'admin', roles: ALL_ROLES, createdAt: '2026-01-01T00:00:00Z' },
        { username: 'reader', roles: ['accounts:read'], createdAt: '2026-01-03T00:00:00Z' },
      ],
    });
    const { user } = renderApp('/settings/iam/users');
    const remove = await screen.findByRole('button', { name: 'Delete admin' });
    expect(remove).toBeDisabled();
    await user.hover(remove.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Deleting this user would leave the wallet without a user who holds both users:change and api-access:change',
    );
    expect(screen.getByRole('button', { name: 'Edit admin' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Delete reader' })).toBeEnabled();
  });

  it('says in the delete dialog why the server refused (403), and then disables what it refused', async () => {
    const api = installFakeApi({
      username: 'ops',
      roles: OPS_ROLES,
      users: [
        { username: 'ops', roles: OPS_ROLES, createdAt: '2026-01-02T00:00:00Z' },
        { username: 'reader', roles: ['accounts:read'], createdAt: '2026-01-03T00:00:00Z' },
      ],
    });
    const { user } = renderApp('/settings/iam/users');
    await user.click(await screen.findByRole('button', { name: 'Delete reader' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete reader?' });
    // Meanwhile another admin gave reader a role ops does not hold.
    api.users.find((u) => u.username === 'reader')!.roles = ['accounts:read', 'payments:read'];

    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot change a user who holds roles you do not hold: payments:read',
    );
    expect(screen.getByRole('dialog', { name: 'Delete reader?' })).toBe(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // The refusal refreshed the list: reader now holds payments:read, so Delete is disabled.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete reader' })).toBeDisabled());
    expect(screen.getByRole('row', { name: /reader/ })).toHaveTextContent('Payments: View');
  });

  it('says above Save why the server refused an edit that would lock the wallet out (409)', async () => {
    const api = installFakeApi();
    const { user } = renderApp('/settings/iam/users');
    await user.click(await screen.findByRole('button', { name: 'Edit admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit admin' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Change Users' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Not saved');
    expect(alert).toHaveTextContent(
      'This would leave the wallet without a user who holds both users:change and api-access:change',
    );
    // Beside the action: the alert comes right before Cancel and Save.
    expect(
      alert.compareDocumentPosition(within(dialog).getByRole('button', { name: 'Save' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(dialog).getByRole('checkbox', { name: 'Change Users' })).not.toBeChecked();
    expect(within(dialog).queryByText('A user with this username already exists in this wallet.')).toBeNull();
    expect(api.users[0]!.roles).toContain('users:change');
  });

  it('says in the delete dialog when the server refuses a lock-out (409)', async () => {
    const api = installFakeApi({
      username: 'wallet-demo-provisioner',
      users: [
        { username: 'admin', roles: ALL_ROLES, createdAt: '2026-01-01T00:00:00Z' },
        { username: 'second', roles: ALL_ROLES, createdAt: '2026-01-02T00:00:00Z' },
      ],
    });
    const { user } = renderApp('/settings/iam/users');
    await user.click(await screen.findByRole('button', { name: 'Delete second' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete second?' });
    // Meanwhile admin was deleted elsewhere: second is now the last administrator.
    api.users = api.users.filter((u) => u.username !== 'admin');

    await user.click(within(dialog).getByRole('button', { name: 'Yes' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This would leave the wallet without a user who holds both users:change and api-access:change',
    );
    expect(api.users.map((u) => u.username)).toEqual(['second']);
  });

  it('says so without users:read', async () => {
    installFakeApi({ roles: ['api-access:read'] });
    renderApp('/settings/iam/users');
    expect(await screen.findByText('You cannot view users')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });
});
