// Generates src/lib/api/schema.d.ts from the backend's OpenAPI document, docs/openapi.json at the
// repository's root (OPENAPI_DOC overrides the path).
//
//   npm run gen:api              write src/lib/api/schema.d.ts
//   npm run gen:api -- --check   fail when the committed file is not what generation makes (npm run lint)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const doc = path.resolve(root, process.env.OPENAPI_DOC ?? '../docs/openapi.json');
const out = path.join(root, 'src/lib/api/schema.d.ts');
const check = process.argv.includes('--check');
const shown = (file) => path.relative(process.cwd(), file);

if (!existsSync(doc)) {
  console.error(`gen-api: ${shown(doc)} is missing: the backend's build writes its OpenAPI document there.`);
  process.exit(1);
}

// The Node API rather than the CLI: the CLI would also pick up a redocly.yaml from the working directory.
const generated = COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(doc), { silent: true }));

if (!check) {
  writeFileSync(out, generated);
  console.log(`gen-api: wrote ${shown(out)} from ${shown(doc)}`);
  process.exit(0);
}

const committed = existsSync(out) ? readFileSync(out, 'utf8') : '';
if (committed === generated) process.exit(0);

const before = committed.split('\n');
const after = generated.split('\n');
let line = 0;
while (before[line] === after[line]) line += 1;
console.error(
  [
    `gen-api: ${shown(out)} is not what ${shown(doc)} generates; run \`npm run gen:api\` and commit the result.`,
    `  line ${line + 1} committed: ${before[line] ?? '(end of file)'}`,
    `  line ${line + 1} generated: ${after[line] ?? '(end of file)'}`,
  ].join('\n'),
);
process.exit(1);
