// The bundle's budget, checked after `vite build` (npm run build): fails when a JS chunk outgrows it.
// Limits are ~20% above the sizes of the split by route and library (vite.config.ts); raise them on
// purpose, in the commit that needs it.
//
//   node scripts/check-bundle.mjs [dir]   dir: the build's output (vite.config.ts build.outDir)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1000;
/** Every chunk: today the largest are the react (311 kB, 98 kB gzip) and mantine (300 kB, 89 kB gzip) chunks. */
const CHUNK = { raw: 375 * KB, gzip: 120 * KB };
/** The entry chunk, the app shell every page loads first: today 56 kB, 19 kB gzip. */
const ENTRY = { raw: 70 * KB, gzip: 24 * KB };

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dir = path.resolve(root, process.argv[2] ?? '../backend/src/main/resources/META-INF/resources');
const assets = path.join(dir, 'assets');
const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const entries = new Set([...html.matchAll(/<script[^>]+src="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1]));
if (entries.size === 0) {
  console.error(`check-bundle: no entry script in ${path.join(dir, 'index.html')}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} kB`;
const over = [];
for (const file of readdirSync(assets).filter((name) => name.endsWith('.js'))) {
  const code = readFileSync(path.join(assets, file));
  const size = { raw: code.length, gzip: gzipSync(code).length };
  const limit = entries.has(file) ? ENTRY : CHUNK;
  if (size.raw > limit.raw || size.gzip > limit.gzip) {
    over.push(
      `  ${file}${entries.has(file) ? ' (entry)' : ''}: ${kb(size.raw)}, ${kb(size.gzip)} gzip; ` +
        `budget ${kb(limit.raw)}, ${kb(limit.gzip)} gzip`,
    );
  }
}
if (over.length > 0) {
  console.error(
    `check-bundle: over budget (split it further: a lazy route or component, or a library chunk)\n${over.join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `check-bundle: every JS chunk within budget (${kb(CHUNK.raw)} / ${kb(CHUNK.gzip)} gzip; entry ${kb(ENTRY.raw)} / ${kb(ENTRY.gzip)} gzip)`,
);
