import { describe, expect, it } from 'vitest';
import { curlCommand } from './token-request';

describe('the example token request', () => {
  it('sends the id and secret in the form with client_secret_post', () => {
    const curl = curlCommand('https://wallet.example/oauth2/token', 'wallet-demo-acme', 's3cr3t', 'client_secret_post');
    expect(curl).toContain("curl -X POST 'https://wallet.example/oauth2/token'");
    expect(curl).toContain("--data-urlencode 'client_id=wallet-demo-acme'");
    expect(curl).toContain("--data-urlencode 'client_secret=s3cr3t'");
    expect(curl).toContain('-d grant_type=client_credentials');
    expect(curl).not.toContain('--user');
  });

  it('sends them as HTTP Basic with client_secret_basic', () => {
    const curl = curlCommand(
      'https://wallet.example/oauth2/token',
      'wallet-demo-acme',
      's3cr3t',
      'client_secret_basic',
    );
    expect(curl).toContain("--user 'wallet-demo-acme:s3cr3t'");
    expect(curl).not.toContain('client_secret=');
  });

  it('quotes for the shell', () => {
    expect(curlCommand("https://x/it's", 'a', 'b')).toContain(`'https://x/it'\\''s'`);
  });
});
