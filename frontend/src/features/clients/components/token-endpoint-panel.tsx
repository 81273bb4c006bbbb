import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CopyField } from '@/components/ui/copy-field';
import { curlCommand, type TokenAuthMethod } from '@/lib/token-request';

type Props = { tokenEndpoint: string; clientIdPrefix: string };

const METHODS: { value: TokenAuthMethod; label: string }[] = [
  { value: 'client_secret_basic', label: 'client_secret_basic' },
  { value: 'client_secret_post', label: 'client_secret_post' },
];

/** Bottom of the screen: what an integrator needs besides their client ID and secret. */
export function TokenEndpointPanel({ tokenEndpoint, clientIdPrefix }: Props) {
  const [method, setMethod] = useState<TokenAuthMethod>('client_secret_basic');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="authenticate-heading">
      <Title order={2} size="h4" id="authenticate-heading" mb={4}>
        Authenticate with a client ID
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Integrators obtain an access token with the OAuth 2.0 Client Credentials flow: POST{' '}
        <code>grant_type=client_credentials</code> with their <code>client_id</code> and <code>client_secret</code> to
        the token endpoint. Their OAuth client ID is the prefix followed by the client ID.
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CopyField
            label="Token endpoint"
            value={tokenEndpoint}
            copyLabel="Copy token endpoint"
            testId="token-endpoint"
          />
          <CopyField
            label="Client ID prefix"
            value={clientIdPrefix}
            copyLabel="Copy client ID prefix"
            testId="client-id-prefix"
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="example-method-label">
            Example request
          </Text>
          <SegmentedControl
            aria-labelledby="example-method-label"
            size="xs"
            w="fit-content"
            data={METHODS}
            value={method}
            onChange={(chosen) => setMethod(chosen === 'client_secret_post' ? chosen : 'client_secret_basic')}
          />
          <CopyField
            label="Get a token (curl)"
            value={curlCommand(tokenEndpoint, `${clientIdPrefix}<client-id>`, '<client-secret>', method)}
            copyLabel="Copy example request"
            block
            testId="example-request"
          />
          <Text size="sm" c="dimmed">
            Replace <code>&lt;client-id&gt;</code> and <code>&lt;client-secret&gt;</code>. The answer carries{' '}
            <code>access_token</code>, <code>expires_in</code> and <code>credential_expires_at</code>: when this
            client’s secret or expiry date ends (epoch seconds), so the integrator can renew in time.
          </Text>
        </Stack>
      </Stack>
    </Paper>
  );
}
