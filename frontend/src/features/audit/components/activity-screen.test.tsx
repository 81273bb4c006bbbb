import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { auditEvent, client, installFakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render';

const auditCalls = (api: ReturnType<typeof installFakeApi>) => api.requests.filter((r) => r.path === '/api/audit');
const lastAuditQuery = (api: ReturnType<typeof installFakeApi>) => auditCalls(api).at(-1)!.query;

const edited = auditEvent({
  id: 'e2',
  at: '2026-12-02T09:30:00Z',
  action: 'client.updated',
  changes: {
    roles: { added: ['payments:read'], removed: ['accounts:change'] },
    notes: { from: 'old notes', to: null },
  },
});
const created = auditEvent({ id: 'e1', at: '2026-12-01T10:00:00Z', action: 'client.created' });
const failed = auditEvent({
  id: 'e3',
  at: '2026-12-02T11:00:00Z',
  action: 'client.auth_failed',
  actor: { type: 'client', id: 'wallet-demo-acme-backend' },
  attempts: 7,
});
const rotated = auditEvent({
  id: 'e4',
  at: '2026-12-02T12:00:00Z',
  action: 'secret.created',
  target: { type: 'client', id: 'reporting' },
  changes: { secretId: 'sec-42' },
});
const userEdit = auditEvent({
  id: 'e5',
  at: '2026-12-02T13:00:00Z',
  action: 'user.updated',
  target: { type: 'user', id: 'reader' },
});

describe('the Activity screen', () => {
  it('shows who did what, when and from where, newest first as the server sends them', async () => {
    installFakeApi({ events: [rotated, failed, edited, created] });
    renderApp('/settings/iam/activity');
    const table = await screen.findByRole('table', { name: 'Events' });
    await within(table).findByText('sec-42');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-event-id'))).toEqual(['e4', 'e3', 'e2', 'e1']);

    const edit = rows[2]!;
    expect(edit).toHaveTextContent('Client updated');
    expect(edit).toHaveTextContent('client.updated');
    // Actor and target, each with what kind of thing it is.
    expect(edit).toHaveTextContent(/admin\s*User/);
    expect(edit).toHaveTextContent(/acme-backend\s*API client/);
    // Relative time, and the absolute one beside it.
    const time = within(edit).getByText((_, element) => element?.tagName === 'TIME');
    expect(time).toHaveAttribute('datetime', '2026-12-02T09:30:00Z');
    expect(edit).toHaveTextContent('2 Dec 2026, 09:30 UTC');
    expect(edit).toHaveTextContent('203.0.113.7');

    // Role diffs: chips that say added and removed in words, not colour alone.
    const added = within(edit).getByRole('group', { name: 'Roles added' });
    expect(added).toHaveTextContent('Roles added');
    expect(within(added).getByText('payments:read')).toHaveAttribute('data-diff', 'added');
    const removed = within(edit).getByRole('group', { name: 'Roles removed' });
    expect(within(removed).getByText('accounts:change')).toHaveAttribute('data-diff', 'removed');
    // Notes as from → to.
    expect(edit).toHaveTextContent(/Notes:\s*old notes\s*\(none\)/);
    expect(within(edit).getByRole('img', { name: 'changed to' })).toBeInTheDocument();

    // An aggregated failure says how many attempts; a fact is a key and its value.
    expect(rows[1]).toHaveTextContent('7 attempts in that minute');
    expect(rows[1]).toHaveTextContent(/wallet-demo-acme-backend\s*API client/);
    expect(within(rows[0]!).getByText('Secret id')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('sec-42')).toBeInTheDocument();
  });

  it('reads its filters from the URL, so a link shows one client’s history', async () => {
    const api = installFakeApi({ events: [rotated, edited, created, userEdit] });
    renderApp('/settings/iam/activity?clientId=acme-backend&action=client.updated');
    const table = await screen.findByRole('table', { name: 'Events' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getAllByRole('row')[1]).toHaveAttribute('data-event-id', 'e2');
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toHaveValue('acme-backend');
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('client.updated');
    const query = lastAuditQuery(api);
    expect(query.get('clientId')).toBe('acme-backend');
    expect(query.get('action')).toBe('client.updated');
    expect(query.get('page')).toBe('0');
  });

  it('filters by username, action and days, and puts each filter in the URL', async () => {
    const api = installFakeApi({ events: [userEdit, rotated, edited, created] });
    const { user, router } = renderApp('/settings/iam/activity');
    await screen.findByRole('table', { name: 'Events' });

    await user.type(screen.getByRole('textbox', { name: 'Username' }), 'reader');
    await waitFor(() => expect(lastAuditQuery(api).get('username')).toBe('reader'));
    expect(router.state.location.search).toBe('?username=reader');
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Events' })).getAllByRole('row')).toHaveLength(2),
    );

    await user.clear(screen.getByRole('textbox', { name: 'Username' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'Secret created');
    await waitFor(() => expect(lastAuditQuery(api).get('action')).toBe('secret.created'));

    // Whole UTC days, sent as dates: the server reads a date `to` as through that day.
    await user.type(screen.getByLabelText('From'), '2026-12-01');
    await user.type(screen.getByLabelText('To'), '2026-12-02');
    await waitFor(() => expect(lastAuditQuery(api).get('to')).toBe('2026-12-02'));
    expect(lastAuditQuery(api).get('from')).toBe('2026-12-01');
    expect(router.state.location.search).toContain('from=2026-12-01');
    expect(router.state.location.search).toContain('to=2026-12-02');
  });

  it('says when no event matches, and clears the filters', async () => {
    installFakeApi({ events: [created] });
    const { user, router } = renderApp('/settings/iam/activity?clientId=nobody');
    expect(await screen.findByText('No events match these filters')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(await screen.findByRole('table', { name: 'Events' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('textbox', { name: 'Client ID' })).toHaveValue('');
  });

  it('says when nothing happened yet', async () => {
    installFakeApi();
    renderApp('/settings/iam/activity');
    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
  });

  it('refuses a To before From without asking the server', async () => {
    const api = installFakeApi({ events: [created] });
    renderApp('/settings/iam/activity?from=2026-12-05&to=2026-12-01');
    expect(await screen.findByText('Choose a day on or after From')).toBeInTheDocument();
    expect(auditCalls(api)).toHaveLength(0);
  });

  it('pages through older events', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      auditEvent({ id: `m${i}`, at: `2026-12-02T10:${String(59 - i).padStart(2, '0')}:00Z` }),
    );
    const api = installFakeApi({ events: many });
    const { user, router } = renderApp('/settings/iam/activity');
    expect(await screen.findByText('Page 1 of 2')).toBeInTheDocument();
    expect(screen.getByText('1–20 of 25')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByText('21–25 of 25')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(lastAuditQuery(api).get('page')).toBe('1');
    expect(screen.getByRole('button', { name: 'Older' })).toBeDisabled();
  });

  it('is reached from a client’s row on the API Access screen, filtered by that client', async () => {
    const api = installFakeApi({ clients: [client({ clientId: 'acme-backend' })], events: [rotated, created] });
    const { user, router } = renderApp('/settings/iam/api-access');
    await user.click(await screen.findByRole('link', { name: 'Activity of acme-backend' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/iam/activity'));
    expect(router.state.location.search).toBe('?clientId=acme-backend');
    expect(await screen.findByRole('heading', { name: 'Activity' })).toBeInTheDocument();
    await waitFor(() => expect(lastAuditQuery(api).get('clientId')).toBe('acme-backend'));
    expect(await screen.findByRole('table', { name: 'Events' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Activity', current: 'page' })).toBeInTheDocument();
  });

  it('offers a read-only admin the Activity link on each client, and no change buttons', async () => {
    installFakeApi({ roles: ['api-access:read'], clients: [client({ clientId: 'acme-backend' })] });
    renderApp('/settings/iam/api-access');
    expect(await screen.findByRole('link', { name: 'Activity of acme-backend' })).toHaveAttribute(
      'href',
      '/settings/iam/activity?clientId=acme-backend',
    );
    expect(screen.queryByRole('button', { name: 'Edit acme-backend' })).toBeNull();
  });

  it('shows a user-events reader only the username filter', async () => {
    installFakeApi({ roles: ['users:read'], events: [userEdit] });
    renderApp('/settings/iam/activity');
    expect(await screen.findByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Client ID' })).toBeNull();
  });

  it('is out of the navigation and locked without api-access:read or users:read', async () => {
    const api = installFakeApi({ roles: ['accounts:read'] });
    renderApp('/settings/iam/activity');
    expect(await screen.findByText('You cannot view the activity')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Activity' })).toBeNull();
    expect(auditCalls(api)).toHaveLength(0);
  });
});
