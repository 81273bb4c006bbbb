// DPoP proofs for the token_dpop bench row: COUNT ES256 proof JWTs (RFC 9449 §4.2), each with its own
// jti, one a line, signed with the PKCS#8 key in KEY_FILE and carrying its public JWK in the header.
// Each is accepted once per client (replays answer 400), so the bench needs at least as many as it sends
// requests. Every proof has iat = the moment this script starts: the service takes a proof at most 60 s
// old, so a run has to end within 60 s of that (bench/run.sh checks it). One worker thread a core signs
// its share into a file of its own, and the shares are joined into OUT_FILE: the sooner they are made,
// the more of the 60 s is left for the run.
//   node make_proofs.mjs KEY_FILE HTU COUNT OUT_FILE
import { createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

async function writeProofs({ keyFile, htu, iat, count, outFile }) {
  const key = createPrivateKey(readFileSync(keyFile));
  const { kty, crv, x, y } = createPublicKey(key).export({ format: 'jwk' }); // public members only
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } });
  const out = createWriteStream(outFile);
  for (let i = 0; i < count; i++) {
    const input = `${header}.${part({ jti: randomUUID(), htm: 'POST', htu, iat })}`;
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
    if (!out.write(`${input}.${signature}\n`)) {
      await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  out.end();
  await new Promise((resolve, reject) => out.once('finish', resolve).once('error', reject));
}

if (!isMainThread) {
  await writeProofs(workerData);
} else {
  const [keyFile, htu, countArg, outFile] = process.argv.slice(2);
  const count = Number(countArg);
  if (!outFile || !Number.isInteger(count) || count < 1) {
    console.error('usage: node make_proofs.mjs KEY_FILE HTU COUNT OUT_FILE');
    process.exit(2);
  }
  const iat = Math.floor(Date.now() / 1000);
  const workers = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(count / 10000)));
  const shares = Array.from({ length: workers }, (_, i) => ({
    keyFile,
    htu,
    iat,
    count: Math.floor(count / workers) + (i < count % workers ? 1 : 0),
    outFile: `${outFile}.${i}`,
  }));
  try {
    await Promise.all(
      shares.map(
        (share) =>
          new Promise((resolve, reject) => {
            new Worker(new URL(import.meta.url), { workerData: share })
              .once('error', reject)
              .once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a worker exited with ${code}`))));
          }),
      ),
    );
    const out = createWriteStream(outFile);
    for (const share of shares) {
      await pipeline(createReadStream(share.outFile), out, { end: false });
    }
    out.end();
    await new Promise((resolve, reject) => out.once('finish', resolve).once('error', reject));
  } finally {
    for (const share of shares) rmSync(share.outFile, { force: true });
  }
}
