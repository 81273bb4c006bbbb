import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi } from '@/testing/fake-api';
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

  it('does not offer to delete yourself', async () => {
    installFakeApi();
    renderApp('/settings/iam/users');
    expect(await screen.findByRole('button', { name: 'Edit admin' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete admin' })).toBeNull();
  });

  it('says so without users:read', async () => {
    installFakeApi({ roles: ['api-access:read'] });
    renderApp('/settings/iam/users');
    expect(await screen.findByText('You cannot view users')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
  });
});
