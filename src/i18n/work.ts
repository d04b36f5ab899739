/**
 * Texts of the dashboard's working pages: the case inbox and case page, and the set-up pages
 * (users, API keys, webhooks, alert rules, pulse rules), in the four UI languages. One object
 * per language with the same keys (the type enforces it).
 */
import type { UiLanguage } from './index.ts';
import type { CasePriority as Priority, CaseStatus as Status, Role as RoleName } from '../vocabulary.ts';

export interface WorkStrings {
  common: {
    errorHeading: string; required: string; invalidEmail: string; number: (min: number, max: number) => string; choose: string;
    tooLong: (max: number) => string; confirmHeading: string; confirm: string; cancel: string; save: string; back: string; none: string;
    yes: string; no: string; name: string; created: string; status: string; actions: string; nextPage: string; firstPage: string;
    active: string; disabled: string; saved: string; notValid: (detail: string) => string; notFound: string; toDashboard: string;
  };
  status: Record<Status, string>;
  priority: Record<Priority, string>;
  roles: Record<RoleName, string>;
  cases: {
    title: string; intro: string; tabsLabel: string; tabs: { mine: string; unit: string; all: string };
    filtersHeading: string; status: string; anyStatus: string; openOnly: string; priority: string; anyPriority: string;
    sla: string; slaAny: string; slaBreached: string; slaKept: string; touchpoint: string; allTouchpoints: string; unit: string; allUnits: string;
    from: string; to: string; apply: string; reset: string; invalidFilter: (names: string) => string;
    caption: (count: number) => string; select: (title: string) => string; columns: { title: string; status: string; priority: string; owner: string; unit: string; touchpoint: string; due: string; created: string };
    overdue: string; unassigned: string; empty: string; emptyFiltered: string;
    bulkHeading: string; bulkIntro: string; bulkAction: string; bulk: { assign: string; status: string; priority: string; close: string };
    owner: string; newStatus: string; newPriority: string; reason: string; reasonHint: string; bulkSubmit: string;
    confirmBulk: (count: number) => string; noneSelected: string; bulkDone: (done: number, failed: number) => string; failedItem: (title: string, why: string) => string;
  };
  casePage: {
    details: string; kind: Record<'problem' | 'praise', string>; due: string; owner: string; unit: string; touchpoint: string; employee: string; createdAt: string;
    answerHeading: string; noResponse: string; contact: string; contactHidden: string; redactedNote: string; dontKnow: string;
    timelineHeading: string; timelineEmpty: string; someone: string; system: string;
    event: {
      created: (routedBy: string) => string; assigned: (to: string) => string; unassigned: string; status: (from: string, to: string) => string; reopened: string;
      note: string; priority: (from: string, to: string) => string; rootCause: (code: string) => string; resolution: string; followUpSent: (subject: string) => string;
      resurveySent: string; followUpAnswer: (score: string) => string; solved: (yes: boolean) => string; recovered: (yes: boolean) => string; escalated: string; other: (kind: string) => string;
    };
    resurveyResult: string; noResurvey: string;
    actionsHeading: string; assign: string; assignTo: string; assignSubmit: string; comment: string; commentSubmit: string;
    changeStatus: string; statusTo: string; resolution: string; resolutionHint: string; statusSubmit: string; finalStatus: string;
    followUpHeading: string; subject: string; message: string; followUpSubmit: string; noContact: string; resurveyHeading: string; resurveyIntro: string; resurveySubmit: string;
    done: { assigned: string; noted: string; status: string; followUp: string; resurvey: string };
    needResolution: string; notAllowed: string;
  };
  setup: {
    title: string; intro: string;
    sections: { users: [string, string]; apiKeys: [string, string]; webhooks: [string, string]; alertRules: [string, string]; pulseRules: [string, string] };
    users: {
      caption: string; email: string; role: string; unit: string; noUnit: string; language: string; inviteHeading: string; inviteIntro: string; invite: string;
      invited: (email: string) => string; changeRole: (name: string) => string; changeRoleSubmit: string; deactivate: string; reactivate: string;
      confirmDeactivate: (name: string) => string; managerNeedsUnit: string; emailTaken: string; notYourself: string;
    };
    apiKeys: {
      caption: string; scopes: string; scopeNames: Record<'read' | 'write' | 'admin', string>; rateLimit: string; rateLimitHint: string; lastUsed: string; never: string;
      createHeading: string; create: string; secretHeading: string; secretOnce: string; revoke: string; confirmRevoke: (name: string) => string; revoked: string;
    };
    webhooks: {
      caption: string; url: string; urlHint: string; events: string; createHeading: string; create: string; secretHeading: string; secretOnce: string;
      disable: string; enable: string; deliveries: string; deliveriesOf: (url: string) => string; event: string; attempts: string; code: string; lastError: string;
      deliveryStatus: string; replay: string; replayed: string; noDeliveries: string; noWebhooks: string; disabledNoReplay: string; badUrl: (detail: string) => string;
    };
    alertRules: {
      caption: string; none: string; newRule: string; editTitle: (name: string) => string; newTitle: string; kind: string; kinds: Record<'problem' | 'praise', string>;
      conditionHeading: string; conditionIntro: string; combinator: string; all: string; any: string; row: (n: number) => string; field: string; fields: Record<ConditionField, string>;
      key: string; keyHint: string; op: string; ops: Record<ConditionOp, string>; value: string; valueHint: string; moreRows: string; json: string; jsonHint: string; badJson: string; needCondition: string;
      routeHeading: string; routeTo: string; routes: Record<'touchpoint_owner' | 'user' | 'round_robin' | 'employee', string>; routeUser: string; routeUnit: string;
      priority: string; slaHours: string; slaHint: string; enabled: string; save: string; created: string; saved: string; conditionSummary: string; route: string;
    };
    pulseRules: {
      caption: string; none: string; newRule: string; newTitle: string; editTitle: (name: string) => string; touchpoint: string; survey: string; delay: string; delayHint: string;
      channels: string; channelNames: Record<'email' | 'sms' | 'web', string>; sampling: string; samplingHint: string; quietStart: string; quietEnd: string; quietHint: string;
      expiry: string; reminder: string; reminderHint: string; enabled: string; pause: string; resume: string; paused: string; save: string; created: string; saved: string;
      noSurveys: string; time: string;
    };
  };
}

export type ConditionField = 'nps' | 'answer' | 'likert' | 'text' | 'keyword' | 'topic' | 'touchpoint' | 'unit' | 'segment' | 'contact';
export type ConditionOp = 'eq' | 'lte' | 'gte' | 'in' | 'dont_know' | 'exists';

