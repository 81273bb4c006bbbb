/** How a client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The token request of the Client Credentials flow as a curl command. Client ids (`a-z 0-9 . _ -`)
 * and secrets (URL-safe alphabet) are the same form-url-encoded, so `--user` needs no encoding.
 */
export function curlCommand(
  tokenEndpoint: string,
  oauthClientId: string,
  clientSecret: string,
  method: TokenAuthMethod = 'client_secret_post',
): string {
  const credentials =
    method === 'client_secret_basic'
      ? [`  --user ${shellQuote(`${oauthClientId}:${clientSecret}`)} \\`]
      : [
          `  --data-urlencode ${shellQuote(`client_id=${oauthClientId}`)} \\`,
          `  --data-urlencode ${shellQuote(`client_secret=${clientSecret}`)} \\`,
        ];
  return [
    `curl -X POST ${shellQuote(tokenEndpoint)} \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
    ...credentials,
    `  -d grant_type=client_credentials`,
  ].join('\n');
}
