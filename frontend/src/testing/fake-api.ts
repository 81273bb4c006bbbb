import { vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import type {
  AuditEvent,
  Client,
  ClientStatus,
  HandoffStatus,
  Me,
  Resource,
  Secret,
  User,
  Webhook,
  WebhookDelivery,
} from '@/lib/api/types';
import { daysBetween, todayUtc } from '@/lib/dates';

type Schemas = components['schemas'];

/** A small in-memory stand-in for the backend, answering through a replaced fetch. */
export type FakeApi = {
  me: Me;
  resources: Resource[];
  clients: Client[];
  users: User[];
  /** Each call as it came, with the bearer token it carried (null: none). */
  requests: { method: string; path: string; body: unknown; token: string | null; query: URLSearchParams }[];
  /** The session tokens handed out so far stop working, as when a session expires; signing in gives a new one. */
  expireSessions: () => void;
  /** The next matching call fails as a lost connection would. */
  failNext: (method: string, pathPrefix: string) => void;
  /** The next matching call answers this status and body (and headers, e.g. Retry-After). */
  answerNext: (
    method: string,
    pathPrefix: string,
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ) => void;
  /** Each user's password; a username not listed signs in with 'admin'. */
  passwords: Record<string, string>;
  lastSecret?: string;
  /** The one-time links made so far, by token; the token of the last one. */
  links: Record<string, FakeLink>;
  lastLinkToken?: string;
  /** The audit log, newest first, as GET /api/audit pages and filters it. */
  events: AuditEvent[];
  webhooks: Webhook[];
  /** Each endpoint's deliveries, newest first; a test event adds a pending one. */
  deliveries: Record<string, WebhookDelivery[]>;
  lastWebhookSecret?: string;
};

/** A one-time link as the fake keeps it: what lookup answers, and the secret open reveals. */
export type FakeLink = Omit<HandoffStatus, 'state'> & { secretId: string; secret: string; revoked?: boolean };

export const LINK_LIFETIME_MS = 72 * 3600 * 1000;

export const RESOURCES: Resource[] = [
  { id: 'accounts', name: 'Accounts', description: "The wallet's accounts" },
  { id: 'payments', name: 'Payments', description: 'Payment orders' },
  { id: 'users', name: 'Users', description: 'Console users' },
  { id: 'api-access', name: 'API Access', description: 'OAuth clients' },
];

export const ALL_ROLES = RESOURCES.flatMap((r) => [`${r.id}:change`, `${r.id}:read`]).sort();

export function secret(overrides: Partial<Secret> & { secretId: string }): Secret {
  return {
    hint: 'wacs_…ab12',
    createdAt: '2026-01-01T00:00:00Z',
    lastUsedAt: null,
    retiresAt: null,
    linkExpiresAt: null,
    ...overrides,
  };
}

/** The status the server works out from enabled and the expiry date (30 days' warning). */
export function statusOf(client: Pick<Client, 'enabled' | 'expiryDate'>, today = todayUtc()): ClientStatus {
  if (!client.enabled) return 'disabled';
  const days = daysBetween(today, client.expiryDate);
  if (days < 0) return 'expired';
  return days < 30 ? 'expiring' : 'active';
}

export function client(overrides: Partial<Client> & { clientId: string }): Client {
  return {
    oauthClientId: `wallet-demo-${overrides.clientId}`,
    roles: ['accounts:read'],
    expiryDate: '2099-01-01',
    expired: false,
    notes: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    lastUsedAt: null,
    enabled: true,
    requireDpop: false,
    status: 'active',
    secrets: [secret({ secretId: `${overrides.clientId}-1` })],
    keys: [],
    ...overrides,
  };
}

const SORTABLE = ['clientId', 'expiryDate', 'createdAt', 'lastUsedAt', 'status'] as const;
const STATUS_ORDER: ClientStatus[] = ['active', 'expiring', 'expired', 'disabled'];

function compareBy(key: string): (a: Client, b: Client) => number {
  const column = SORTABLE.find((k) => k === key.replace(/^-/, '')) ?? 'clientId';
  const sign = key.startsWith('-') ? -1 : 1;
  const value = (c: Client) => (column === 'status' ? String(STATUS_ORDER.indexOf(c.status)) : (c[column] ?? ''));
  return (a, b) => sign * (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0);
}

const json = (status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': type, ...headers },
  });
