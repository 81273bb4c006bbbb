import type { components } from './schema';

type Schemas = components['schemas'];

/** The generated schemas mark every property optional; these are the shapes the contract guarantees. */
export type Client = Required<Omit<Schemas['ClientView'], 'notes' | 'lastUsedAt'>> & {
  notes: string | null;
  lastUsedAt: string | null;
};
export type CreatedClient = Client & { clientSecret: string };
export type ClientPage = { items: Client[]; total: number; page: number; size: number };
export type Me = Required<Schemas['MeView']> & { wallet: Required<Schemas['WalletView']> };
export type Resource = Required<Omit<Schemas['ResourceView'], 'description'>> & { description?: string | null };
export type User = Required<Schemas['UserView']>;
export type Session = { token: string; expiresAt: string; user: Required<Schemas['SessionUser']> };
export type FieldError = { field: string; message: string };
export type Problem = Schemas['Problem'];
