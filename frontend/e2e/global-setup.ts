import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the real service for the run: a fresh PostgreSQL database apiaccess_e2e_<random> on
 * PGHOST:PGPORT (127.0.0.1:5432, user postgres), the bundled quarkus-run.jar on a free port in the dev
 * profile (wallet "demo", admin/admin), and waits for /q/health/ready on its management port (the jar is a prod build). The teardown stops it
 * and drops the database.
 *
 * BACKEND_JAR picks another jar (default ../backend/target/quarkus-app/quarkus-run.jar).
 * E2E_BASE_URL + E2E_DB skip all this and use a service already running on that database.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const pg = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: process.env.PGPORT ?? '5432',
  user: process.env.PGUSER ?? 'postgres',
};
const pgArgs = ['-h', pg.host, '-p', pg.port, '-U', pg.user];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function javaBinary(): string {
  const java25 = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java';
  return existsSync(java25) ? java25 : 'java';
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited with ${child.exitCode}; see e2e/backend.log`);
    try {
      const response = await fetch(`${baseUrl}/q/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the backend was not ready within ${timeoutMs / 1000}s; see e2e/backend.log`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_BASE_URL) {
    process.env.E2E_DB ??= 'apiaccess';
    return async () => {};
  }
  const jar = path.resolve(here, process.env.BACKEND_JAR ?? '../../backend/target/quarkus-app/quarkus-run.jar');
  if (!existsSync(jar)) throw new Error(`no backend jar at ${jar}: build it first (npm run build, then mvn package)`);

  const db = `apiaccess_e2e_${Math.random().toString(36).slice(2, 10)}`;
  execFileSync('createdb', [...pgArgs, db], { stdio: 'inherit' });
  const port = await freePort();
  const managementPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const log = openSync(path.join(here, 'backend.log'), 'w');
  const child = spawn(
    javaBinary(),
    [
      `-Dquarkus.http.port=${port}`,
      '-Dquarkus.profile=dev',
      // The jar is a prod build: /q (health here) is on the management interface, on a port of its own.
      '-Dquarkus.management.enabled=true',
      '-Dquarkus.management.host=127.0.0.1',
      `-Dquarkus.management.port=${managementPort}`,
      `-Dapi-access.issuer=${baseUrl}`,
      `-Dquarkus.datasource.reactive.url=postgresql://${pg.host}:${pg.port}/${db}`,
      `-Dquarkus.datasource.jdbc.url=jdbc:postgresql://${pg.host}:${pg.port}/${db}`,
      `-Dquarkus.datasource.username=${pg.user}`,
      '-jar',
      jar,
    ],
    {
      stdio: ['ignore', log, log],
      // api-access.webhooks.allow-private=true: webhooks.spec.ts delivers to a receiver of its own on
      // 127.0.0.1, over http. As an environment variable, which a jar that has no such setting ignores
      // (a -D system property it does not know stops it).
      env: { ...process.env, API_ACCESS_WEBHOOKS_ALLOW_PRIVATE: 'true' },
    },
  );

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    try {
      execFileSync('dropdb', [...pgArgs, '--if-exists', '--force', db], { stdio: 'inherit' });
    } catch (error) {
      console.warn(`could not drop ${db}:`, error);
    }
  };

  try {
    await waitReady(`http://127.0.0.1:${managementPort}`, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const index = await fetch(`${baseUrl}/`);
  if (!(await index.text()).includes('id="root"')) {
    await stop();
    throw new Error(`${jar} does not serve the SPA at /: run npm run build before packaging the backend`);
  }
  // Workers inherit these.
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DB = db;
  return stop;
}
