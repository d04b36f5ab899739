/**
 * The kiosk's service worker (scope /k/): the kiosk page and its script and style are answered
 * from the network while it is there and from the cache when it is not, so a tablet that loses
 * its connection, or is restarted without one, still shows the survey. Answers never pass
 * through here: the page queues them in IndexedDB and sends them itself (widget/kiosk.ts).
 */
import { KIOSK_CACHE } from './kiosk-cache.ts';

interface ExtendableEvent { waitUntil(promise: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; respondWith(response: Promise<Response>): void }
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || !url.pathname.startsWith('/k/')) return;
  event.respondWith(fromNetworkElseCache(request));
});

async function fromNetworkElseCache(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return (await caches.match(request)) ?? Response.error();
  }
  // Kept before answering, so what the page just showed is what an offline start shows.
  if (response.ok) await (await caches.open(KIOSK_CACHE)).put(request, response.clone());
  return response;
}
