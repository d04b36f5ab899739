/** Texts of the notification bell (banner of every signed-in page) and /app/notifications in Finnish, Swedish, English and Polish. */
import type { UiLanguage } from './index.ts';
import { plural, type PluralForms } from './plural.ts';

export type NotificationFilter = 'all' | 'unread';

/** What a notification tells, from the notice stored with it. */
export interface NoticeWords { title: string; touchpoint: string | null; employee: string | null }

export interface NotificationStrings {
  title: string;
  /** The bell's accessible name, e.g. "Notifications (3 unread)". */
  bell: (unread: number) => string;
  intro: string;
  filterLabel: string;
  filters: Record<NotificationFilter, string>;
  /** "3 unread" after the heading. */
  unreadSummary: (unread: number) => string;
  caseAssigned: (n: NoticeWords) => string;
  caseEscalated: (n: NoticeWords) => string;
  praise: (n: NoticeWords) => string;
  other: (n: NoticeWords) => string;
  unreadMark: string;
  readMark: string;
  received: string;
  markRead: string;
  markAllRead: string;
  marked: (n: number) => string;
  emptyAll: string;
  emptyUnread: string;
  showAll: string;
  invalidFilter: string;
  pages: string;
}

const count = (language: UiLanguage, forms: PluralForms) => (n: number) => plural(language, n, forms);

function strings(language: UiLanguage, s: Omit<NotificationStrings, 'bell' | 'unreadSummary' | 'marked'> & { unread: PluralForms; marked: PluralForms }): NotificationStrings {
  const unread = count(language, s.unread);
  return { ...s, bell: (n) => `${s.title} (${unread(n)})`, unreadSummary: unread, marked: count(language, s.marked) };
}

const at = (word: string, place: string | null) => (place ? ` ${word} ${place}` : '');

const fi = strings('fi', {
  title: 'Ilmoitukset',
  unread: { one: '# lukematon', other: '# lukematonta' },
  intro: 'Sinulle osoitetut tapaukset, määräajan ylittäneet tapaukset ja asiakkaiden kiitokset. Uusimmat ensin.',
  filterLabel: 'Näytä ilmoitukset', filters: { all: 'Kaikki', unread: 'Lukemattomat' },
  caseAssigned: (n) => `Sinulle osoitettu tapaus: ${n.title}${n.touchpoint ? ` – ${n.touchpoint}` : ''}`,
  caseEscalated: (n) => `Määräaika ylittyi, tapaus eskaloitiin sinulle: ${n.title}${n.touchpoint ? ` – ${n.touchpoint}` : ''}`,
  praise: (n) => `Kiitosta asiakkaalta${n.employee ? ` (${n.employee})` : ''}: ${n.title}`,
  other: (n) => `Ilmoitus: ${n.title}`,
  unreadMark: 'Lukematon', readMark: 'Luettu', received: 'Saapui',
  markRead: 'Merkitse luetuksi', markAllRead: 'Merkitse kaikki luetuiksi',
  marked: { one: '# ilmoitus merkittiin luetuksi.', other: '# ilmoitusta merkittiin luetuiksi.' },
  emptyAll: 'Sinulla ei ole vielä ilmoituksia. Kun sinulle osoitetaan tapaus, tapauksesi määräaika ylittyy tai asiakas kiittää sinua tai tiimiäsi, siitä tulee ilmoitus tähän.',
  emptyUnread: 'Sinulla ei ole lukemattomia ilmoituksia.', showAll: 'Näytä kaikki ilmoitukset',
  invalidFilter: 'Rajaus ei kelpaa, joten näytetään kaikki ilmoitukset.', pages: 'Ilmoitussivut',
});

