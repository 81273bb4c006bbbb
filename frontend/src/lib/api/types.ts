import type { components } from './schema';

type Schemas = components['schemas'];

/** The API's bodies, as the backend's OpenAPI document (docs/openapi.json) describes them. */
export type Client = Schemas['ClientView'];
export type ClientStatus = Schemas['ClientStatus'];
export type CreatedClient = Schemas['CreatedClientView'];
export type ClientPage = Schemas['ClientPage'];
export type Secret = Schemas['SecretView'];
export type NewSecret = Schemas['NewSecret'];
export type Delivery = Schemas['Delivery'];
export type HandoffStatus = Schemas['HandoffStatus'];
export type OpenedHandoff = Schemas['OpenedHandoff'];
export type Me = Schemas['MeView'];
export type Resource = Schemas['ResourceView'];
export type User = Schemas['UserView'];
export type Session = Schemas['SessionView'];
export type Problem = Schemas['Problem'];
/** A field error that names both the field and what is wrong with it: ApiError.fieldErrors keeps only these. */
export type FieldError = Schemas['FieldError'] & { field: string; message: string };

export type AuditEvent = Schemas['AuditEvent'];
/** An event's actor (user, client, operator) or target (client, user, wallet, webhook). */
export type AuditParty = Schemas['Party'];
export type AuditChanges = NonNullable<AuditEvent['changes']>;
export type AuditPage = Schemas['AuditPage'];

export type Webhook = Schemas['WebhookView'];
export type CreatedWebhook = Schemas['CreatedWebhookView'];
export type CreateWebhookRequest = Schemas['CreateWebhookRequest'];
export type UpdateWebhookRequest = Schemas['UpdateWebhookRequest'];
export type WebhookDelivery = Schemas['DeliveryView'];
export type WebhookDeliveryStatus = WebhookDelivery['status'];
export type WebhookDeliveryPage = Schemas['DeliveryPage'];

export type ClientKey = Schemas['KeyView'];
export type NewKey = Schemas['NewKey'];
export type AddKeyRequest = Schemas['AddKeyRequest'];
