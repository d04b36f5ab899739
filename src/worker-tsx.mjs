// Starts a worker thread's TypeScript entry (its file URL is the worker's argv[2]) when Kaiku
// runs from its sources (tests, `npx tsx`): a worker does not inherit tsx's loader, so it
// registers its own. The bundle `npm start` runs starts the built entries instead (src/threads.ts).
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
