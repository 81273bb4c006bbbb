import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFakeApi, RESOURCES } from '@/testing/fake-api';
import { renderWithProviders } from '@/testing/render';
import { ClientFormDialog } from './client-form-dialog';

function renderAdd(onCreated = vi.fn(), onClose = vi.fn()) {
  const rendered = renderWithProviders(
    <ClientFormDialog opened onClose={onClose} resources={RESOURCES} grantable={() => true} onCreated={onCreated} />,
  );
  const dialog = () => screen.getByRole('dialog', { name: 'Add API client' });
  const field = (name: string) =>
    within(dialog()).getByLabelText<HTMLInputElement>(new RegExp(`^${name}`), { selector: 'input, textarea' });
  return { ...rendered, dialog, field, onCreated, onClose };
}

describe('the Add API client form', () => {
  it('defaults the expiry date to one year from today (UTC)', async () => {
    // Only the clock's date is fixed (timers stay real), so the test does not depend on running before midnight.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-15T23:59:59.900Z') });
    try {
      installFakeApi();
      const { field } = renderAdd();
      await screen.findByRole('dialog', { name: 'Add API client' });
      expect(field('Expiry date')).toHaveValue('2027-03-15');
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['', 'Enter a client ID'],
    ['ab', 'Use at least 3 characters'],
    ['Acme', 'Use lower-case letters only'],
    ['acme backend', "Use only letters, digits, '.', '_' and '-' (no spaces)"],
    ['-acme', 'Start and end with a letter or digit'],
  ])('explains why the client ID %j is refused, beside the field', async (value, message) => {
    const api = installFakeApi();
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    if (value) await user.type(field('Client ID'), value);
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText(message)).toBeInTheDocument();
    expect(field('Client ID')).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('refuses a past expiry date', async () => {
    installFakeApi();
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-backend');
    fireEvent.change(field('Expiry date'), { target: { value: '2001-01-01' } });
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText('The expiry date cannot be in the past')).toBeInTheDocument();
    expect(field('Expiry date')).toHaveAccessibleDescription(expect.stringContaining('cannot be in the past'));
  });

  it('shows the server’s field errors beside the fields they name', async () => {
    const api = installFakeApi();
    api.answerNext('POST', '/api/clients', 400, {
      title: 'Invalid request',
      status: 400,
      detail: 'The request has 2 invalid fields',
      errors: [
        { field: 'notes', message: 'must not contain control characters' },
        { field: 'roles[0]', message: "'x:read' is not a known role" },
      ],
    });
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-backend');
    await user.type(field('Notes'), 'hello');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText('Must not contain control characters')).toBeInTheDocument();
    expect(field('Notes')).toHaveAccessibleDescription(expect.stringContaining('Must not contain control characters'));
    expect(within(dialog()).getByText("'x:read' is not a known role")).toBeInTheDocument();
  });

  it('creates a client with a public key instead of a secret', async () => {
    const api = installFakeApi();
    api.answerNext('POST', '/api/clients', 400, {
      title: 'Invalid request',
      status: 400,
      detail: 'pem holds a private key; send the public key only',
      errors: [{ field: 'pem', message: 'pem holds a private key; send the public key only' }],
    });
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-keyed');
    await user.click(within(dialog()).getByRole('radio', { name: 'A public key (private_key_jwt)' }));
    expect(within(dialog()).queryByRole('radio', { name: 'Show the secret now' })).not.toBeInTheDocument();

    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText('Paste the integrator’s public key')).toBeInTheDocument();

    await user.type(field('Public key'), '-----BEGIN PRIVATE KEY-----');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText(/pem holds a private key/)).toBeInTheDocument();
    expect(field('Public key')).toHaveAccessibleDescription(expect.stringContaining('pem holds a private key'));
    const sent = api.requests.filter((r) => r.method === 'POST').at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ clientId: 'acme-keyed', credential: 'key', pem: '-----BEGIN PRIVATE KEY-----' });
    expect(sent).not.toHaveProperty('delivery');
    expect(sent).not.toHaveProperty('publicKey');
  });

  it('offers Require DPoP off by default and creates a client that requires it when switched on', async () => {
    const api = installFakeApi();
    const { user, field, dialog, onCreated } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    const dpop = within(dialog()).getByRole('switch', { name: 'Require DPoP' });
    expect(dpop).not.toBeChecked();
    expect(dpop).toHaveAccessibleDescription(expect.stringContaining('bound to the integrator’s key (RFC 9449)'));
    await user.type(field('Client ID'), 'acme-dpop');
    await user.click(dpop);
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(api.requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      clientId: 'acme-dpop',
      requireDpop: true,
    });
    expect(onCreated.mock.calls[0]![0]).toMatchObject({ clientId: 'acme-dpop', requireDpop: true });
  });

  it('says at the Client ID when the ID is taken', async () => {
    const api = installFakeApi();
    api.answerNext('POST', '/api/clients', 409, { title: 'Conflict', status: 409, detail: 'exists' });
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-backend');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText(/already exists in this wallet/)).toBeInTheDocument();
  });

  it('keeps everything typed when the connection fails, and saves on the next try', async () => {
    const api = installFakeApi();
    api.failNext('POST', '/api/clients');
    const { user, field, dialog, onCreated } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-backend');
    await user.type(field('Notes'), 'Acme Ltd');
    await user.click(within(dialog()).getByRole('checkbox', { name: 'Change Payments' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));

    expect(await within(dialog()).findByText(/could not be reached/)).toBeInTheDocument();
    expect(field('Client ID')).toHaveValue('acme-backend');
    expect(field('Notes')).toHaveValue('Acme Ltd');
    expect(within(dialog()).getByRole('checkbox', { name: 'Change Payments' })).toBeChecked();
    expect(onCreated).not.toHaveBeenCalled();

    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]![0]).toMatchObject({ clientId: 'acme-backend', clientSecret: api.lastSecret });
  });

  it('shows a refusal it cannot place on a field in the dialog, keeping the input', async () => {
    const api = installFakeApi();
    api.answerNext('POST', '/api/clients', 403, {
      title: 'Forbidden',
      status: 403,
      detail: 'You do not hold payments:change',
    });
    const { user, field, dialog } = renderAdd();
    await screen.findByRole('dialog', { name: 'Add API client' });
    await user.type(field('Client ID'), 'acme-backend');
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    expect(await within(dialog()).findByText('You do not hold payments:change')).toBeInTheDocument();
    expect(field('Client ID')).toHaveValue('acme-backend');
  });
});