const en: WorkStrings = {
  common: {
    errorHeading: 'There is a problem', required: 'Fill in this field.', invalidEmail: 'Enter an e-mail address such as name@example.com.',
    number: (min, max) => `Enter a whole number from ${min} to ${max}.`, choose: 'Choose one of the options.', tooLong: (max) => `Use at most ${max} characters.`,
    confirmHeading: 'Please confirm', confirm: 'Yes, continue', cancel: 'Cancel', save: 'Save', back: 'Back', none: '–', yes: 'Yes', no: 'No', name: 'Name',
    created: 'Created', status: 'Status', actions: 'Actions', nextPage: 'Next page', firstPage: 'First page', active: 'Active', disabled: 'Disabled', saved: 'Saved.',
    notValid: (detail) => `This is not valid (${detail}).`, notFound: 'Not found: it does not exist, or it is not yours to see.', toDashboard: 'Back to the dashboard',
  },
  status: { new: 'New', in_progress: 'In progress', waiting_customer: 'Waiting for the customer', resolved: 'Resolved', closed: 'Closed' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  roles: { admin: 'Administrator', analyst: 'Analyst', unit_manager: 'Unit manager', frontline: 'Frontline', viewer: 'Viewer' },
  cases: {
    title: 'Cases', intro: 'Feedback that needs someone to act: open a case, work it and close the loop with the customer.',
    tabsLabel: 'Inbox', tabs: { mine: 'Mine', unit: 'My unit', all: 'All' },
    filtersHeading: 'Filter cases', status: 'Status', anyStatus: 'Any status', openOnly: 'Open (not resolved or closed)', priority: 'Priority', anyPriority: 'Any priority',
    sla: 'SLA', slaAny: 'Any', slaBreached: 'Breached', slaKept: 'Not breached', touchpoint: 'Touchpoint', allTouchpoints: 'All touchpoints', unit: 'Unit', allUnits: 'All units',
    from: 'Created from', to: 'Created to', apply: 'Apply filters', reset: 'Clear filters', invalidFilter: (names) => `These filters were not understood and are ignored: ${names}.`,
    caption: (count) => `Cases (${count} on this page)`, select: (title) => `Select “${title}”`,
    columns: { title: 'Case', status: 'Status', priority: 'Priority', owner: 'Owner', unit: 'Unit', touchpoint: 'Touchpoint', due: 'Due', created: 'Created' },
    overdue: 'SLA breached', unassigned: 'Unassigned', empty: 'No cases here. New cases appear when alert rules match feedback.', emptyFiltered: 'No cases match these filters.',
    bulkHeading: 'Act on the selected cases', bulkIntro: 'Tick cases in the table, choose what to do, and confirm on the next page.', bulkAction: 'Action',
    bulk: { assign: 'Assign to', status: 'Change status', priority: 'Change priority', close: 'Close with a reason' },
    owner: 'Owner', newStatus: 'New status', newPriority: 'New priority', reason: 'Reason', reasonHint: 'Needed to close: it is saved as the resolution.', bulkSubmit: 'Continue',
    confirmBulk: (count) => `You are about to change ${count} ${count === 1 ? 'case' : 'cases'}:`, noneSelected: 'Select at least one case in the table.',
    bulkDone: (done, failed) => `${done} ${done === 1 ? 'case' : 'cases'} changed${failed ? `, ${failed} could not be changed` : ''}.`, failedItem: (title, why) => `${title}: ${why}`,
  },
  casePage: {
    details: 'Details', kind: { problem: 'Problem', praise: 'Praise' }, due: 'Due', owner: 'Owner', unit: 'Unit', touchpoint: 'Touchpoint', employee: 'Employee', createdAt: 'Opened',
    answerHeading: 'The customer’s answer', noResponse: 'This case has no survey answer.', contact: 'Customer', contactHidden: 'Hidden for your role',
    redactedNote: 'Personal data in the text (e-mail, phone, IBAN, personal identity code) is hidden for your role.', dontKnow: 'Don’t know',
    timelineHeading: 'Timeline', timelineEmpty: 'Nothing has happened yet.', someone: 'Someone', system: 'Kaiku',
    event: {
      created: (routedBy) => `Case opened${routedBy ? ` (${routedBy})` : ''}`, assigned: (to) => `Assigned to ${to}`, unassigned: 'Unassigned', status: (from, to) => `Status: ${from} → ${to}`,
      reopened: 'Reopened', note: 'Note', priority: (from, to) => `Priority: ${from} → ${to}`, rootCause: (code) => `Root cause: ${code}`, resolution: 'Resolution',
      followUpSent: (subject) => `Follow-up e-mail sent: “${subject}”`, resurveySent: 'Re-survey sent to the customer', followUpAnswer: (score) => `The customer answered again: ${score}`,
      solved: (yes) => (yes ? 'says it is solved' : 'says it is not solved'), recovered: (yes) => (yes ? 'recovered (no longer a detractor)' : 'still a detractor'),
      escalated: 'Escalated: the SLA was breached', other: (kind) => kind,
    },
    resurveyResult: 'Re-survey result', noResurvey: 'No answer to a re-survey yet.',
    actionsHeading: 'Work on this case', assign: 'Assign', assignTo: 'Owner', assignSubmit: 'Assign', comment: 'Add a note', commentSubmit: 'Add note',
    changeStatus: 'Change status', statusTo: 'New status', resolution: 'Resolution', resolutionHint: 'Needed to resolve: what was done.', statusSubmit: 'Change status',
    finalStatus: 'This case can go nowhere from here.',
    followUpHeading: 'E-mail the customer', subject: 'Subject (optional)', message: 'Message', followUpSubmit: 'Send e-mail', noContact: 'The customer left no e-mail address, or has no contact record.',
    resurveyHeading: 'Ask whether it is solved', resurveyIntro: 'Sends the customer a one-question re-survey with a personal link (once, after resolving).', resurveySubmit: 'Send re-survey',
    done: { assigned: 'The case was assigned.', noted: 'The note was added.', status: 'The status was changed.', followUp: 'The e-mail was sent.', resurvey: 'The re-survey was sent.' },
    needResolution: 'Write the resolution to resolve the case.', notAllowed: 'This change is not possible now.',
  },
  setup: {
    title: 'Set-up', intro: 'Who may use Kaiku, what it connects to, and how feedback is asked for and acted on.',
    sections: {
      users: ['Users and roles', 'Invite people, change their role, deactivate them.'], apiKeys: ['API keys', 'Keys for other systems, with scopes; revoke a key here.'],
      webhooks: ['Webhooks', 'Where Kaiku sends events, and the log of deliveries.'], alertRules: ['Alert rules', 'Which answers open a case, for whom, how urgently.'],
      pulseRules: ['Distribution rules', 'When and how customers are asked after a touchpoint.'],
    },
    users: {
      caption: 'Users', email: 'E-mail address', role: 'Role', unit: 'Unit', noUnit: 'No unit', language: 'Language', inviteHeading: 'Invite a user',
      inviteIntro: 'The person gets an e-mail with a link to set their password.', invite: 'Send invitation', invited: (email) => `${email} was invited.`,
      changeRole: (name) => `Role of ${name}`, changeRoleSubmit: 'Change', deactivate: 'Deactivate', reactivate: 'Reactivate',
      confirmDeactivate: (name) => `Deactivate ${name}? They can no longer sign in.`, managerNeedsUnit: 'A unit manager needs a unit.', emailTaken: 'A user with this e-mail address exists.',
      notYourself: 'You cannot deactivate yourself or change your own role.',
    },
    apiKeys: {
      caption: 'API keys', scopes: 'Scopes', scopeNames: { read: 'Read', write: 'Write data', admin: 'Administer' }, rateLimit: 'Requests per minute (optional)',
      rateLimitHint: 'Empty: the server default.', lastUsed: 'Last used', never: 'Never', createHeading: 'Create a key', create: 'Create key',
      secretHeading: 'Your new key', secretOnce: 'Copy the key now: it is shown only this once.', revoke: 'Revoke', confirmRevoke: (name) => `Revoke the key “${name}”? Systems using it stop working at once.`,
      revoked: 'Revoked',
    },
    webhooks: {
      caption: 'Webhooks', url: 'Address (URL)', urlHint: 'https:// address that receives signed POST requests.', events: 'Events', createHeading: 'Add a webhook', create: 'Add webhook',
      secretHeading: 'Signing secret', secretOnce: 'Copy the signing secret now: it is shown only this once.', disable: 'Disable', enable: 'Enable', deliveries: 'Delivery log',
      deliveriesOf: (url) => `Deliveries to ${url}`, event: 'Event', attempts: 'Attempts', code: 'HTTP status', lastError: 'Last error', deliveryStatus: 'Status', replay: 'Send again',
      replayed: 'The delivery was queued again.', noDeliveries: 'Nothing has been sent yet.', noWebhooks: 'No webhooks yet.', disabledNoReplay: 'Enable the webhook before sending again.',
      badUrl: (detail) => `This address cannot be used (${detail}).`,
    },
    alertRules: {
      caption: 'Alert rules', none: 'No alert rules yet: no case is opened automatically.', newRule: 'New alert rule', editTitle: (name) => `Alert rule: ${name}`, newTitle: 'New alert rule',
      kind: 'Kind', kinds: { problem: 'Problem', praise: 'Praise' }, conditionHeading: 'When', conditionIntro: 'Fill in one row per condition. Empty rows are ignored.',
      combinator: 'Combine the conditions with', all: 'AND (all must hold)', any: 'OR (any may hold)', row: (n) => `Condition ${n}`, field: 'What',
      fields: { nps: 'NPS group', answer: 'Answer to a question', likert: 'Agreement statement', text: 'Sentiment of the text', keyword: 'Keyword in the text', topic: 'Topic of the text', touchpoint: 'Touchpoint', unit: 'Unit (with sub-units)', segment: 'Segment', contact: 'Customer attribute' },
      key: 'Question or attribute', keyHint: 'The question key (e.g. nps) or the customer attribute.', op: 'Comparison',
      ops: { eq: 'is', lte: 'at most', gte: 'at least', in: 'is one of', dont_know: 'answered don’t know', exists: 'is set' },
      value: 'Value', valueHint: 'Several values: separate with commas. NPS group: detractor, passive or promoter. Sentiment: negative, neutral or positive.',
      moreRows: 'Add a row', json: 'Condition as JSON (advanced)', jsonHint: 'Used instead of the rows when they are all empty; see docs/api.md.', badJson: 'This is not valid JSON.',
      needCondition: 'Give at least one condition.', routeHeading: 'Then open a case for', routeTo: 'Owner', routes: { touchpoint_owner: 'The touchpoint’s owner', user: 'A person', round_robin: 'Members of a unit in turn', employee: 'The employee named in the answer' },
      routeUser: 'Person', routeUnit: 'Unit', priority: 'Priority', slaHours: 'SLA (business hours)', slaHint: '0–2000 hours.', enabled: 'Enabled', save: 'Save rule',
      created: 'The rule was created.', saved: 'The rule was saved.', conditionSummary: 'Condition', route: 'Owner',
    },
    pulseRules: {
      caption: 'Distribution rules', none: 'No distribution rules yet.', newRule: 'New distribution rule', newTitle: 'New distribution rule', editTitle: (name) => `Distribution rule: ${name}`,
      touchpoint: 'Touchpoint', survey: 'Survey', delay: 'Delay (minutes)', delayHint: 'How long after the touchpoint event to ask.', channels: 'Channels',
      channelNames: { email: 'E-mail', sms: 'Text message', web: 'Web' }, sampling: 'Sampling (%)', samplingHint: 'Share of events that get an invitation, 1–100.',
      quietStart: 'Quiet hours start', quietEnd: 'Quiet hours end', quietHint: 'HH:MM; leave both empty for none.', expiry: 'Invitation valid (hours)', reminder: 'Reminder after (days)',
      reminderHint: 'Empty: no reminder.', enabled: 'Enabled', pause: 'Pause', resume: 'Resume', paused: 'Paused', save: 'Save rule', created: 'The rule was created.', saved: 'The rule was saved.',
      noSurveys: 'Create a touchpoint and a survey first.', time: 'Enter a time as HH:MM.',
    },
  },
};

const fi: WorkStrings = {
  common: {
    errorHeading: 'Tarkista tiedot', required: 'Täytä tämä kenttä.', invalidEmail: 'Anna sähköpostiosoite, esim. nimi@example.com.',
    number: (min, max) => `Anna kokonaisluku väliltä ${min}–${max}.`, choose: 'Valitse jokin vaihtoehdoista.', tooLong: (max) => `Enintään ${max} merkkiä.`,
    confirmHeading: 'Vahvista', confirm: 'Kyllä, jatka', cancel: 'Peruuta', save: 'Tallenna', back: 'Takaisin', none: '–', yes: 'Kyllä', no: 'Ei', name: 'Nimi',
    created: 'Luotu', status: 'Tila', actions: 'Toiminnot', nextPage: 'Seuraava sivu', firstPage: 'Ensimmäinen sivu', active: 'Käytössä', disabled: 'Pois käytöstä', saved: 'Tallennettu.',
    notValid: (detail) => `Tämä ei kelpaa (${detail}).`, notFound: 'Ei löytynyt: sitä ei ole, tai se ei näy sinulle.', toDashboard: 'Takaisin etusivulle',
  },
  status: { new: 'Uusi', in_progress: 'Työn alla', waiting_customer: 'Odottaa asiakasta', resolved: 'Ratkaistu', closed: 'Suljettu' },
  priority: { low: 'Matala', normal: 'Normaali', high: 'Korkea', urgent: 'Kiireellinen' },
  roles: { admin: 'Pääkäyttäjä', analyst: 'Analyytikko', unit_manager: 'Yksikön esihenkilö', frontline: 'Asiakaspalvelija', viewer: 'Katselija' },
  cases: {
    title: 'Tapaukset', intro: 'Palaute, johon jonkun pitää tarttua: avaa tapaus, hoida se ja sulje silmukka asiakkaan kanssa.',
    tabsLabel: 'Saapuneet', tabs: { mine: 'Omat', unit: 'Yksikköni', all: 'Kaikki' },
    filtersHeading: 'Suodata tapauksia', status: 'Tila', anyStatus: 'Mikä tahansa tila', openOnly: 'Avoimet (ei ratkaistu tai suljettu)', priority: 'Prioriteetti', anyPriority: 'Mikä tahansa prioriteetti',
    sla: 'SLA', slaAny: 'Kaikki', slaBreached: 'Ylittynyt', slaKept: 'Ei ylittynyt', touchpoint: 'Kosketuspiste', allTouchpoints: 'Kaikki kosketuspisteet', unit: 'Yksikkö', allUnits: 'Kaikki yksiköt',
    from: 'Luotu alkaen', to: 'Luotu asti', apply: 'Suodata', reset: 'Tyhjennä suodattimet', invalidFilter: (names) => `Näitä suodattimia ei ymmärretty, ja ne ohitetaan: ${names}.`,
    caption: (count) => `Tapaukset (${count} tällä sivulla)`, select: (title) => `Valitse ”${title}”`,
    columns: { title: 'Tapaus', status: 'Tila', priority: 'Prioriteetti', owner: 'Vastuuhenkilö', unit: 'Yksikkö', touchpoint: 'Kosketuspiste', due: 'Määräaika', created: 'Luotu' },
    overdue: 'SLA ylittynyt', unassigned: 'Ei vastuuhenkilöä', empty: 'Ei tapauksia. Uusia tapauksia syntyy, kun hälytyssäännöt osuvat palautteeseen.', emptyFiltered: 'Yksikään tapaus ei vastaa suodattimia.',
    bulkHeading: 'Valittujen tapausten käsittely', bulkIntro: 'Rastita tapaukset taulukosta, valitse toiminto ja vahvista seuraavalla sivulla.', bulkAction: 'Toiminto',
    bulk: { assign: 'Anna vastuuhenkilölle', status: 'Vaihda tila', priority: 'Vaihda prioriteetti', close: 'Sulje perustellen' },
    owner: 'Vastuuhenkilö', newStatus: 'Uusi tila', newPriority: 'Uusi prioriteetti', reason: 'Perustelu', reasonHint: 'Tarvitaan suljettaessa: tallentuu ratkaisuksi.', bulkSubmit: 'Jatka',
    confirmBulk: (count) => `Olet muuttamassa ${count} ${count === 1 ? 'tapausta' : 'tapausta'}:`, noneSelected: 'Valitse taulukosta vähintään yksi tapaus.',
    bulkDone: (done, failed) => `${done} tapausta muutettu${failed ? `, ${failed} ei voitu muuttaa` : ''}.`, failedItem: (title, why) => `${title}: ${why}`,
  },
  casePage: {
    details: 'Tiedot', kind: { problem: 'Ongelma', praise: 'Kiitos' }, due: 'Määräaika', owner: 'Vastuuhenkilö', unit: 'Yksikkö', touchpoint: 'Kosketuspiste', employee: 'Työntekijä', createdAt: 'Avattu',
    answerHeading: 'Asiakkaan vastaus', noResponse: 'Tapaukseen ei liity kyselyvastausta.', contact: 'Asiakas', contactHidden: 'Piilotettu roolillesi',
    redactedNote: 'Tekstin henkilötiedot (sähköposti, puhelin, IBAN, henkilötunnus) on piilotettu roolillesi.', dontKnow: 'En osaa sanoa',
    timelineHeading: 'Aikajana', timelineEmpty: 'Mitään ei ole vielä tapahtunut.', someone: 'Joku', system: 'Kaiku',
    event: {
      created: (routedBy) => `Tapaus avattu${routedBy ? ` (${routedBy})` : ''}`, assigned: (to) => `Vastuuhenkilöksi ${to}`, unassigned: 'Vastuuhenkilö poistettu', status: (from, to) => `Tila: ${from} → ${to}`,
      reopened: 'Avattu uudelleen', note: 'Muistiinpano', priority: (from, to) => `Prioriteetti: ${from} → ${to}`, rootCause: (code) => `Juurisyy: ${code}`, resolution: 'Ratkaisu',
      followUpSent: (subject) => `Seurantaviesti lähetetty: ”${subject}”`, resurveySent: 'Uusintakysely lähetetty asiakkaalle', followUpAnswer: (score) => `Asiakas vastasi uudelleen: ${score}`,
      solved: (yes) => (yes ? 'asia on ratkennut' : 'asia ei ole ratkennut'), recovered: (yes) => (yes ? 'palautunut (ei enää arvostelija)' : 'yhä arvostelija'),
      escalated: 'Eskaloitu: SLA ylittyi', other: (kind) => kind,
    },
    resurveyResult: 'Uusintakyselyn tulos', noResurvey: 'Uusintakyselyyn ei ole vielä vastattu.',
    actionsHeading: 'Käsittele tapausta', assign: 'Vastuuhenkilö', assignTo: 'Vastuuhenkilö', assignSubmit: 'Vaihda', comment: 'Lisää muistiinpano', commentSubmit: 'Lisää muistiinpano',
    changeStatus: 'Vaihda tila', statusTo: 'Uusi tila', resolution: 'Ratkaisu', resolutionHint: 'Tarvitaan ratkaistaessa: mitä tehtiin.', statusSubmit: 'Vaihda tila',
    finalStatus: 'Tapaus ei voi siirtyä tästä mihinkään.',
    followUpHeading: 'Lähetä asiakkaalle sähköpostia', subject: 'Aihe (valinnainen)', message: 'Viesti', followUpSubmit: 'Lähetä', noContact: 'Asiakas ei jättänyt sähköpostiosoitetta tai häntä ei tunneta.',
    resurveyHeading: 'Kysy, ratkesiko asia', resurveyIntro: 'Lähettää asiakkaalle yhden kysymyksen uusintakyselyn henkilökohtaisella linkillä (kerran, ratkaisun jälkeen).', resurveySubmit: 'Lähetä uusintakysely',
    done: { assigned: 'Vastuuhenkilö vaihdettiin.', noted: 'Muistiinpano lisättiin.', status: 'Tila vaihdettiin.', followUp: 'Viesti lähetettiin.', resurvey: 'Uusintakysely lähetettiin.' },
    needResolution: 'Kirjoita ratkaisu, jotta tapauksen voi ratkaista.', notAllowed: 'Tämä muutos ei ole nyt mahdollinen.',
  },
  setup: {
    title: 'Asetukset', intro: 'Kuka Kaikua käyttää, mihin se on kytketty ja miten palautetta kysytään ja siihen tartutaan.',
    sections: {
      users: ['Käyttäjät ja roolit', 'Kutsu käyttäjiä, vaihda rooleja, poista käytöstä.'], apiKeys: ['API-avaimet', 'Avaimet muille järjestelmille oikeuksineen; peru avain täällä.'],
      webhooks: ['Webhookit', 'Minne Kaiku lähettää tapahtumat, ja toimitusloki.'], alertRules: ['Hälytyssäännöt', 'Mitkä vastaukset avaavat tapauksen, kenelle ja kuinka kiireellisenä.'],
      pulseRules: ['Jakelusäännöt', 'Milloin ja miten asiakkaalta kysytään kosketuspisteen jälkeen.'],
    },
    users: {
      caption: 'Käyttäjät', email: 'Sähköpostiosoite', role: 'Rooli', unit: 'Yksikkö', noUnit: 'Ei yksikköä', language: 'Kieli', inviteHeading: 'Kutsu käyttäjä',
      inviteIntro: 'Henkilö saa sähköpostin, jonka linkistä hän asettaa salasanansa.', invite: 'Lähetä kutsu', invited: (email) => `${email} kutsuttiin.`,
      changeRole: (name) => `Käyttäjän ${name} rooli`, changeRoleSubmit: 'Vaihda', deactivate: 'Poista käytöstä', reactivate: 'Ota käyttöön',
      confirmDeactivate: (name) => `Poistetaanko ${name} käytöstä? Hän ei voi enää kirjautua.`, managerNeedsUnit: 'Yksikön esihenkilölle tarvitaan yksikkö.', emailTaken: 'Tällä sähköpostiosoitteella on jo käyttäjä.',
      notYourself: 'Et voi poistaa itseäsi käytöstä etkä vaihtaa omaa rooliasi.',
    },
    apiKeys: {
      caption: 'API-avaimet', scopes: 'Oikeudet', scopeNames: { read: 'Luku', write: 'Tietojen kirjoitus', admin: 'Hallinta' }, rateLimit: 'Pyyntöjä minuutissa (valinnainen)',
      rateLimitHint: 'Tyhjä: palvelimen oletus.', lastUsed: 'Viimeksi käytetty', never: 'Ei koskaan', createHeading: 'Luo avain', create: 'Luo avain',
      secretHeading: 'Uusi avaimesi', secretOnce: 'Kopioi avain nyt: se näytetään vain tämän kerran.', revoke: 'Peru', confirmRevoke: (name) => `Perutaanko avain ”${name}”? Sitä käyttävät järjestelmät lakkaavat toimimasta heti.`,
      revoked: 'Peruttu',
    },
    webhooks: {
      caption: 'Webhookit', url: 'Osoite (URL)', urlHint: 'https://-osoite, joka vastaanottaa allekirjoitetut POST-pyynnöt.', events: 'Tapahtumat', createHeading: 'Lisää webhook', create: 'Lisää webhook',
      secretHeading: 'Allekirjoitusavain', secretOnce: 'Kopioi allekirjoitusavain nyt: se näytetään vain tämän kerran.', disable: 'Poista käytöstä', enable: 'Ota käyttöön', deliveries: 'Toimitusloki',
      deliveriesOf: (url) => `Toimitukset osoitteeseen ${url}`, event: 'Tapahtuma', attempts: 'Yrityksiä', code: 'HTTP-tila', lastError: 'Viimeisin virhe', deliveryStatus: 'Tila', replay: 'Lähetä uudelleen',
      replayed: 'Toimitus lähetetään uudelleen.', noDeliveries: 'Mitään ei ole vielä lähetetty.', noWebhooks: 'Ei webhookeja.', disabledNoReplay: 'Ota webhook käyttöön ennen uudelleenlähetystä.',
      badUrl: (detail) => `Tätä osoitetta ei voi käyttää (${detail}).`,
    },
    alertRules: {
      caption: 'Hälytyssäännöt', none: 'Ei hälytyssääntöjä: tapauksia ei avata automaattisesti.', newRule: 'Uusi hälytyssääntö', editTitle: (name) => `Hälytyssääntö: ${name}`, newTitle: 'Uusi hälytyssääntö',
      kind: 'Laji', kinds: { problem: 'Ongelma', praise: 'Kiitos' }, conditionHeading: 'Kun', conditionIntro: 'Yksi ehto riviä kohden. Tyhjät rivit ohitetaan.',
      combinator: 'Yhdistä ehdot', all: 'JA (kaikkien on täytyttävä)', any: 'TAI (jonkin on täytyttävä)', row: (n) => `Ehto ${n}`, field: 'Mikä',
      fields: { nps: 'NPS-ryhmä', answer: 'Vastaus kysymykseen', likert: 'Väittämä', text: 'Tekstin sävy', keyword: 'Avainsana tekstissä', topic: 'Tekstin aihe', touchpoint: 'Kosketuspiste', unit: 'Yksikkö (alayksiköineen)', segment: 'Segmentti', contact: 'Asiakkaan tieto' },
      key: 'Kysymys tai tieto', keyHint: 'Kysymyksen tunnus (esim. nps) tai asiakkaan tiedon nimi.', op: 'Vertailu',
      ops: { eq: 'on', lte: 'enintään', gte: 'vähintään', in: 'on jokin näistä', dont_know: 'vastasi en osaa sanoa', exists: 'on annettu' },
      value: 'Arvo', valueHint: 'Useita arvoja: erota pilkuilla. NPS-ryhmä: detractor, passive tai promoter. Sävy: negative, neutral tai positive.',
      moreRows: 'Lisää rivi', json: 'Ehto JSON-muodossa (edistynyt)', jsonHint: 'Käytetään rivien sijaan, kun rivit ovat tyhjiä; ks. docs/api.md.', badJson: 'Tämä ei ole kelvollista JSONia.',
      needCondition: 'Anna vähintään yksi ehto.', routeHeading: 'Silloin avaa tapaus', routeTo: 'Vastuuhenkilö', routes: { touchpoint_owner: 'Kosketuspisteen omistaja', user: 'Tietty henkilö', round_robin: 'Yksikön jäsenet vuorotellen', employee: 'Vastauksessa mainittu työntekijä' },
      routeUser: 'Henkilö', routeUnit: 'Yksikkö', priority: 'Prioriteetti', slaHours: 'SLA (työtunteja)', slaHint: '0–2000 tuntia.', enabled: 'Käytössä', save: 'Tallenna sääntö',
      created: 'Sääntö luotiin.', saved: 'Sääntö tallennettiin.', conditionSummary: 'Ehto', route: 'Vastuuhenkilö',
    },
    pulseRules: {
      caption: 'Jakelusäännöt', none: 'Ei jakelusääntöjä.', newRule: 'Uusi jakelusääntö', newTitle: 'Uusi jakelusääntö', editTitle: (name) => `Jakelusääntö: ${name}`,
      touchpoint: 'Kosketuspiste', survey: 'Kysely', delay: 'Viive (minuuttia)', delayHint: 'Kuinka pian kosketuspisteen tapahtuman jälkeen kysytään.', channels: 'Kanavat',
      channelNames: { email: 'Sähköposti', sms: 'Tekstiviesti', web: 'Verkko' }, sampling: 'Otanta (%)', samplingHint: 'Osuus tapahtumista, joista lähtee kutsu, 1–100.',
      quietStart: 'Hiljaiset tunnit alkavat', quietEnd: 'Hiljaiset tunnit päättyvät', quietHint: 'HH:MM; jätä molemmat tyhjiksi, jos ei hiljaisia tunteja.', expiry: 'Kutsu voimassa (tuntia)', reminder: 'Muistutus (päivän päästä)',
      reminderHint: 'Tyhjä: ei muistutusta.', enabled: 'Käytössä', pause: 'Keskeytä', resume: 'Jatka', paused: 'Keskeytetty', save: 'Tallenna sääntö', created: 'Sääntö luotiin.', saved: 'Sääntö tallennettiin.',
      noSurveys: 'Luo ensin kosketuspiste ja kysely.', time: 'Anna aika muodossa HH:MM.',
    },
  },
};

const sv: WorkStrings = {
  common: {
    errorHeading: 'Något behöver rättas', required: 'Fyll i fältet.', invalidEmail: 'Ange en e-postadress, t.ex. namn@example.com.',
    number: (min, max) => `Ange ett heltal från ${min} till ${max}.`, choose: 'Välj ett av alternativen.', tooLong: (max) => `Högst ${max} tecken.`,
    confirmHeading: 'Bekräfta', confirm: 'Ja, fortsätt', cancel: 'Avbryt', save: 'Spara', back: 'Tillbaka', none: '–', yes: 'Ja', no: 'Nej', name: 'Namn',
    created: 'Skapad', status: 'Status', actions: 'Åtgärder', nextPage: 'Nästa sida', firstPage: 'Första sidan', active: 'Aktiv', disabled: 'Avstängd', saved: 'Sparat.',
    notValid: (detail) => `Detta är inte giltigt (${detail}).`, notFound: 'Hittades inte: det finns inte, eller så får du inte se det.', toDashboard: 'Tillbaka till översikten',
  },
  status: { new: 'Ny', in_progress: 'Pågår', waiting_customer: 'Väntar på kunden', resolved: 'Löst', closed: 'Stängd' },
  priority: { low: 'Låg', normal: 'Normal', high: 'Hög', urgent: 'Brådskande' },
  roles: { admin: 'Administratör', analyst: 'Analytiker', unit_manager: 'Enhetschef', frontline: 'Kundtjänst', viewer: 'Läsare' },
  cases: {
    title: 'Ärenden', intro: 'Feedback som någon måste ta hand om: öppna ett ärende, hantera det och återkoppla till kunden.',
    tabsLabel: 'Inkorg', tabs: { mine: 'Mina', unit: 'Min enhet', all: 'Alla' },
    filtersHeading: 'Filtrera ärenden', status: 'Status', anyStatus: 'Alla statusar', openOnly: 'Öppna (inte lösta eller stängda)', priority: 'Prioritet', anyPriority: 'Alla prioriteter',
    sla: 'SLA', slaAny: 'Alla', slaBreached: 'Överskriden', slaKept: 'Inte överskriden', touchpoint: 'Kontaktpunkt', allTouchpoints: 'Alla kontaktpunkter', unit: 'Enhet', allUnits: 'Alla enheter',
    from: 'Skapad från', to: 'Skapad till', apply: 'Filtrera', reset: 'Rensa filter', invalidFilter: (names) => `Dessa filter förstods inte och ignoreras: ${names}.`,
    caption: (count) => `Ärenden (${count} på denna sida)`, select: (title) => `Välj ”${title}”`,
    columns: { title: 'Ärende', status: 'Status', priority: 'Prioritet', owner: 'Ansvarig', unit: 'Enhet', touchpoint: 'Kontaktpunkt', due: 'Förfaller', created: 'Skapad' },
    overdue: 'SLA överskriden', unassigned: 'Ingen ansvarig', empty: 'Inga ärenden här. Nya ärenden uppstår när larmregler träffar feedback.', emptyFiltered: 'Inga ärenden matchar filtren.',
    bulkHeading: 'Hantera valda ärenden', bulkIntro: 'Kryssa för ärenden i tabellen, välj åtgärd och bekräfta på nästa sida.', bulkAction: 'Åtgärd',
    bulk: { assign: 'Tilldela', status: 'Ändra status', priority: 'Ändra prioritet', close: 'Stäng med motivering' },
    owner: 'Ansvarig', newStatus: 'Ny status', newPriority: 'Ny prioritet', reason: 'Motivering', reasonHint: 'Krävs för att stänga: sparas som lösning.', bulkSubmit: 'Fortsätt',
    confirmBulk: (count) => `Du håller på att ändra ${count} ${count === 1 ? 'ärende' : 'ärenden'}:`, noneSelected: 'Välj minst ett ärende i tabellen.',
    bulkDone: (done, failed) => `${done} ${done === 1 ? 'ärende' : 'ärenden'} ändrade${failed ? `, ${failed} kunde inte ändras` : ''}.`, failedItem: (title, why) => `${title}: ${why}`,
  },
  casePage: {
    details: 'Uppgifter', kind: { problem: 'Problem', praise: 'Beröm' }, due: 'Förfaller', owner: 'Ansvarig', unit: 'Enhet', touchpoint: 'Kontaktpunkt', employee: 'Medarbetare', createdAt: 'Öppnat',
    answerHeading: 'Kundens svar', noResponse: 'Ärendet har inget enkätsvar.', contact: 'Kund', contactHidden: 'Dolt för din roll',
    redactedNote: 'Personuppgifter i texten (e-post, telefon, IBAN, personbeteckning) är dolda för din roll.', dontKnow: 'Vet inte',
    timelineHeading: 'Tidslinje', timelineEmpty: 'Inget har hänt ännu.', someone: 'Någon', system: 'Kaiku',
    event: {
      created: (routedBy) => `Ärendet öppnades${routedBy ? ` (${routedBy})` : ''}`, assigned: (to) => `Tilldelat ${to}`, unassigned: 'Ansvarig borttagen', status: (from, to) => `Status: ${from} → ${to}`,
      reopened: 'Öppnat igen', note: 'Anteckning', priority: (from, to) => `Prioritet: ${from} → ${to}`, rootCause: (code) => `Grundorsak: ${code}`, resolution: 'Lösning',
      followUpSent: (subject) => `Uppföljningsmejl skickat: ”${subject}”`, resurveySent: 'Uppföljningsenkät skickad till kunden', followUpAnswer: (score) => `Kunden svarade igen: ${score}`,
      solved: (yes) => (yes ? 'säger att det är löst' : 'säger att det inte är löst'), recovered: (yes) => (yes ? 'återvunnen (inte längre kritiker)' : 'fortfarande kritiker'),
      escalated: 'Eskalerat: SLA överskreds', other: (kind) => kind,
    },
    resurveyResult: 'Resultat av uppföljningsenkäten', noResurvey: 'Inget svar på en uppföljningsenkät ännu.',
    actionsHeading: 'Arbeta med ärendet', assign: 'Tilldela', assignTo: 'Ansvarig', assignSubmit: 'Tilldela', comment: 'Lägg till en anteckning', commentSubmit: 'Lägg till',
    changeStatus: 'Ändra status', statusTo: 'Ny status', resolution: 'Lösning', resolutionHint: 'Krävs för att lösa: vad som gjordes.', statusSubmit: 'Ändra status',
    finalStatus: 'Ärendet kan inte gå vidare härifrån.',
    followUpHeading: 'Mejla kunden', subject: 'Ämne (valfritt)', message: 'Meddelande', followUpSubmit: 'Skicka', noContact: 'Kunden lämnade ingen e-postadress eller saknar kontaktuppgifter.',
    resurveyHeading: 'Fråga om det är löst', resurveyIntro: 'Skickar kunden en enkät med en fråga och en personlig länk (en gång, efter att ärendet lösts).', resurveySubmit: 'Skicka enkät',
    done: { assigned: 'Ärendet tilldelades.', noted: 'Anteckningen lades till.', status: 'Statusen ändrades.', followUp: 'Mejlet skickades.', resurvey: 'Enkäten skickades.' },
    needResolution: 'Skriv lösningen för att lösa ärendet.', notAllowed: 'Den ändringen går inte nu.',
  },
  setup: {
    title: 'Inställningar', intro: 'Vem som får använda Kaiku, vad det är kopplat till och hur feedback efterfrågas och hanteras.',
    sections: {
      users: ['Användare och roller', 'Bjud in, ändra roll, stäng av.'], apiKeys: ['API-nycklar', 'Nycklar för andra system, med behörigheter; återkalla här.'],
      webhooks: ['Webhooks', 'Vart Kaiku skickar händelser, och leveransloggen.'], alertRules: ['Larmregler', 'Vilka svar som öppnar ett ärende, för vem och hur brådskande.'],
      pulseRules: ['Distributionsregler', 'När och hur kunder tillfrågas efter en kontaktpunkt.'],
    },
    users: {
      caption: 'Användare', email: 'E-postadress', role: 'Roll', unit: 'Enhet', noUnit: 'Ingen enhet', language: 'Språk', inviteHeading: 'Bjud in en användare',
      inviteIntro: 'Personen får ett mejl med en länk för att välja lösenord.', invite: 'Skicka inbjudan', invited: (email) => `${email} bjöds in.`,
      changeRole: (name) => `Roll för ${name}`, changeRoleSubmit: 'Ändra', deactivate: 'Stäng av', reactivate: 'Aktivera',
      confirmDeactivate: (name) => `Stänga av ${name}? Personen kan inte längre logga in.`, managerNeedsUnit: 'En enhetschef behöver en enhet.', emailTaken: 'Det finns redan en användare med den e-postadressen.',
      notYourself: 'Du kan inte stänga av dig själv eller ändra din egen roll.',
    },
    apiKeys: {
      caption: 'API-nycklar', scopes: 'Behörigheter', scopeNames: { read: 'Läsa', write: 'Skriva data', admin: 'Administrera' }, rateLimit: 'Anrop per minut (valfritt)',
      rateLimitHint: 'Tomt: serverns standard.', lastUsed: 'Senast använd', never: 'Aldrig', createHeading: 'Skapa en nyckel', create: 'Skapa nyckel',
      secretHeading: 'Din nya nyckel', secretOnce: 'Kopiera nyckeln nu: den visas bara den här gången.', revoke: 'Återkalla', confirmRevoke: (name) => `Återkalla nyckeln ”${name}”? System som använder den slutar fungera direkt.`,
      revoked: 'Återkallad',
    },
    webhooks: {
      caption: 'Webhooks', url: 'Adress (URL)', urlHint: 'https://-adress som tar emot signerade POST-anrop.', events: 'Händelser', createHeading: 'Lägg till en webhook', create: 'Lägg till webhook',
      secretHeading: 'Signeringsnyckel', secretOnce: 'Kopiera signeringsnyckeln nu: den visas bara den här gången.', disable: 'Stäng av', enable: 'Aktivera', deliveries: 'Leveranslogg',
      deliveriesOf: (url) => `Leveranser till ${url}`, event: 'Händelse', attempts: 'Försök', code: 'HTTP-status', lastError: 'Senaste fel', deliveryStatus: 'Status', replay: 'Skicka igen',
      replayed: 'Leveransen köades igen.', noDeliveries: 'Inget har skickats ännu.', noWebhooks: 'Inga webhooks ännu.', disabledNoReplay: 'Aktivera webhooken innan du skickar igen.',
      badUrl: (detail) => `Adressen kan inte användas (${detail}).`,
    },
    alertRules: {
      caption: 'Larmregler', none: 'Inga larmregler ännu: inga ärenden öppnas automatiskt.', newRule: 'Ny larmregel', editTitle: (name) => `Larmregel: ${name}`, newTitle: 'Ny larmregel',
      kind: 'Typ', kinds: { problem: 'Problem', praise: 'Beröm' }, conditionHeading: 'När', conditionIntro: 'Ett villkor per rad. Tomma rader ignoreras.',
      combinator: 'Kombinera villkoren med', all: 'OCH (alla måste gälla)', any: 'ELLER (något får gälla)', row: (n) => `Villkor ${n}`, field: 'Vad',
      fields: { nps: 'NPS-grupp', answer: 'Svar på en fråga', likert: 'Påstående', text: 'Textens ton', keyword: 'Nyckelord i texten', topic: 'Textens ämne', touchpoint: 'Kontaktpunkt', unit: 'Enhet (med underenheter)', segment: 'Segment', contact: 'Kunduppgift' },
      key: 'Fråga eller uppgift', keyHint: 'Frågans nyckel (t.ex. nps) eller kunduppgiftens namn.', op: 'Jämförelse',
      ops: { eq: 'är', lte: 'högst', gte: 'minst', in: 'är något av', dont_know: 'svarade vet inte', exists: 'är angiven' },
      value: 'Värde', valueHint: 'Flera värden: skilj med kommatecken. NPS-grupp: detractor, passive eller promoter. Ton: negative, neutral eller positive.',
      moreRows: 'Lägg till en rad', json: 'Villkor som JSON (avancerat)', jsonHint: 'Används i stället för raderna när alla är tomma; se docs/api.md.', badJson: 'Detta är inte giltig JSON.',
      needCondition: 'Ange minst ett villkor.', routeHeading: 'Öppna då ett ärende för', routeTo: 'Ansvarig', routes: { touchpoint_owner: 'Kontaktpunktens ägare', user: 'En person', round_robin: 'Enhetens medlemmar i tur och ordning', employee: 'Medarbetaren som nämns i svaret' },
      routeUser: 'Person', routeUnit: 'Enhet', priority: 'Prioritet', slaHours: 'SLA (arbetstimmar)', slaHint: '0–2000 timmar.', enabled: 'Aktiv', save: 'Spara regeln',
      created: 'Regeln skapades.', saved: 'Regeln sparades.', conditionSummary: 'Villkor', route: 'Ansvarig',
    },
    pulseRules: {
      caption: 'Distributionsregler', none: 'Inga distributionsregler ännu.', newRule: 'Ny distributionsregel', newTitle: 'Ny distributionsregel', editTitle: (name) => `Distributionsregel: ${name}`,
      touchpoint: 'Kontaktpunkt', survey: 'Enkät', delay: 'Fördröjning (minuter)', delayHint: 'Hur länge efter kontaktpunktens händelse frågan skickas.', channels: 'Kanaler',
      channelNames: { email: 'E-post', sms: 'Sms', web: 'Webb' }, sampling: 'Urval (%)', samplingHint: 'Andel händelser som får en inbjudan, 1–100.',
      quietStart: 'Tysta timmar börjar', quietEnd: 'Tysta timmar slutar', quietHint: 'HH:MM; lämna båda tomma för inga.', expiry: 'Inbjudan giltig (timmar)', reminder: 'Påminnelse efter (dagar)',
      reminderHint: 'Tomt: ingen påminnelse.', enabled: 'Aktiv', pause: 'Pausa', resume: 'Återuppta', paused: 'Pausad', save: 'Spara regeln', created: 'Regeln skapades.', saved: 'Regeln sparades.',
      noSurveys: 'Skapa först en kontaktpunkt och en enkät.', time: 'Ange en tid som HH:MM.',
    },
  },
};

const pl: WorkStrings = {
  common: {
    errorHeading: 'Wystąpił problem', required: 'Wypełnij to pole.', invalidEmail: 'Podaj adres e-mail, np. imie@example.com.',
    number: (min, max) => `Podaj liczbę całkowitą od ${min} do ${max}.`, choose: 'Wybierz jedną z opcji.', tooLong: (max) => `Najwyżej ${max} znaków.`,
    confirmHeading: 'Potwierdź', confirm: 'Tak, kontynuuj', cancel: 'Anuluj', save: 'Zapisz', back: 'Wstecz', none: '–', yes: 'Tak', no: 'Nie', name: 'Nazwa',
    created: 'Utworzono', status: 'Status', actions: 'Działania', nextPage: 'Następna strona', firstPage: 'Pierwsza strona', active: 'Aktywny', disabled: 'Wyłączony', saved: 'Zapisano.',
    notValid: (detail) => `Ta wartość jest nieprawidłowa (${detail}).`, notFound: 'Nie znaleziono: nie istnieje albo nie masz do tego dostępu.', toDashboard: 'Wróć do pulpitu',
  },
  status: { new: 'Nowa', in_progress: 'W toku', waiting_customer: 'Czeka na klienta', resolved: 'Rozwiązana', closed: 'Zamknięta' },
  priority: { low: 'Niski', normal: 'Normalny', high: 'Wysoki', urgent: 'Pilny' },
  roles: { admin: 'Administrator', analyst: 'Analityk', unit_manager: 'Kierownik jednostki', frontline: 'Pracownik obsługi', viewer: 'Obserwator' },
  cases: {
    title: 'Sprawy', intro: 'Opinie, którymi ktoś musi się zająć: otwórz sprawę, poprowadź ją i zamknij pętlę z klientem.',
    tabsLabel: 'Skrzynka', tabs: { mine: 'Moje', unit: 'Moja jednostka', all: 'Wszystkie' },
    filtersHeading: 'Filtruj sprawy', status: 'Status', anyStatus: 'Dowolny status', openOnly: 'Otwarte (nie rozwiązane ani zamknięte)', priority: 'Priorytet', anyPriority: 'Dowolny priorytet',
    sla: 'SLA', slaAny: 'Wszystkie', slaBreached: 'Przekroczone', slaKept: 'Nieprzekroczone', touchpoint: 'Punkt styku', allTouchpoints: 'Wszystkie punkty styku', unit: 'Jednostka', allUnits: 'Wszystkie jednostki',
    from: 'Utworzone od', to: 'Utworzone do', apply: 'Filtruj', reset: 'Wyczyść filtry', invalidFilter: (names) => `Tych filtrów nie zrozumiano i są pomijane: ${names}.`,
    caption: (count) => `Sprawy (${count} na tej stronie)`, select: (title) => `Zaznacz „${title}”`,
    columns: { title: 'Sprawa', status: 'Status', priority: 'Priorytet', owner: 'Odpowiedzialny', unit: 'Jednostka', touchpoint: 'Punkt styku', due: 'Termin', created: 'Utworzono' },
    overdue: 'SLA przekroczone', unassigned: 'Nieprzypisana', empty: 'Brak spraw. Nowe sprawy powstają, gdy reguły alertów pasują do opinii.', emptyFiltered: 'Żadna sprawa nie pasuje do filtrów.',
    bulkHeading: 'Działania na zaznaczonych sprawach', bulkIntro: 'Zaznacz sprawy w tabeli, wybierz działanie i potwierdź na następnej stronie.', bulkAction: 'Działanie',
    bulk: { assign: 'Przypisz', status: 'Zmień status', priority: 'Zmień priorytet', close: 'Zamknij z uzasadnieniem' },
    owner: 'Odpowiedzialny', newStatus: 'Nowy status', newPriority: 'Nowy priorytet', reason: 'Uzasadnienie', reasonHint: 'Wymagane do zamknięcia: zapisywane jako rozwiązanie.', bulkSubmit: 'Dalej',
    confirmBulk: (count) => `Zmienisz ${count} ${count === 1 ? 'sprawę' : 'spraw(y)'}:`, noneSelected: 'Zaznacz w tabeli co najmniej jedną sprawę.',
    bulkDone: (done, failed) => `Zmieniono spraw: ${done}${failed ? `; nie udało się zmienić: ${failed}` : ''}.`, failedItem: (title, why) => `${title}: ${why}`,
  },
  casePage: {
    details: 'Szczegóły', kind: { problem: 'Problem', praise: 'Pochwała' }, due: 'Termin', owner: 'Odpowiedzialny', unit: 'Jednostka', touchpoint: 'Punkt styku', employee: 'Pracownik', createdAt: 'Otwarto',
    answerHeading: 'Odpowiedź klienta', noResponse: 'Ta sprawa nie ma odpowiedzi z ankiety.', contact: 'Klient', contactHidden: 'Ukryte dla Twojej roli',
    redactedNote: 'Dane osobowe w tekście (e-mail, telefon, IBAN, numer identyfikacyjny) są ukryte dla Twojej roli.', dontKnow: 'Nie wiem',
    timelineHeading: 'Oś czasu', timelineEmpty: 'Jeszcze nic się nie wydarzyło.', someone: 'Ktoś', system: 'Kaiku',
    event: {
      created: (routedBy) => `Otwarto sprawę${routedBy ? ` (${routedBy})` : ''}`, assigned: (to) => `Przypisano: ${to}`, unassigned: 'Usunięto przypisanie', status: (from, to) => `Status: ${from} → ${to}`,
      reopened: 'Otwarto ponownie', note: 'Notatka', priority: (from, to) => `Priorytet: ${from} → ${to}`, rootCause: (code) => `Przyczyna: ${code}`, resolution: 'Rozwiązanie',
      followUpSent: (subject) => `Wysłano e-mail: „${subject}”`, resurveySent: 'Wysłano klientowi ankietę kontrolną', followUpAnswer: (score) => `Klient odpowiedział ponownie: ${score}`,
      solved: (yes) => (yes ? 'sprawa rozwiązana' : 'sprawa nierozwiązana'), recovered: (yes) => (yes ? 'odzyskany (już nie krytyk)' : 'nadal krytyk'),
      escalated: 'Eskalacja: przekroczono SLA', other: (kind) => kind,
    },
    resurveyResult: 'Wynik ankiety kontrolnej', noResurvey: 'Brak odpowiedzi na ankietę kontrolną.',
    actionsHeading: 'Praca nad sprawą', assign: 'Przypisz', assignTo: 'Odpowiedzialny', assignSubmit: 'Przypisz', comment: 'Dodaj notatkę', commentSubmit: 'Dodaj notatkę',
    changeStatus: 'Zmień status', statusTo: 'Nowy status', resolution: 'Rozwiązanie', resolutionHint: 'Wymagane do rozwiązania: co zrobiono.', statusSubmit: 'Zmień status',
    finalStatus: 'Z tego statusu sprawa nie może przejść dalej.',
    followUpHeading: 'Napisz do klienta', subject: 'Temat (opcjonalnie)', message: 'Wiadomość', followUpSubmit: 'Wyślij', noContact: 'Klient nie zostawił adresu e-mail lub nie ma danych kontaktowych.',
    resurveyHeading: 'Zapytaj, czy problem rozwiązano', resurveyIntro: 'Wysyła klientowi jednopytaniową ankietę z osobistym linkiem (raz, po rozwiązaniu).', resurveySubmit: 'Wyślij ankietę',
    done: { assigned: 'Sprawę przypisano.', noted: 'Dodano notatkę.', status: 'Zmieniono status.', followUp: 'Wysłano e-mail.', resurvey: 'Wysłano ankietę.' },
    needResolution: 'Opisz rozwiązanie, aby rozwiązać sprawę.', notAllowed: 'Ta zmiana nie jest teraz możliwa.',
  },
  setup: {
    title: 'Ustawienia', intro: 'Kto korzysta z Kaiku, z czym jest połączone i jak pytamy o opinie oraz na nie reagujemy.',
    sections: {
      users: ['Użytkownicy i role', 'Zapraszaj, zmieniaj role, dezaktywuj.'], apiKeys: ['Klucze API', 'Klucze dla innych systemów z uprawnieniami; unieważnij tutaj.'],
      webhooks: ['Webhooki', 'Dokąd Kaiku wysyła zdarzenia i dziennik dostaw.'], alertRules: ['Reguły alertów', 'Które odpowiedzi otwierają sprawę, dla kogo i jak pilnie.'],
      pulseRules: ['Reguły dystrybucji', 'Kiedy i jak pytamy klientów po punkcie styku.'],
    },
    users: {
      caption: 'Użytkownicy', email: 'Adres e-mail', role: 'Rola', unit: 'Jednostka', noUnit: 'Brak jednostki', language: 'Język', inviteHeading: 'Zaproś użytkownika',
      inviteIntro: 'Osoba otrzyma e-mail z linkiem do ustawienia hasła.', invite: 'Wyślij zaproszenie', invited: (email) => `Zaproszono ${email}.`,
      changeRole: (name) => `Rola: ${name}`, changeRoleSubmit: 'Zmień', deactivate: 'Dezaktywuj', reactivate: 'Aktywuj ponownie',
      confirmDeactivate: (name) => `Dezaktywować ${name}? Ta osoba nie będzie mogła się zalogować.`, managerNeedsUnit: 'Kierownik jednostki potrzebuje jednostki.', emailTaken: 'Użytkownik z tym adresem e-mail już istnieje.',
      notYourself: 'Nie możesz dezaktywować siebie ani zmienić własnej roli.',
    },
    apiKeys: {
      caption: 'Klucze API', scopes: 'Uprawnienia', scopeNames: { read: 'Odczyt', write: 'Zapis danych', admin: 'Administracja' }, rateLimit: 'Żądania na minutę (opcjonalnie)',
      rateLimitHint: 'Puste: domyślne ustawienie serwera.', lastUsed: 'Ostatnio użyty', never: 'Nigdy', createHeading: 'Utwórz klucz', create: 'Utwórz klucz',
      secretHeading: 'Twój nowy klucz', secretOnce: 'Skopiuj klucz teraz: jest pokazywany tylko ten jeden raz.', revoke: 'Unieważnij', confirmRevoke: (name) => `Unieważnić klucz „${name}”? Systemy, które go używają, natychmiast przestaną działać.`,
      revoked: 'Unieważniony',
    },
    webhooks: {
      caption: 'Webhooki', url: 'Adres (URL)', urlHint: 'Adres https://, który odbiera podpisane żądania POST.', events: 'Zdarzenia', createHeading: 'Dodaj webhook', create: 'Dodaj webhook',
      secretHeading: 'Sekret podpisu', secretOnce: 'Skopiuj sekret teraz: jest pokazywany tylko ten jeden raz.', disable: 'Wyłącz', enable: 'Włącz', deliveries: 'Dziennik dostaw',
      deliveriesOf: (url) => `Dostawy do ${url}`, event: 'Zdarzenie', attempts: 'Próby', code: 'Status HTTP', lastError: 'Ostatni błąd', deliveryStatus: 'Status', replay: 'Wyślij ponownie',
      replayed: 'Dostawę ponownie zakolejkowano.', noDeliveries: 'Jeszcze nic nie wysłano.', noWebhooks: 'Brak webhooków.', disabledNoReplay: 'Włącz webhook przed ponownym wysłaniem.',
      badUrl: (detail) => `Tego adresu nie można użyć (${detail}).`,
    },
    alertRules: {
      caption: 'Reguły alertów', none: 'Brak reguł alertów: żadna sprawa nie jest otwierana automatycznie.', newRule: 'Nowa reguła alertu', editTitle: (name) => `Reguła alertu: ${name}`, newTitle: 'Nowa reguła alertu',
      kind: 'Rodzaj', kinds: { problem: 'Problem', praise: 'Pochwała' }, conditionHeading: 'Gdy', conditionIntro: 'Jeden warunek w wierszu. Puste wiersze są pomijane.',
      combinator: 'Połącz warunki przez', all: 'I (wszystkie muszą być spełnione)', any: 'LUB (wystarczy dowolny)', row: (n) => `Warunek ${n}`, field: 'Co',
      fields: { nps: 'Grupa NPS', answer: 'Odpowiedź na pytanie', likert: 'Stwierdzenie', text: 'Wydźwięk tekstu', keyword: 'Słowo kluczowe w tekście', topic: 'Temat tekstu', touchpoint: 'Punkt styku', unit: 'Jednostka (z podjednostkami)', segment: 'Segment', contact: 'Atrybut klienta' },
      key: 'Pytanie lub atrybut', keyHint: 'Klucz pytania (np. nps) lub nazwa atrybutu klienta.', op: 'Porównanie',
      ops: { eq: 'równa się', lte: 'najwyżej', gte: 'co najmniej', in: 'jest jednym z', dont_know: 'odpowiedź „nie wiem”', exists: 'jest ustawiony' },
      value: 'Wartość', valueHint: 'Kilka wartości: oddziel przecinkami. Grupa NPS: detractor, passive lub promoter. Wydźwięk: negative, neutral lub positive.',
      moreRows: 'Dodaj wiersz', json: 'Warunek w JSON (zaawansowane)', jsonHint: 'Używany zamiast wierszy, gdy wszystkie są puste; zob. docs/api.md.', badJson: 'To nie jest poprawny JSON.',
      needCondition: 'Podaj co najmniej jeden warunek.', routeHeading: 'Wtedy otwórz sprawę dla', routeTo: 'Odpowiedzialny', routes: { touchpoint_owner: 'Właściciel punktu styku', user: 'Wybrana osoba', round_robin: 'Członkowie jednostki po kolei', employee: 'Pracownik wymieniony w odpowiedzi' },
      routeUser: 'Osoba', routeUnit: 'Jednostka', priority: 'Priorytet', slaHours: 'SLA (godziny robocze)', slaHint: '0–2000 godzin.', enabled: 'Aktywna', save: 'Zapisz regułę',
      created: 'Utworzono regułę.', saved: 'Zapisano regułę.', conditionSummary: 'Warunek', route: 'Odpowiedzialny',
    },
    pulseRules: {
      caption: 'Reguły dystrybucji', none: 'Brak reguł dystrybucji.', newRule: 'Nowa reguła dystrybucji', newTitle: 'Nowa reguła dystrybucji', editTitle: (name) => `Reguła dystrybucji: ${name}`,
      touchpoint: 'Punkt styku', survey: 'Ankieta', delay: 'Opóźnienie (minuty)', delayHint: 'Po jakim czasie od zdarzenia w punkcie styku pytamy.', channels: 'Kanały',
      channelNames: { email: 'E-mail', sms: 'SMS', web: 'WWW' }, sampling: 'Próbkowanie (%)', samplingHint: 'Odsetek zdarzeń, po których wysyłamy zaproszenie, 1–100.',
      quietStart: 'Początek godzin ciszy', quietEnd: 'Koniec godzin ciszy', quietHint: 'GG:MM; zostaw oba puste, jeśli bez ciszy.', expiry: 'Ważność zaproszenia (godziny)', reminder: 'Przypomnienie po (dniach)',
      reminderHint: 'Puste: bez przypomnienia.', enabled: 'Aktywna', pause: 'Wstrzymaj', resume: 'Wznów', paused: 'Wstrzymana', save: 'Zapisz regułę', created: 'Utworzono regułę.', saved: 'Zapisano regułę.',
      noSurveys: 'Najpierw utwórz punkt styku i ankietę.', time: 'Podaj czas jako GG:MM.',
    },
  },
};

const catalogue: Record<UiLanguage, WorkStrings> = { fi, sv, en, pl };
export const workText = (language: UiLanguage): WorkStrings => catalogue[language];
