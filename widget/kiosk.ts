/**
 * The kiosk page's script: a full-screen pulse for one touchpoint on a tablet. Every answer is
 * first written to an IndexedDB queue with an idempotency key made on the device, then sent;
 * an answer leaves the queue only when the server has acknowledged it (or refused it as
 * invalid, which no retry can fix). Without a network the queue simply grows and is sent when
 * the connection returns; a resend after a lost reply is stored once by its key. The page,
 * this script and the style are kept by the service worker (widget/kiosk-sw.ts).
 */
import { KIOSK_CACHE } from './kiosk-cache.ts';
import { el, randomId, runPulse, type PulseAnswer, type PulseContact, type PulseSurvey } from './pulse.ts';

interface KioskData {
  key: string;
  defaultLanguage: string;
  resetSeconds: number;
  /** Seconds without a touch mid-survey before starting over (set per kiosk in the distribution hub). */
  idleSeconds?: number;
  /** Per language: the survey, the language's own name and the "n answers waiting" text ({n}). */
  languages: Record<string, { name: string; survey: PulseSurvey; pending: string }>;
}

interface Queued {
  idempotencyKey: string;
  submittedAt: string;
  language: string;
  answers: PulseAnswer[];
  /** The customer's consent to be contacted, kept with the answer until the server has both. */
  contact?: PulseContact;
}

const data: KioskData = JSON.parse(document.getElementById('kiosk-data')!.textContent!);
const endpoint = `/api/v1/public/collectors/${encodeURIComponent(data.key)}/responses`;
const title = document.getElementById('title')!;
const pulse = document.getElementById('pulse')!;
const status = document.getElementById('status')!;
const languageBar = document.getElementById('languages')!;
let language = data.defaultLanguage;

function openQueue(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('kaiku-kiosk', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('queue', { keyPath: 'idempotencyKey' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
const queueDb = openQueue();

async function inQueue<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await queueDb;
  return new Promise((resolve, reject) => {
    const tx = db.transaction('queue', mode);
    const request = work(tx.objectStore('queue'));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
  });
}

async function showPending() {
  const count = await inQueue('readonly', (s) => s.count());
  status.textContent = count > 0 ? data.languages[language].pending.replace('{n}', String(count)) : '';
  document.documentElement.dataset.pending = String(count);
}

let syncing: Promise<void> | undefined;
let syncAgain = false;
/**
 * Sends the queue oldest first; stops at the first network failure and tries again later. A call
 * while a pass runs (the network returning while an offline attempt is still failing) asks for
 * one more pass after it, so the answers do not wait for the 30-s timer.
 */
function sync(): Promise<void> {
  if (syncing) {
    syncAgain = true;
    return syncing;
  }
  syncing = (async () => {
    const items = await inQueue<Queued[]>('readonly', (s) => s.getAll());
    items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    for (const item of items) {
      let response: Response;
      try {
        response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item) });
      } catch {
        break; // offline: keep everything for the next attempt
      }
      const invalid = response.status === 400 || response.status === 413;
      if (response.ok || invalid) {
        if (invalid) console.warn('Kaiku kiosk: the server refused a queued answer', await response.text());
        await inQueue('readwrite', (s) => s.delete(item.idempotencyKey));
      } else break; // 5xx, 429, a disabled kiosk: the answer waits
    }
  })().finally(() => {
    syncing = undefined;
    void showPending();
    if (syncAgain) {
      syncAgain = false;
      void sync();
    }
  });
  return syncing;
}

/**
 * A customer who leaves mid-survey: what they answered is kept and the kiosk starts over. An
 * address typed into the consent step is dropped with the screen: the next person must never see it.
 */
let resetTimer: number | undefined;
let idleTimer: number | undefined;
let current: ReturnType<typeof runPulse> | undefined;

function restartIdleTimer() {
  clearTimeout(idleTimer);
  idleTimer = window.setTimeout(() => {
    if (current && current.answered() > 0) current.finish();
    else start();
  }, (data.idleSeconds ?? 45) * 1000); // a page cached offline before the setting existed has none: the old fixed 45 s
}
for (const type of ['pointerdown', 'keydown', 'input']) addEventListener(type, restartIdleTimer, true);

function start(lang = data.defaultLanguage) {
  clearTimeout(resetTimer);
  clearTimeout(idleTimer);
  language = lang;
  const survey = data.languages[language].survey;
  document.documentElement.lang = language;
  title.textContent = survey.title;
  for (const button of languageBar.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  void showPending();
  current = runPulse(pulse, survey, { smileys: true, sharedDevice: true }, async (answers, contact) => {
    clearTimeout(idleTimer);
    const item: Queued = { idempotencyKey: randomId(), submittedAt: new Date().toISOString(), language, answers, ...(contact ? { contact } : {}) };
    await inQueue('readwrite', (s) => s.put(item));
    // The waiting count is shown before the thanks, so whoever reads the thanks (staff, a test)
    // reads the count that includes this answer, not a stale one still being recounted.
    await showPending();
    pulse.textContent = '';
    const thanks = el('p', { class: 'thanks', tabindex: '-1' }, survey.thanks);
    pulse.append(thanks);
    thanks.focus();
    void sync();
    resetTimer = window.setTimeout(() => start(), data.resetSeconds * 1000);
  });
}

for (const [code, entry] of Object.entries(data.languages)) {
  const button = el('button', { type: 'button', lang: code, 'data-lang': code }, entry.name);
  button.addEventListener('click', () => start(code));
  languageBar.append(button);
}
start();
document.documentElement.dataset.ready = 'true';
performance.mark('kaiku-kiosk-ready'); // bench/collection.ts: first question on screen, taps answered

addEventListener('online', () => void sync());
setInterval(() => void sync(), 30_000);
void sync();

// Keep the page itself for offline starts: the service worker serves it from this cache.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/k/sw.js', { scope: '/k/' })
    .then(() => navigator.serviceWorker.ready)
    .then(() => caches.open(KIOSK_CACHE))
    // With the organisation's theme stylesheet and logo, when the page links them (under /k/<key>/).
    .then((cache) => cache.addAll([location.pathname, '/k/kiosk.js', '/k/kiosk.css',
      ...Array.from(document.querySelectorAll<HTMLLinkElement | HTMLImageElement>('link[href*="/theme.css"], img.logo'), (e) => ('href' in e ? e.href : e.src))]))
    .then(() => { document.documentElement.dataset.offline = 'ready'; })
    .catch((error) => console.warn('Kaiku kiosk: offline mode unavailable', error));
}
