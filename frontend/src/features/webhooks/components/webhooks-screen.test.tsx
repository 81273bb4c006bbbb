import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ALL_ROLES, installFakeApi, webhook, WEBHOOK_ROLES } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const ROLES = [...ALL_ROLES, ...WEBHOOK_ROLES];
const URL_ = 'https://hooks.example.com/wallet';

describe('the Webhooks screen', () => {
  it('lists the endpoints with their events and status', async () => {
    installFakeApi({
      roles: ROLES,
      webhooks: [
        webhook({ id: 'a', url: URL_, events: ['client.created', 'client.expiring'] }),
        webhook({ id: 'b', url: 'https://other.example.com/h', enabled: false }),
      ],
    });
    renderApp('/settings/iam/webhooks');
    const row = await screen.findByRole('row', { name: new RegExp(URL_) });
    expect(row).toHaveTextContent('Client created');
    expect(row).toHaveTextContent('Client expiring soon');
    expect(row).toHaveTextContent('Enabled');
    expect(screen.getByRole('row', { name: /other\.example\.com/ })).toHaveTextContent('Disabled');
    expect(screen.getByRole('link', { name: 'Webhooks', current: 'page' })).toBeInTheDocument();
  });

  it('says what is missing before sending anything', async () => {
    const api = installFakeApi({ roles: ROLES });
    const { user } = renderApp('/settings/iam/webhooks');
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter the URL that receives the events')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one event')).toBeInTheDocument();
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('marks the URL the server refused on its field', async () => {
    const api = installFakeApi({ roles: ROLES });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook' });
    const url = within(dialog).getByRole('textbox', { name: /Endpoint URL/ });
    await user.type(url, 'http://10.0.0.5/hook');
    await user.click(within(dialog).getByRole('checkbox', { name: /Client created/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Must be an https URL of a public address')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(url).toHaveFocus());
    expect(screen.queryByRole('dialog', { name: 'Webhook signing secret' })).toBeNull();
    expect(api.webhooks).toHaveLength(0);
  });

  it('adds an endpoint and shows its signing secret once', async () => {
    const api = installFakeApi({ roles: ROLES });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook' });
    await user.type(within(dialog).getByRole('textbox', { name: /Endpoint URL/ }), URL_);
    await user.click(within(dialog).getByRole('checkbox', { name: /Client created/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Secret retired/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const secretDialog = await screen.findByRole('dialog', { name: 'Webhook signing secret' });
    expect(api.requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({
      url: URL_,
      events: ['client.created', 'secret.retired'],
    });
    expect(secretDialog).toHaveTextContent('you will not see it again');
    expect(within(secretDialog).getByTestId('webhook-secret')).toHaveTextContent(api.lastWebhookSecret!);
    expect(api.lastWebhookSecret).toMatch(/^whsec_/);
    expect(within(secretDialog).getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
    await user.click(within(secretDialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Webhook signing secret' })).toBeNull());
    expect(screen.queryByText(api.lastWebhookSecret!)).toBeNull();
    expect(await screen.findByRole('row', { name: new RegExp(URL_) })).toBeInTheDocument();
  });

  it('chooses all events at once', async () => {
    const api = installFakeApi({ roles: ROLES });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: 'Add webhook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add webhook' });
    await user.type(within(dialog).getByRole('textbox', { name: /Endpoint URL/ }), URL_);
    await user.click(within(dialog).getByRole('button', { name: 'Choose all' }));
    expect(within(dialog).getByRole('checkbox', { name: /Client expired/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByRole('dialog', { name: 'Webhook signing secret' });
    const { events } = api.requests.find((r) => r.method === 'POST')?.body as { events: string[] };
    expect(events).toContain('client.expired');
    // The webhooks' own events are in the audit log, not for subscribing.
    expect(events.filter((e) => e.startsWith('webhook.'))).toEqual([]);
    expect(within(dialog).queryByRole('checkbox', { name: /Webhook created/ })).toBeNull();
  });

  it('disables and enables an endpoint after asking, sending its URL and events along', async () => {
    const api = installFakeApi({
      roles: ROLES,
      webhooks: [webhook({ id: 'a', url: URL_, events: ['client.created'] })],
    });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: `Disable ${URL_}` }));
    const confirm = await screen.findByRole('dialog', { name: 'Disable this webhook?' });
    await user.click(within(confirm).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(screen.getByRole('row', { name: new RegExp(URL_) })).toHaveTextContent('Disabled'));
    expect(api.requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/webhooks/a',
      body: { url: URL_, events: ['client.created'], enabled: false },
    });
    expect(screen.getByRole('button', { name: `Send a test event to ${URL_}` })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: `Enable ${URL_}` }));
    const again = await screen.findByRole('dialog', { name: 'Enable this webhook?' });
    await user.click(within(again).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(screen.getByRole('row', { name: new RegExp(URL_) })).toHaveTextContent('Enabled'));
  });

  it('deletes an endpoint after asking', async () => {
    const api = installFakeApi({ roles: ROLES, webhooks: [webhook({ id: 'a', url: URL_ })] });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: `Delete ${URL_}` }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this webhook?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.webhooks).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: `Delete ${URL_}` }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete this webhook?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByText('No webhooks yet')).toBeInTheDocument();
    expect(api.requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/webhooks/a');
  });

  it('sends a test event and shows its delivery become delivered', async () => {
    const api = installFakeApi({ roles: ROLES, webhooks: [webhook({ id: 'a', url: URL_ })] });
    const { user } = renderApp('/settings/iam/webhooks');
    await user.click(await screen.findByRole('button', { name: `Delivery history of ${URL_}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Delivery history' });
    expect(await within(dialog).findByText('Nothing was sent to this endpoint yet.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Send a test event' }));
    expect(await screen.findByText(/A test event is on its way/)).toBeInTheDocument();
    const row = await within(dialog).findByRole('row', { name: /Test event/ });
    expect(row).toHaveTextContent('Pending');
    expect(row).toHaveTextContent('Not yet');

    Object.assign(api.deliveries.a![0]!, {
      status: 'failed',
      attempts: 1,
      lastError: 'HTTP 500',
      lastAttemptAt: new Date().toISOString(),
    });
    api.deliveries.a!.unshift({
      eventId: 'evt-2',
      type: 'client.created',
      status: 'delivered',
      attempts: 1,
      lastError: null,
      lastAttemptAt: new Date().toISOString(),
    });
    await user.click(within(dialog).getByRole('button', { name: 'Refresh' }));
    const delivered = await within(dialog).findByRole('row', { name: /evt-2/ });
    expect(delivered).toHaveTextContent('Delivered');
    expect(delivered).toHaveTextContent('just now');
    const failed = within(dialog).getByRole('row', { name: /webhook\.test/ });
    expect(failed).toHaveTextContent('Failed');
    expect(failed).toHaveTextContent('HTTP 500');
    expect(api.requests.filter((r) => r.path === '/api/webhooks/a/test')).toHaveLength(1);
  });

  it('shows a reader the endpoints and their deliveries, and no change buttons', async () => {
    installFakeApi({
      roles: ['api-access:read', 'webhooks:read'],
      webhooks: [webhook({ id: 'a', url: URL_ })],
    });
    const { user } = renderApp('/settings/iam/webhooks');
    expect(await screen.findByRole('row', { name: new RegExp(URL_) })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add webhook' })).toBeNull();
    expect(screen.queryByRole('button', { name: `Disable ${URL_}` })).toBeNull();
    expect(screen.queryByRole('button', { name: `Delete ${URL_}` })).toBeNull();
    expect(screen.queryByRole('button', { name: `Send a test event to ${URL_}` })).toBeNull();
    await user.click(screen.getByRole('button', { name: `Delivery history of ${URL_}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Delivery history' });
    expect(within(dialog).queryByRole('button', { name: 'Send a test event' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });

  it('is out of the navigation and locked without webhooks:read', async () => {
    const api = installFakeApi();
    renderApp('/settings/iam/webhooks');
    expect(await screen.findByText('You cannot view webhooks')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Webhooks' })).toBeNull();
    expect(api.requests.filter((r) => r.path.startsWith('/api/webhooks'))).toHaveLength(0);
  });
});
