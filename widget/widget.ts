/**
 * Kaiku's web widget, embedded on a customer's site:
 *
 *   <script>window.kaiku=window.kaiku||function(){(kaiku.q=kaiku.q||[]).push(arguments)}</script>
 *   <script async src="https://kaiku.example/widget.js" data-site-key="pk_…"></script>
 *
 * It fetches its site key's survey and triggers, waits for a trigger (page view rule, click
 * selector, exit intent or `kaiku('track', name)`), asks the server whether this visitor may
 * be asked now (frequency rule, also remembered in localStorage), then shows the pulse in a
 * shadow root so the page's CSS cannot reach it. Escape or Close dismisses it and gives focus
 * back to where it was. Served as one minified bundle (src/collection/bundles.ts).
 *
 * A site with signed-in customers adds `kaiku('identify', { externalId, signature })`, the
 * signature made by its backend (src/collection/identify.ts): the widget then shows that
 * contact's waiting web invitation from a pulse rule, once, and its answer is stored against it.
 */
import { el, randomId, runPulse, type PulseAnswer, type PulseContact, type PulseSurvey } from './pulse.ts';
import { widgetCss } from './widget-css.ts';

type Trigger =
  | { type: 'pageview'; urlPattern: string; delaySeconds?: number }
  | { type: 'click'; selector: string }
  | { type: 'exit_intent' }
  | { type: 'event'; name: string };

/** The organisation's theme (src/orgs/theme.ts): a brand colour with AA contrast to white, and a logo's address. */
interface Theme { brandColor: string | null; logo: string | null; organization: string }
interface WidgetConfig { survey: PulseSurvey; triggers: Trigger[]; frequencyDays: number; theme?: Theme }

type Call = [string, ...unknown[]];
/** The page's `kaiku` function: the snippet's stub queues calls in `q`; the widget's own one is `loaded`. */
type KaikuFn = ((...args: Call) => void) & { q?: Call[]; loaded?: boolean };


const script = document.currentScript as HTMLScriptElement | null;
const siteKey = script?.dataset.siteKey ?? '';
const base = script ? new URL(script.src).origin : '';
const api = `${base}/api/v1/public/collectors/${encodeURIComponent(siteKey)}`;
const store = window.localStorage;
const warn = (error: unknown) => console.warn('Kaiku widget:', error);

function visitorId(): string {
  const name = 'kaiku:visitor';
  let id = store.getItem(name);
  if (!id) store.setItem(name, (id = randomId()));
  return id;
}

const post = (path: string, body: unknown) =>
  fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), keepalive: true });