const sv = strings('sv', {
  title: 'Aviseringar',
  unread: { one: '# oläst', other: '# olästa' },
  intro: 'Ärenden som tilldelats dig, ärenden som passerat sin tidsfrist och beröm från kunder. Nyaste först.',
  filterLabel: 'Visa aviseringar', filters: { all: 'Alla', unread: 'Olästa' },
  caseAssigned: (n) => `Ärende tilldelat dig: ${n.title}${at('vid', n.touchpoint)}`,
  caseEscalated: (n) => `Tidsfristen har passerats och ärendet eskalerats till dig: ${n.title}${at('vid', n.touchpoint)}`,
  praise: (n) => `Beröm från en kund${n.employee ? ` till ${n.employee}` : ''}: ${n.title}`,
  other: (n) => `Avisering: ${n.title}`,
  unreadMark: 'Oläst', readMark: 'Läst', received: 'Mottagen',
  markRead: 'Markera som läst', markAllRead: 'Markera alla som lästa',
  marked: { one: '# avisering markerades som läst.', other: '# aviseringar markerades som lästa.' },
  emptyAll: 'Du har inga aviseringar ännu. När ett ärende tilldelas dig, ett av dina ärenden passerar sin tidsfrist eller en kund berömmer dig eller ditt team visas det här.',
  emptyUnread: 'Du har inga olästa aviseringar.', showAll: 'Visa alla aviseringar',
  invalidFilter: 'Filtret är ogiltigt, så alla aviseringar visas.', pages: 'Sidor med aviseringar',
});

const en = strings('en', {
  title: 'Notifications',
  unread: { one: '# unread', other: '# unread' },
  intro: 'Cases assigned to you, cases that missed their deadline and praise from customers. Newest first.',
  filterLabel: 'Show notifications', filters: { all: 'All', unread: 'Unread' },
  caseAssigned: (n) => `Case assigned to you: ${n.title}${at('at', n.touchpoint)}`,
  caseEscalated: (n) => `SLA breached, escalated to you: ${n.title}${at('at', n.touchpoint)}`,
  praise: (n) => `Praise from a customer${n.employee ? ` for ${n.employee}` : ''}: ${n.title}`,
  other: (n) => `Notification: ${n.title}`,
  unreadMark: 'Unread', readMark: 'Read', received: 'Received',
  markRead: 'Mark as read', markAllRead: 'Mark all as read',
  marked: { one: '# notification marked as read.', other: '# notifications marked as read.' },
  emptyAll: 'You have no notifications yet. When a case is assigned to you, one of your cases misses its deadline or a customer praises you or your team, it shows here.',
  emptyUnread: 'You have no unread notifications.', showAll: 'Show all notifications',
  invalidFilter: 'That filter is not valid, so all notifications are shown.', pages: 'Pages of notifications',
});

const pl = strings('pl', {
  title: 'Powiadomienia',
  unread: { one: '# nieprzeczytane', few: '# nieprzeczytane', many: '# nieprzeczytanych', other: '# nieprzeczytanego' },
  intro: 'Sprawy przypisane do Ciebie, sprawy po terminie i pochwały od klientów. Najnowsze na górze.',
  filterLabel: 'Pokaż powiadomienia', filters: { all: 'Wszystkie', unread: 'Nieprzeczytane' },
  caseAssigned: (n) => `Sprawa przypisana do Ciebie: ${n.title}${at('–', n.touchpoint)}`,
  caseEscalated: (n) => `Termin przekroczony, sprawa przekazana do Ciebie: ${n.title}${at('–', n.touchpoint)}`,
  praise: (n) => `Pochwała od klienta${n.employee ? ` dla: ${n.employee}` : ''}: ${n.title}`,
  other: (n) => `Powiadomienie: ${n.title}`,
  unreadMark: 'Nieprzeczytane', readMark: 'Przeczytane', received: 'Otrzymano',
  markRead: 'Oznacz jako przeczytane', markAllRead: 'Oznacz wszystkie jako przeczytane',
  marked: { one: '# powiadomienie oznaczono jako przeczytane.', few: '# powiadomienia oznaczono jako przeczytane.', many: '# powiadomień oznaczono jako przeczytane.', other: '# powiadomienia oznaczono jako przeczytane.' },
  emptyAll: 'Nie masz jeszcze powiadomień. Gdy ktoś przypisze Ci sprawę, Twoja sprawa przekroczy termin albo klient pochwali Ciebie lub Twój zespół, zobaczysz to tutaj.',
  emptyUnread: 'Nie masz nieprzeczytanych powiadomień.', showAll: 'Pokaż wszystkie powiadomienia',
  invalidFilter: 'Ten filtr jest nieprawidłowy, więc pokazano wszystkie powiadomienia.', pages: 'Strony powiadomień',
});

const texts: Record<UiLanguage, NotificationStrings> = { fi, sv, en, pl };

export const notificationsText = (language: UiLanguage): NotificationStrings => texts[language];
