// Client assertions for the token_pkj bench rows: COUNT ES256 or RS256 JWTs (RFC 7523), each with its own jti,
// one a line, signed with the PKCS#8 key in KEY_FILE. Each is accepted once (replays are refused), so
// the bench needs at least as many as it sends requests.
//   node make_assertions.mjs KEY_FILE KID CLIENT_ID AUDIENCE COUNT OUT_FILE
import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';

const [keyFile, kid, clientId, audience, count, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node make_assertions.mjs KEY_FILE KID CLIENT_ID AUDIENCE COUNT OUT_FILE');
  process.exit(2);
}
const key = createPrivateKey(readFileSync(keyFile));
// an EC P-256 key signs ES256 (the raw r||s signature, IEEE P1363), an RSA key RS256 (PKCS #1 v1.5)
const rsa = key.asymmetricKeyType === 'rsa';
const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const header = part({ alg: rsa ? 'RS256' : 'ES256', kid });
const options = rsa ? { key } : { key, dsaEncoding: 'ieee-p1363' };
const now = Math.floor(Date.now() / 1000);
const out = createWriteStream(outFile);
for (let i = 0; i < Number(count); i++) {
  // exp 5 minutes ahead, the most the service accepts: a warm-up and a measured run fit well inside
  const input = `${header}.${part({ iss: clientId, sub: clientId, aud: audience, iat: now, exp: now + 300, jti: randomUUID() })}`;
  const signature = sign('sha256', Buffer.from(input), options).toString('base64url');
  if (!out.write(`${input}.${signature}\n`)) {
    await new Promise((resolve) => out.once('drain', resolve));
  }
}
out.end();