const problem = (status: number, detail: string, errors?: { field: string; message: string }[], type = 'about:blank') =>
  json(status, { type, title: 'Problem', status, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');

const ADMINISTRATOR = ['users:change', 'api-access:change'];
const isAdministrator = (roles: string[]) => ADMINISTRATOR.every((role) => roles.includes(role));

let eventCount = 0;

/** An audit event: a client's creation by admin unless told. */
export function auditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  eventCount += 1;
  return {
    id: String(eventCount),
    at: '2026-12-01T10:00:00Z',
    action: 'client.created',
    actor: { type: 'user', id: 'admin' },
    target: { type: 'client', id: 'acme-backend' },
    source: { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140' },
    ...overrides,
  };
}

export function webhook(overrides: Partial<Webhook> & { id: string }): Webhook {
  return {
    url: `https://hooks.example.com/${overrides.id}`,
    events: ['client.created', 'client.deleted'],
    enabled: true,
    createdAt: '2026-11-01T09:00:00Z',
    ...overrides,
  };
}

export const WEBHOOK_ROLES = ['webhooks:change', 'webhooks:read'];

/** Does the event pass GET /api/audit's filters? */
function matches(event: AuditEvent, query: URLSearchParams): boolean {
  // A client's events: done to it, or by it (its OAuth client id ends with its clientId).
  const clientId = query.get('clientId');
  if (
    clientId &&
    !(event.target.type === 'client' && event.target.id === clientId) &&
    !(event.actor.type === 'client' && event.actor.id.endsWith(`-${clientId}`))
  )
    return false;
  const username = query.get('username');
  if (
    username &&
    !(event.actor.type === 'user' && event.actor.id === username) &&
    !(event.target.type === 'user' && event.target.id === username)
  )
    return false;
  const action = query.get('action');
  if (action && event.action !== action) return false;
  // A date is its first instant; a date `to` includes that whole day (as the server reads them).
  const from = query.get('from');
  if (from && event.at < from) return false;
  const to = query.get('to');
  if (to && event.at >= (to.length === 10 ? `${to}T24` : to)) return false;
  return true;
}

export function installFakeApi(
  options: {
    roles?: string[];
    clients?: Client[];
    users?: User[];
    username?: string;
    events?: AuditEvent[];
    webhooks?: Webhook[];
  } = {},
): FakeApi {
  const failures: { method: string; prefix: string }[] = [];
  const answers: { method: string; prefix: string; status: number; body: unknown; headers?: Record<string, string> }[] =
    [];
  // renderApp starts with 'session-token'; after each expiry, sign-in hands out 'session-token-2', -3, ...
  let generation = 1;
  const validTokens = new Set(['session-token']);
  const api: FakeApi = {
    me: {
      username: options.username ?? 'admin',
      wallet: { externalKey: 'demo', name: 'Demo wallet' },
      roles: options.roles ?? ALL_ROLES,
      tokenEndpoint: 'http://localhost:8080/oauth2/token',
      clientIdPrefix: 'wallet-demo-',
    },
    resources: RESOURCES,
    clients: options.clients ?? [],
    users: options.users ?? [
      { username: 'admin', roles: options.roles ?? ALL_ROLES, createdAt: '2026-01-01T00:00:00Z' },
    ],
    requests: [],
    failNext: (method, prefix) => failures.push({ method, prefix }),
    answerNext: (method, prefix, status, body, headers) => answers.push({ method, prefix, status, body, headers }),
    passwords: { admin: 'admin' },
    links: {},
    events: options.events ?? [],
    webhooks: options.webhooks ?? [],
    deliveries: {},
    expireSessions: () => {
      validTokens.clear();
      generation += 1;
    },
  };

  let made = 0;
  /** A new secret of `target`: the secret itself, or a one-time link to it. */
  const issue = (target: Client, delivery: Schemas['Delivery']) => {
    made += 1;
    const secretId = `${target.clientId}-new-${made}`;
    const clientSecret = `s3cr3t-${target.clientId}-${made}-Zx9Qw7Lm2Nb5Vc8Xa1Sd4Fg6Hj3Kl0PoIuYtReWq`;
    const createdAt = new Date().toISOString();
    if (delivery === 'link') {
      const token = `link-token-${made}`;
      const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS).toISOString();
      target.secrets.push(secret({ secretId, hint: null, createdAt, linkExpiresAt: expiresAt }));
      api.links[token] = {
        secretId,
        secret: clientSecret,
        oauthClientId: target.oauthClientId,
        walletName: api.me.wallet.name,
        tokenEndpoint: api.me.tokenEndpoint,
        expiresAt,
        openedAt: null,
      };
      api.lastLinkToken = token;
      return { secretLink: `http://localhost:8080/handoff#${token}`, secretLinkExpiresAt: expiresAt };
    }
    target.secrets.push(secret({ secretId, hint: `wacs_…${clientSecret.slice(-4)}`, createdAt }));
    api.lastSecret = clientSecret;
    return { clientSecret };
  };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname);
    const method = request.method;
    const text = method === 'GET' || method === 'DELETE' ? '' : await request.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    /** The body as the API's contract says this call sends it. */
    const sent = <T>() => body as T;
    const token = request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
    api.requests.push({ method, path, body, token, query: url.searchParams });

    const failure = failures.findIndex((f) => f.method === method && path.startsWith(f.prefix));
    if (failure >= 0) {
      failures.splice(failure, 1);
      throw new TypeError('Failed to fetch');
    }
    const answer = answers.findIndex((a) => a.method === method && path.startsWith(a.prefix));
    if (answer >= 0) {
      const { status, body: answerBody, headers } = answers.splice(answer, 1)[0]!;
      return json(status, answerBody, status >= 400 ? 'application/problem+json' : 'application/json', headers);
    }

    // The public link calls: no token needed.
    if (path === '/api/handoff/lookup' || path === '/api/handoff/open') {
      const link = api.links[sent<Schemas['HandoffRequest']>().token];
      if (!link || link.revoked) return problem(404, 'No such link');
      const state = link.openedAt ? 'used' : Date.parse(link.expiresAt) <= Date.now() ? 'expired' : 'ready';
      const { secret: clientSecret, revoked: _revoked, secretId: _secretId, ...about } = link;
      if (path === '/api/handoff/lookup') return json(200, { state, ...about });
      if (state !== 'ready') return problem(410, state === 'used' ? 'This link was opened already' : 'Link expired');
      link.openedAt = new Date().toISOString();
      for (const c of api.clients) {
        for (const s of c.secrets) {
          if (s.secretId === link.secretId) Object.assign(s, { linkExpiresAt: null, hint: 'wacs_…link' });
        }
      }
      const { oauthClientId, walletName, tokenEndpoint } = about;
      return json(200, { oauthClientId, clientSecret, walletName, tokenEndpoint });
    }
    if (path === '/api/session' && method === 'POST') {
      const body = sent<Schemas['SignInRequest']>();
      if (body.password !== (api.passwords[body.username] ?? 'admin'))
        return problem(401, 'Wrong wallet, username or password');
      const issued = generation === 1 ? 'session-token' : `session-token-${generation}`;
      validTokens.add(issued);
      return json(200, {
        token: issued,
        expiresAt: '2099-01-01T00:00:00Z',
        user: { username: body.username, roles: api.me.roles },
      });
    }
    // Calls without a token are let through, so a component can be tried on its own.
    if (token != null && !validTokens.has(token)) return problem(401, 'A valid bearer token is required');
    if (path === '/api/me') return json(200, api.me);
    if (path === '/api/me/password' && method === 'PUT') {
      const username = api.me.username;
      if (username.startsWith(api.me.clientIdPrefix)) return problem(403, 'Only a user can change a password');
      const body = sent<Schemas['ChangePasswordRequest']>();
      if (body.currentPassword !== (api.passwords[username] ?? 'admin')) {
        return problem(403, 'The current password is not right', undefined, 'urn:api-access:problem:wrong-password');
      }
      if ([...body.newPassword].length < 12) {
        return problem(400, 'Invalid request', [{ field: 'newPassword', message: 'must be at least 12 characters' }]);
      }
      api.passwords[username] = body.newPassword;
      // Every session issued before the change is refused.
      api.expireSessions();
      return json(204, undefined);
    }
    if (path === '/api/resources') return json(200, api.resources);
    if (path === '/api/clients' && method === 'GET') {
      if (!api.me.roles.includes('api-access:read')) return problem(403, 'Needs api-access:read');
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('size') ?? 20);
      const statuses = (url.searchParams.get('status') ?? '').split(',').filter(Boolean);
      const unusedDays = url.searchParams.get('unusedDays');
      const unusedSince = unusedDays == null ? null : Date.now() - Number(unusedDays) * 86_400_000;
      const all = api.clients
        .filter((c) => c.clientId.includes(q) || (c.notes ?? '').toLowerCase().includes(q))
        .filter((c) => statuses.length === 0 || statuses.includes(c.status))
        .filter((c) => unusedSince == null || c.lastUsedAt == null || Date.parse(c.lastUsedAt) < unusedSince)
        .sort(compareBy(url.searchParams.get('sort') ?? 'clientId'));
      return json(200, { items: all.slice(page * size, page * size + size), total: all.length, page, size });
    }
    if (path === '/api/clients' && method === 'POST') {
      const body = sent<Schemas['CreateClientRequest']>();
      if (api.clients.some((c) => c.clientId === body.clientId)) return problem(409, 'exists');
      const enabled = body.enabled ?? true;
      const expiryDate = body.expiryDate ?? '2099-01-01';
      const created = client({
        clientId: body.clientId,
        roles: body.roles,
        expiryDate,
        notes: body.notes ?? null,
        enabled,
        requireDpop: body.requireDpop ?? false,
        status: statusOf({ enabled, expiryDate }),
        secrets: [],
      });
      api.clients.push(created);
      const handover = issue(created, body.delivery ?? 'secret');
      return json(201, { ...created, ...handover });
    }
    const secretsMatch = path.match(/^\/api\/clients\/([^/]+)\/secrets(?:\/([^/]+))?$/);
    if (secretsMatch) {
      const existing = api.clients.find((c) => c.clientId === secretsMatch[1]);
      if (!existing) return problem(404, 'No such client');
      if (method === 'POST' && !secretsMatch[2]) {
        if (existing.secrets.length >= 2) return problem(409, 'This client has two secrets already');
        const retiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
        for (const s of existing.secrets) s.retiresAt ??= retiresAt;
        const handover = issue(existing, sent<Schemas['RotateSecretRequest']>().delivery ?? 'secret');
        const made = existing.secrets.at(-1)!;
        return json(201, { secretId: made.secretId, createdAt: made.createdAt, ...handover });
      }
      if (method === 'DELETE' && secretsMatch[2]) {
        const target = existing.secrets.find((s) => s.secretId === secretsMatch[2]);
        if (!target) return problem(404, 'No such secret');
        const working = existing.secrets.filter((s) => s.linkExpiresAt == null);
        if (target.linkExpiresAt == null && working.length === 1) {
          return problem(409, "This is the client's only working secret");
        }
        existing.secrets = existing.secrets.filter((s) => s !== target);
        for (const link of Object.values(api.links)) if (link.secretId === target.secretId) link.revoked = true;
        return json(204, undefined);
      }
    }
    const clientMatch = path.match(/^\/api\/clients\/([^/]+)$/);
    if (clientMatch) {
      const existing = api.clients.find((c) => c.clientId === clientMatch[1]);
      if (!existing) return problem(404, 'No such client');
      if (method === 'GET') return json(200, existing);
      if (method === 'PUT') {
        const body = sent<Schemas['UpdateClientRequest']>();
        Object.assign(existing, { roles: body.roles, notes: body.notes || null });
        if (body.enabled != null) {
          existing.enabled = body.enabled;
          existing.status = statusOf(existing);
        }
        if (body.requireDpop != null) existing.requireDpop = body.requireDpop;
        return json(200, existing);
      }
      if (method === 'DELETE') {
        api.clients = api.clients.filter((c) => c !== existing);
        return json(204, undefined);
      }
    }
    if (path === '/api/users' && method === 'GET') return json(200, api.users);
    if (path === '/api/users' && method === 'POST') {
      const body = sent<Schemas['CreateUserRequest']>();
      const user = { username: body.username, roles: body.roles, createdAt: '2026-02-01T00:00:00Z' };
      api.users.push(user);
      return json(201, user);
    }
    const userMatch = path.match(/^\/api\/users\/(.+)$/);
    if (userMatch) {
      const existing = api.users.find((u) => u.username === userMatch[1]);
      if (!existing) return problem(404, 'No such user');
      if (method === 'DELETE' && existing.username === api.me.username) {
        return problem(
          409,
          'You cannot delete the user you are signed in as',
          undefined,
          'urn:api-access:problem:self-delete',
        );
      }
      // The rules of API.md: acting on a user needs every role they hold, and one administrator stays.
      const missing = existing.roles.filter((role) => !api.me.roles.includes(role));
      if (missing.length > 0) {
        return problem(
          403,
          `You cannot change a user who holds roles you do not hold: ${missing.join(', ')}`,
          undefined,
          'urn:api-access:problem:insufficient-role',
        );
      }
      const roles = method === 'PUT' ? sent<Schemas['UpdateUserRequest']>().roles : [];
      const after =
        method === 'PUT'
          ? api.users.map((u) => (u === existing ? roles : u.roles))
          : api.users.filter((u) => u !== existing).map((u) => u.roles);
      if (api.users.some((u) => isAdministrator(u.roles)) && !after.some(isAdministrator)) {
        return problem(
          409,
          'This would leave the wallet without a user who holds both users:change and api-access:change',
          undefined,
          'urn:api-access:problem:lock-out',
        );
      }
      if (method === 'PUT') {
        existing.roles = roles;
        return json(200, existing);
      }
      if (method === 'DELETE') {
        api.users = api.users.filter((u) => u !== existing);
        return json(204, undefined);
      }
    }
    if (path === '/api/audit' && method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '0');
      const size = Number(url.searchParams.get('size') ?? '20');
      const found = api.events.filter((e) => matches(e, url.searchParams));
      return json(200, { items: found.slice(page * size, (page + 1) * size), total: found.length, page, size });
    }
    if (path === '/api/webhooks' && method === 'GET') return json(200, api.webhooks);
    if (path === '/api/webhooks' && method === 'POST') {
      const body = sent<{ url: string; events: string[] }>();
      if (!body.url.startsWith('https://')) {
        return problem(400, 'The request is not valid', [
          { field: 'url', message: 'must be an https URL of a public address' },
        ]);
      }
      const created = webhook({ id: `wh-${api.webhooks.length + 1}`, url: body.url, events: body.events });
      api.webhooks.push(created);
      api.lastWebhookSecret = `whsec_${btoa(`secret-of-${created.id}-0123456789abcdef`)}`;
      return json(201, { ...created, secret: api.lastWebhookSecret });
    }
    const webhookMatch = path.match(/^\/api\/webhooks\/([^/]+)(\/test|\/deliveries)?$/);
    if (webhookMatch) {
      const [, id, sub] = webhookMatch;
      const existing = api.webhooks.find((w) => w.id === id);
      if (!existing) return problem(404, 'No such webhook');
      const deliveries = (api.deliveries[existing.id] ??= []);
      if (sub === '/test' && method === 'POST') {
        deliveries.unshift({
          eventId: `test-${deliveries.length + 1}`,
          type: 'webhook.test',
          status: 'pending',
          attempts: 0,
          lastError: null,
          lastAttemptAt: null,
        });
        return json(202, undefined);
      }
      if (sub === '/deliveries' && method === 'GET') {
        const page = Number(url.searchParams.get('page') ?? '0');
        const size = Number(url.searchParams.get('size') ?? '20');
        const items = deliveries.slice(page * size, (page + 1) * size);
        return json(200, { items, total: deliveries.length, page, size });
      }
      if (sub === undefined && method === 'PUT') {
        const body = sent<{ url: string; events: string[]; enabled: boolean }>();
        Object.assign(existing, body);
        return json(200, existing);
      }
      if (sub === undefined && method === 'DELETE') {
        api.webhooks = api.webhooks.filter((w) => w !== existing);
        return json(204, undefined);
      }
    }
    return problem(404, `no fake for ${method} ${path}`);
  };

  vi.stubGlobal(
    'fetch',
    vi.fn((input: Request) => handle(input)),
  );
  return api;
}
