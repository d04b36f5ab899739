/** Writes docs/openapi.json from the route schemas (the same ones that validate requests). */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { openPglite } from '../src/db/connection.ts';
import { buildServer } from '../src/http/server.ts';

const db = await openPglite();
const app = await buildServer({ db, config: loadConfig({}) });
await app.ready();
const spec = app.swagger();
writeFileSync(new URL('../docs/openapi.json', import.meta.url), `${JSON.stringify(spec, null, 2)}\n`);
await app.close();
await db.close();
console.log(`docs/openapi.json: ${Object.keys((spec as { paths: object }).paths).length} paths`);
