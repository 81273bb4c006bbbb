import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '@/testing/fake-api';
import { PermissionsGrid } from './permissions-grid';

function Harness({
  initial = [] as string[],
  grantable,
}: {
  initial?: string[];
  grantable?: (role: string) => boolean;
}) {
  const [roles, setRoles] = useState(initial);
  return (
    <MantineProvider>
      <PermissionsGrid resources={RESOURCES} value={roles} onChange={setRoles} grantable={grantable} />
      <output aria-label="roles">{roles.join(' ')}</output>
    </MantineProvider>
  );
}

describe('PermissionsGrid', () => {
  it('has a Change and a View checkbox named after each resource', () => {
    render(<Harness />);
    for (const resource of RESOURCES) {
      expect(screen.getByRole('checkbox', { name: `Change ${resource.name}` })).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: `View ${resource.name}` })).toBeInTheDocument();
    }
  });

  it('ticking Change ticks View and holds it', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: 'Change Accounts' }));
    const view = screen.getByRole('checkbox', { name: 'View Accounts' });
    expect(view).toBeChecked();
    expect(view).toBeDisabled();
    expect(screen.getByRole('status', { name: 'roles' })).toHaveTextContent('accounts:change accounts:read');
  });

  it('unticking Change releases View, still ticked', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness initial={['accounts:change', 'accounts:read']} />);
    await user.click(screen.getByRole('checkbox', { name: 'Change Accounts' }));
    const view = screen.getByRole('checkbox', { name: 'View Accounts' });
    expect(view).toBeChecked();
    expect(view).toBeEnabled();
    await user.click(view);
    expect(view).not.toBeChecked();
  });

  it('View can be ticked alone', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: 'View Payments' }));
    expect(screen.getByRole('checkbox', { name: 'View Payments' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Change Payments' })).not.toBeChecked();
    expect(screen.getByRole('status', { name: 'roles' })).toHaveTextContent('payments:read');
  });

  it('works from the keyboard', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    screen.getByRole('checkbox', { name: 'Change Users' }).focus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'View Users' })).toBeChecked();
  });

  it('roles the admin does not hold cannot be ticked', () => {
    render(<Harness grantable={(role) => role.endsWith(':read')} />);
    expect(screen.getByRole('checkbox', { name: 'Change Accounts' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'View Accounts' })).toBeEnabled();
  });
});
