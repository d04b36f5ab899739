/**
 * The demo's three improvement actions. Each raised its touchpoint's latent score by `uplift`
 * from `startsOn` on (generator.ts adds it to the pulse answers), so the plan page's
 * before/after effect chart has a real change to show. No random draw depends on them: the rest
 * of the demo data is the same with or without them.
 */
export interface DemoActionPlan {
  key: string;
  title: string;
  description: string;
  touchpointKey: string;
  /** The day the change took effect (UTC midnight). */
  startsOn: string;
  dueOn: string;
  status: 'planned' | 'in_progress' | 'done';
  /** DEMO_USERS e-mail of the owner. */
  ownerEmail: string;
  /** Added to the latent 0–10 score of the touchpoint's pulse answers from startsOn on. */
  uplift: number;
}

export const DEMO_ACTION_PLANS: readonly DemoActionPlan[] = [
  {
    key: 'callback', title: 'Takaisinsoitto vikapuhelimen jonoon', touchpointKey: 'fault-phone',
    description: 'Jonossa odottava asiakas voi jättää soittopyynnön, ja vikapäivystys soittaa takaisin puolen tunnin kuluessa.',
    startsOn: '2026-06-01', dueOn: '2026-06-30', status: 'done', ownerEmail: 'demo@kaiku.example', uplift: 1.4,
  },
  {
    key: 'install-sms', title: 'Asennusajan vahvistus tekstiviestillä', touchpointKey: 'move-connect',
    description: 'Asentaja vahvistaa käyntiajan tekstiviestillä edellisenä päivänä ja ilmoittaa myöhästymisestä.',
    startsOn: '2026-05-01', dueOn: '2026-05-31', status: 'done', ownerEmail: 'manager@kaiku.example', uplift: 1.0,
  },
  {
    key: 'einvoice', title: 'Selkeämpi e-lasku', touchpointKey: 'bill-einvoice',
    description: 'E-laskun alkuun kuukauden kulutus ja vertailu edelliseen vuoteen; erittely liitteeksi.',
    startsOn: '2026-07-01', dueOn: '2026-12-31', status: 'in_progress', ownerEmail: 'analyst@kaiku.example', uplift: 0.9,
  },
];

/** The uplift of the touchpoint's action plans at an instant (ISO, compared as text). */
export function actionUplift(touchpointKey: string, at: string): number {
  let uplift = 0;
  for (const plan of DEMO_ACTION_PLANS) if (plan.touchpointKey === touchpointKey && at >= plan.startsOn) uplift += plan.uplift;
  return uplift;
}
