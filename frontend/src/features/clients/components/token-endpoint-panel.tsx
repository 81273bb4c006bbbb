import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { CopyField } from '@/components/ui/copy-field';

type Props = { tokenEndpoint: string; clientIdPrefix: string };

/** Bottom of the screen: what an integrator needs besides their client ID and secret. */
export function TokenEndpointPanel({ tokenEndpoint, clientIdPrefix }: Props) {
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
    </Paper>
  );
}
