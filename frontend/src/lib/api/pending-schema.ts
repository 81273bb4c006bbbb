/**
 * Hand-written stand-ins, in openapi-typescript's shape, for the calls of API.md that the backend's
 * OpenAPI document does not describe yet: the webhooks. When docs/openapi.json has
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