/** `*` matches any run of characters; the whole path must match. */
const pathMatches = (pattern: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(location.pathname);

/** A selector the browser cannot parse would throw on every click of the customer's page. */
function validSelector(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch (error) {
    warn(error);
    return false;
  }
}

function show(survey: PulseSurvey, theme: Theme | undefined, send: (answers: PulseAnswer[], contact?: PulseContact) => Promise<unknown>) {
  const returnFocus = document.activeElement as HTMLElement | null;
  const host = document.createElement('kaiku-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = widgetCss;
  const box = el('div', { class: 'box', role: 'dialog', 'aria-labelledby': 'kt', lang: survey.language });
  // The brand colour through the CSSOM (allowed under any style-src), and only a #rrggbb.
  if (theme?.brandColor && /^#[0-9a-f]{6}$/i.test(theme.brandColor)) box.style.setProperty('--brand', theme.brandColor);
  const close = el('button', { type: 'button', class: 'close', 'aria-label': survey.ui.close }, '×');
  const body = el('div', { 'aria-live': 'polite' });
  if (theme?.logo) box.append(el('img', { class: 'logo', src: theme.logo, alt: theme.organization }));
  box.append(el('h2', { id: 'kt' }, survey.title), close, body);
  shadow.append(style, box);
  document.body.append(host);

  const dismiss = () => {
    host.remove();
    returnFocus?.focus?.();
  };
  close.addEventListener('click', dismiss);
  box.addEventListener('keydown', (e) => { if (e.key === 'Escape') dismiss(); });

  runPulse(body, survey, { smileys: false }, (answers, contact) => {
    const thanks = el('p', { role: 'status', tabindex: '-1' }, survey.thanks);
    body.append(thanks);
    thanks.focus();
    send(answers, contact).catch(warn);
  });
}

type Identity = { externalId: string; signature: string };

/** The identified contact's waiting invitation, shown at once: the event that made it has happened. */
async function showInvitation(identity: Identity, seenKey: string, theme?: Theme) {
  const { invitation } = await (await post('/invitation', { externalId: identity.externalId, signature: identity.signature })).json() as
    { invitation?: { token: string; survey: PulseSurvey } | null };
  if (!invitation) return;
  // The same visit must not also get the widget's own survey.
  store.setItem(seenKey, String(Date.now()));
  const idempotencyKey = randomId();
  show(invitation.survey, theme, (answers) => post('/invitation/responses', { token: invitation.token, idempotencyKey, language: invitation.survey.language, answers }));
}

async function start() {
  if (!siteKey) return;
  const language = document.documentElement.lang || navigator.language;
  const config: WidgetConfig = await (await fetch(`${api}?lang=${encodeURIComponent(language.slice(0, 2).toLowerCase())}`)).json();
  // Without a survey of its own (closed, draft) the widget still shows identified contacts' invitations.
  if (!config.survey) config.triggers = [];
  const visitor = visitorId();
  const seenKey = `kaiku:shown:${siteKey}`;
  let fired = false;

  const ask = async () => {
    const shownAt = Number(store.getItem(seenKey) ?? 0);
    if (Date.now() - shownAt < config.frequencyDays * 86_400_000) return;
    // The server has the last word: the same visitor on another tab, or a cleared localStorage.
    const answer: { show: boolean } = await (await post('/show', { visitorId: visitor })).json();
    store.setItem(seenKey, String(Date.now()));
    if (answer.show) show(config.survey, config.theme, (answers, contact) => post('/responses', { idempotencyKey: randomId(), language: config.survey.language, answers, contact }));
  };
  const fire = () => {
    if (fired) return;
    fired = true;
    ask().catch(warn);
  };

  const pageviews = config.triggers.filter((t): t is Extract<Trigger, { type: 'pageview' }> => t.type === 'pageview');
  const pageView = () => {
    for (const t of pageviews) if (pathMatches(t.urlPattern)) setTimeout(fire, (t.delaySeconds ?? 0) * 1000);
  };
  pageView();
  // Single-page apps change the path without loading a page: each change is a page view too.
  if (pageviews.length > 0) {
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        pageView();
      };
    }
    addEventListener('popstate', pageView);
  }

  const events = new Set<string>();
  for (const t of config.triggers) {
    if (t.type === 'click' && validSelector(t.selector)) document.addEventListener('click', (e) => { if ((e.target as Element).closest?.(t.selector)) fire(); }, true);
    if (t.type === 'exit_intent') document.addEventListener('mouseout', (e) => { if (!e.relatedTarget && e.clientY <= 0) fire(); });
    if (t.type === 'event') events.add(t.name);
  }

  const queued = (window as unknown as { kaiku?: KaikuFn }).kaiku?.q ?? [];
  let identified = false;
  const kaiku: KaikuFn = (command, arg) => {
    if (command === 'track' && events.has(arg as string)) fire();
    if (command === 'identify' && !identified && arg) {
      identified = true;
      showInvitation(arg as Identity, seenKey, config.theme).catch(warn);
    }
  };
  kaiku.loaded = true;
  (window as unknown as { kaiku: KaikuFn }).kaiku = kaiku;
  for (const call of queued) kaiku(...call);
}

start().catch(warn);
