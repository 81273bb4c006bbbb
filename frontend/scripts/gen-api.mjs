// Regenerates src/lib/api/schema.d.ts from the backend's OpenAPI document.
// OPENAPI_URL overrides the default (a backend on :8080, e.g. `make run`).
import { execFileSync } from 'node:child_process';

const url = process.env.OPENAPI_URL ?? 'http://localhost:8080/q/openapi?format=json';
execFileSync('npx', ['openapi-typescript', url, '--output', 'src/lib/api/schema.d.ts'], { stdio: 'inherit' });
