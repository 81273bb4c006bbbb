/**
 * Hand-written stand-ins, in openapi-typescript's shape, for the calls of API.md that the backend's
 * OpenAPI document does not describe yet: the audit log and the webhooks. When docs/openapi.json has
 * them, `npm run gen:api` puts them in schema.d.ts: delete this file, drop `PendingPaths` from client.ts
 * and point the aliases in types.ts at the generated schemas.
 */
import type { components } from './schema';

type Problem = components['schemas']['Problem'];
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ProblemAnswer = { headers: { [name: string]: unknown }; content: { 'application/problem+json': Problem } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Refusals = { 400: ProblemAnswer; 401: ProblemAnswer; 403: ProblemAnswer; 404: ProblemAnswer };
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type ById = { query?: never; header?: never; path: { id: string }; cookie?: never };
type Unused = {
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};

export type PendingSchemas = {
  /** Who did it: a user (username), a client (OAuth client id) or an operator (the service, the platform). */
  AuditActor: { type: 'user' | 'client' | 'operator'; id: string };
  AuditTarget: { type: 'client' | 'user' | 'wallet' | 'webhook'; id: string };
  /** Role edits as added and removed; other fields as from and to; facts (a secret's id) as they are. */
  AuditChanges: {
    roles?: { added: string[]; removed: string[] };
    notes?: { from: string | null; to: string | null };
  } & { [key: string]: unknown };
  AuditEvent: {
    id: string;
    at: string;
    action: string;
    actor: PendingSchemas['AuditActor'];
    target: PendingSchemas['AuditTarget'];
    changes?: PendingSchemas['AuditChanges'];
    source: { ip: string | null; userAgent: string | null };
    /** On aggregated failures (session.failed, client.auth_failed): how many in that minute. */
    attempts?: number;
  };
  AuditPage: { items: PendingSchemas['AuditEvent'][]; total: number; page: number; size: number };
  Webhook: { id: string; url: string; events: string[]; enabled: boolean; createdAt: string };
  /** The answer of POST /api/webhooks: the only time the signing secret (whsec_…) is sent. */
  CreatedWebhook: PendingSchemas['Webhook'] & { secret: string };
  CreateWebhookRequest: { url: string; events: string[] };
  UpdateWebhookRequest: { url: string; events: string[]; enabled: boolean };
  WebhookDeliveryStatus: 'pending' | 'delivered' | 'failed';
  WebhookDelivery: {
    eventId: string;
    type: string;
    status: PendingSchemas['WebhookDeliveryStatus'];
    attempts: number;
    lastError: string | null;
    lastAttemptAt: string | null;
  };
  WebhookDeliveryPage: { items: PendingSchemas['WebhookDelivery'][]; total: number; page: number; size: number };
};

export type PendingPaths = {
  '/api/audit': {
    parameters: NoParameters;
    get: {
      parameters: {
        query?: {
          page?: number;
          size?: number;
          clientId?: string;
          username?: string;
          action?: string;
          from?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<PendingSchemas['AuditPage']> } & Refusals;
    };
  } & Unused;
  '/api/webhooks': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<PendingSchemas['Webhook'][]> } & Refusals;
    };
    post: {
      parameters: NoParameters;
      requestBody: { content: { 'application/json': PendingSchemas['CreateWebhookRequest'] } };
      responses: { 201: Json<PendingSchemas['CreatedWebhook']> } & Refusals;
    };
  } & Omit<Unused, 'post'>;
  '/api/webhooks/{id}': {
    parameters: NoParameters;
    put: {
      parameters: ById;
      requestBody: { content: { 'application/json': PendingSchemas['UpdateWebhookRequest'] } };
      responses: { 200: Json<PendingSchemas['Webhook']> } & Refusals;
    };
    delete: {
      parameters: ById;
      requestBody?: never;
      responses: { 204: NoContent } & Refusals;
    };
    get?: never;
  } & Omit<Unused, 'put' | 'delete'>;
  '/api/webhooks/{id}/test': {
    parameters: NoParameters;
    post: {
      parameters: ById;
      requestBody?: never;
      responses: { 202: NoContent } & Refusals;
    };
    get?: never;
  } & Omit<Unused, 'post'>;
  '/api/webhooks/{id}/deliveries': {
    parameters: NoParameters;
    get: {
      parameters: {
        query?: { page?: number; size?: number };
        header?: never;
        path: { id: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: { 200: Json<PendingSchemas['WebhookDeliveryPage']> } & Refusals;
    };
  } & Unused;
};
