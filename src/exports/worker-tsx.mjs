// Starts src/exports/worker.ts in a worker thread when Kaiku runs from its TypeScript sources
// (tests, `npx tsx`): a worker does not inherit tsx's loader, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
