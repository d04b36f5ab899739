/**
 * The journey and touchpoint editor of the set-up pages (journeys:write), server-rendered
 * without scripts over the journeys service and the same limits as its API:
 *
 *  - /app/setup/journeys            the journeys; create one;
 *  - /app/setup/journeys/:id        rename it, its stages in order (add, rename, move up/down,
 *                                   remove when empty) and each stage's touchpoints (add);
 *  - /app/setup/touchpoints/:id     a touchpoint's name, channel, kind, owner unit and stage
 *                                   (moving it between stages keeps its responses).
 *
 * Removing asks for confirmation, and is refused with a message when responses refer to the
 * journey, stage or touchpoint (responses keep their touchpoint without a foreign key, see
 * assertUnreferenced) or when other set-up still uses it. Touchpoints are listed by name: the
 * schema keeps no order for them, and there is no archived state (both would need a migration).
 * Every lookup is by the caller's organisation, so another organisation's ids answer 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { journeyEditorText, type JourneyEditorStrings } from '../i18n/journey-editor.ts';
import {
  channels, createJourney, createStage, createTouchpoint, findStage, findTouchpoint, listJourneys, moveStage, phases, removeJourney, removeStage,
  removeTouchpoint, stageTouchpointCount, updateJourney, updateStage, updateTouchpoint, type Journey, type StageRow, type Touchpoint,
} from '../journeys/service.ts';
import { listUnits, unitExists } from '../orgs/service.ts';
import { html, type SafeHtml } from './html.ts';
import { checkText, confirmation, errorSummary, inputField, notice, one, page, selectField, textareaField, uuidParam, UUID, type Errors, type OpenPage } from './page-kit.ts';

type Option = [value: string, label: string];
type What = 'journey' | 'stage' | 'touchpoint';
const LIST = '/app/setup/journeys';
const modes = ['active', 'passive'] as const;

/** The API's limits (src/journeys/routes.ts): names 1–200 characters, persona ≤ 200, description ≤ 5000. */
function text(body: unknown, field: string, errorId: string, max: number, required: boolean, p: OpenPage, errors: Errors): string | null {
  const value = one(body, field) ?? null;
  checkText(p.w, errors, errorId, value, max, required);
  return value;
}
function choice<T extends string>(body: unknown, field: string, errorId: string, allowed: readonly T[], p: OpenPage, errors: Errors): T | undefined {
  const value = one(body, field);
  if (!value || !(allowed as readonly string[]).includes(value)) { errors.set(errorId, p.w.common.choose); return undefined; }
  return value as T;
}

const isCode = (error: unknown, code: string) => typeof error === 'object' && error !== null && (error as { code?: string }).code === code;

export async function journeyEditorRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const s = (p: OpenPage) => journeyEditorText(p.language);
  const crumbs = (p: OpenPage, trail: Array<[string, string]> = []) =>
    html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a>${[[LIST, s(p).section[0]] as [string, string], ...trail].map(([href, label]) => html` › <a href="${href}">${label}</a>`)}</p></nav>`;

  async function journeyOf(orgId: string, id: string): Promise<Journey> {
    const [journey] = await listJourneys(db, orgId, id);
    if (!journey) throw new KaikuError('not_found', 'Journey not found', { status: 404 });
    return journey;
  }
  async function stageOf(orgId: string, id: string): Promise<StageRow> {
    const stage = await findStage(db, orgId, id);
    if (!stage) throw new KaikuError('not_found', 'Stage not found', { status: 404 });
    return stage;
  }
  async function touchpointOf(orgId: string, id: string): Promise<Touchpoint> {
    const tp = await findTouchpoint(db, orgId, id);
    if (!tp) throw new KaikuError('not_found', 'Touchpoint not found', { status: 404 });
    return tp;
  }

  /** Removes with the service (which checks for responses first); a refusal becomes the reason in the reader's language. */
  async function remove(p: OpenPage, what: What, work: () => Promise<unknown>): Promise<string | undefined> {
    try {
      await work();
      return undefined;
    } catch (error) {
      if (error instanceof KaikuError && error.status === 409) return s(p).hasResponses(what);
      if (isCode(error, '23503')) return s(p).stillUsed(what); // a survey, distribution rule or case still refers to it
      throw error;
    }
  }

  // --- the list ------------------------------------------------------------------------------------
  async function listPage(p: OpenPage, state: { errors?: Errors; values?: Record<string, string | null>; message?: string } = {}, status = 200) {
    const e = s(p);
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    const journeys = await listJourneys(db, p.auth.orgId);
    return p.send('setup', e.section[0], html`<nav aria-label="${p.w.setup.title}"><p><a href="/app/setup">${p.w.setup.title}</a></p></nav><h1>${e.section[0]}</h1><p class="lead">${e.section[1]}</p>
${notice(state.message)}${errorSummary(p.w, errors)}
${journeys.length === 0 ? html`<div class="empty"><p>${e.none}</p></div>` : html`<div class="table-scroll"><table><caption>${e.caption}</caption>
<thead><tr><th scope="col">${p.w.common.name}</th><th scope="col">${e.persona}</th><th scope="col" class="num">${e.stages}</th><th scope="col" class="num">${e.touchpoints}</th></tr></thead>
<tbody>${journeys.map((j) => html`<tr><th scope="row"><a href="${LIST}/${j.id}">${j.name}</a></th><td>${j.persona ?? '–'}</td><td class="num">${j.stages.length}</td><td class="num">${j.stages.reduce((n, st) => n + st.touchpoints.length, 0)}</td></tr>`)}</tbody></table></div>`}
<section class="panel" aria-labelledby="new-journey-heading"><h2 id="new-journey-heading">${e.newJourney}</h2>
<form method="post" action="${LIST}" class="form-grid" novalidate>
${inputField('name', p.w.common.name, v.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${inputField('persona', e.persona, v.persona, errors, { attrs: 'maxlength="200" autocomplete="off"' })}
<div><button class="button" type="submit">${e.create}</button></div></form></section>`, status);
  }

  page(app, 'GET', LIST, 'journeys:write', async (request, _reply, p) => {
    const done = one(request.query, 'done');
    return listPage(p, { message: done === 'removed' ? s(p).done.removed : undefined });
  });

  page(app, 'POST', LIST, 'journeys:write', async (request, reply, p) => {
    const errors: Errors = new Map();
    const values = { name: text(request.body, 'name', 'name', 200, true, p, errors), persona: text(request.body, 'persona', 'persona', 200, false, p, errors) };
    if (errors.size > 0) return listPage(p, { errors, values }, 400);
    const id = await createJourney(db, p.auth.orgId, { name: values.name!, persona: values.persona });
    return reply.redirect(`${LIST}/${id}?done=created`, 303);
  });

  // --- one journey: its details, stages and touchpoints ------------------------------------------------
  interface EditorState { errors?: Errors; values?: Record<string, string | null | undefined>; message?: string; confirm?: SafeHtml }

  async function editorPage(p: OpenPage, journeyId: string, state: EditorState = {}, status = 200) {
    const e = s(p);
    const t = dashboardText(p.language);
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    const [journey, units] = await Promise.all([journeyOf(p.auth.orgId, journeyId), listUnits(db, p.auth.orgId)]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const phaseOptions = phases.map((ph): Option => [ph, t.phases[ph]]);
    const channelOptions = channels.map((c): Option => [c, t.channelNames[c] ?? c]);
    const unitOptions: Option[] = [['', e.noOwner], ...units.map((u): Option => [u.id, u.name])];
    const base = `${LIST}/${journey.id}`;
    const title = e.edit(journey.name);
    const last = journey.stages.length;
    const stageSection = (stage: Journey['stages'][number]) => {
      const sid = `stage-${stage.id}`;
      const heading = e.stageHeading(stage.position, stage.name);
      return html`<section class="panel stage-editor" aria-labelledby="${sid}-heading" id="${sid}">
<h3 id="${sid}-heading">${heading} <span class="muted">(${t.phases[stage.phase]})</span></h3>
<form method="post" action="/app/setup/stages/${stage.id}" class="form-grid" novalidate>
${inputField(`${sid}-name`, e.stageName, v[`${sid}-name`] ?? stage.name, errors, { name: 'name', required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${selectField(`${sid}-phase`, e.phase, phaseOptions, v[`${sid}-phase`] ?? stage.phase, errors, { name: 'phase' })}
<div><button class="button secondary" type="submit">${e.saveStage}<span class="visually-hidden"> ${stage.name}</span></button></div></form>
<div class="form-actions">
${stage.position > 1 ? html`<form class="inline-form" method="post" action="/app/setup/stages/${stage.id}/move"><input type="hidden" name="direction" value="up"><button class="button secondary" type="submit">${e.moveUp}<span class="visually-hidden"> ${stage.name}</span></button></form>` : ''}
${stage.position < last ? html`<form class="inline-form" method="post" action="/app/setup/stages/${stage.id}/move"><input type="hidden" name="direction" value="down"><button class="button secondary" type="submit">${e.moveDown}<span class="visually-hidden"> ${stage.name}</span></button></form>` : ''}
${stage.touchpoints.length === 0 ? html`<form class="inline-form" method="post" action="/app/setup/stages/${stage.id}/delete"><button class="button danger" type="submit">${e.removeStage}<span class="visually-hidden"> ${stage.name}</span></button></form>` : html`<span class="muted">${e.stageNotEmpty}</span>`}
</div>
${stage.touchpoints.length === 0 ? html`<p class="muted">${e.noTouchpoints}</p>` : html`<div class="table-scroll"><table><caption>${e.touchpointCaption(stage.name)}</caption>
<thead><tr><th scope="col">${p.w.common.name}</th><th scope="col">${e.channel}</th><th scope="col">${e.mode}</th><th scope="col">${e.ownerUnit}</th><th scope="col">${p.w.common.actions}</th></tr></thead>
<tbody>${stage.touchpoints.map((tp) => html`<tr><th scope="row">${tp.name}</th><td>${t.channelNames[tp.channel] ?? tp.channel}</td><td>${e.modes[tp.mode]}</td><td>${tp.ownerUnitId ? unitName.get(tp.ownerUnitId) ?? '–' : e.noOwner}</td>
<td><a href="/app/setup/touchpoints/${tp.id}">${e.editTouchpoint}<span class="visually-hidden"> ${tp.name}</span></a></td></tr>`)}</tbody></table></div>`}
<details${[...errors.keys()].some((k) => k.startsWith(`${sid}-tp-`)) ? html` open` : ''}><summary>${e.addTouchpoint(stage.name)}</summary>
<form method="post" action="${base}/touchpoints" class="form-grid" novalidate><input type="hidden" name="stageId" value="${stage.id}">
${inputField(`${sid}-tp-name`, p.w.common.name, v[`${sid}-tp-name`], errors, { name: 'name', required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${selectField(`${sid}-tp-channel`, e.channel, channelOptions, v[`${sid}-tp-channel`] ?? 'web', errors, { name: 'channel' })}
${selectField(`${sid}-tp-mode`, e.mode, modes.map((m): Option => [m, e.modes[m]]), v[`${sid}-tp-mode`] ?? 'active', errors, { name: 'mode' })}
${selectField(`${sid}-tp-owner`, e.ownerUnit, unitOptions, v[`${sid}-tp-owner`] ?? '', errors, { name: 'ownerUnitId' })}
<div><button class="button" type="submit">${e.addTouchpointSubmit}</button></div></form></details>
</section>`;
    };
    return p.send('setup', title, html`${crumbs(p)}<h1>${title}</h1>
${notice(state.message)}${state.confirm ?? ''}${errorSummary(p.w, errors)}
<section class="panel" aria-labelledby="journey-details-heading"><h2 id="journey-details-heading">${e.journeyDetails}</h2>
<form method="post" action="${base}" class="stack" novalidate>
<div class="form-grid">
${inputField('name', p.w.common.name, v.name ?? journey.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${inputField('persona', e.persona, v.persona ?? journey.persona, errors, { attrs: 'maxlength="200" autocomplete="off"' })}
</div>
${textareaField('description', e.description, (v.description ?? journey.description) ?? undefined, errors, { attrs: 'maxlength="5000"' })}
<div class="form-actions"><button class="button" type="submit">${e.saveJourney}</button></div></form>
<form method="post" action="${base}/delete"><button class="button danger" type="submit">${e.removeJourney}</button></form></section>
<h2>${e.stagesHeading}</h2>
${journey.stages.length === 0 ? html`<div class="empty"><p>${e.noStages}</p></div>` : journey.stages.map(stageSection)}
<section class="panel" aria-labelledby="add-stage-heading"><h2 id="add-stage-heading">${e.addStage}</h2>
<form method="post" action="${base}/stages" class="form-grid" novalidate>
${inputField('stage-name', e.stageName, v['stage-name'], errors, { name: 'name', required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${selectField('stage-phase', e.phase, phaseOptions, v['stage-phase'] ?? 'during', errors, { name: 'phase' })}
<div><button class="button" type="submit">${e.addStageSubmit}</button></div></form></section>`, status);
  }

  const doneMessage = (e: JourneyEditorStrings, done: string | undefined) => (done && done in e.done ? e.done[done as keyof JourneyEditorStrings['done']] : undefined);
  const back = (reply: FastifyReply, journeyId: string, done: string, anchor = '') => reply.redirect(`${LIST}/${journeyId}?done=${done}${anchor}`, 303);

  page<{ id: string }>(app, 'GET', `${LIST}/:id`, 'journeys:write', async (request, _reply, p) =>
    editorPage(p, uuidParam(request.params.id, 'Journey'), { message: doneMessage(s(p), one(request.query, 'done')) }));

  page<{ id: string }>(app, 'POST', `${LIST}/:id`, 'journeys:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Journey');
    await journeyOf(p.auth.orgId, id);
    const errors: Errors = new Map();
    const b = request.body;
    const values = { name: text(b, 'name', 'name', 200, true, p, errors), persona: text(b, 'persona', 'persona', 200, false, p, errors), description: text(b, 'description', 'description', 5000, false, p, errors) };
    if (errors.size > 0) return editorPage(p, id, { errors, values }, 400);
    await updateJourney(db, p.auth.orgId, id, { name: values.name!, persona: values.persona, description: values.description });
    return back(reply, id, 'saved');
  });

  page<{ id: string }>(app, 'POST', `${LIST}/:id/delete`, 'journeys:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Journey');
    const journey = await journeyOf(p.auth.orgId, id);
    if (one(request.body, 'confirm') !== '1') {
      return editorPage(p, id, { confirm: confirmation(p.w, `${LIST}/${id}/delete`, s(p).confirmRemoveJourney(journey.name), {}, `${LIST}/${id}`) });
    }
    const refused = await remove(p, 'journey', () => removeJourney(db, p.auth.orgId, id));
    if (refused) return editorPage(p, id, { errors: new Map([['name', refused]]) }, 409);
    return reply.redirect(`${LIST}?done=removed`, 303);
  });

  // --- stages ------------------------------------------------------------------------------------------
  page<{ id: string }>(app, 'POST', `${LIST}/:id/stages`, 'journeys:write', async (request, reply, p) => {
    const id = uuidParam(request.params.id, 'Journey');
    await journeyOf(p.auth.orgId, id);
    const errors: Errors = new Map();
    const name = text(request.body, 'name', 'stage-name', 200, true, p, errors);
    const phase = choice(request.body, 'phase', 'stage-phase', phases, p, errors);
    if (errors.size > 0) return editorPage(p, id, { errors, values: { 'stage-name': name, 'stage-phase': one(request.body, 'phase') } }, 400);
    const stageId = await db.transaction((tx) => createStage(tx, p.auth.orgId, id, { name: name!, phase: phase! }));
    return back(reply, id, 'stageAdded', `#stage-${stageId}`);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/stages/:id', 'journeys:write', async (request, reply, p) => {
    const stage = await stageOf(p.auth.orgId, uuidParam(request.params.id, 'Stage'));
    const sid = `stage-${stage.id}`;
    const errors: Errors = new Map();
    const name = text(request.body, 'name', `${sid}-name`, 200, true, p, errors);
    const phase = choice(request.body, 'phase', `${sid}-phase`, phases, p, errors);
    if (errors.size > 0) return editorPage(p, stage.journeyId, { errors, values: { [`${sid}-name`]: name ?? '', [`${sid}-phase`]: one(request.body, 'phase') } }, 400);
    await updateStage(db, p.auth.orgId, stage.id, { name: name!, phase: phase! });
    return back(reply, stage.journeyId, 'stageSaved', `#${sid}`);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/stages/:id/move', 'journeys:write', async (request, reply, p) => {
    const stage = await stageOf(p.auth.orgId, uuidParam(request.params.id, 'Stage'));
    const direction = one(request.body, 'direction');
    if (direction !== 'up' && direction !== 'down') return back(reply, stage.journeyId, 'stageSaved', `#stage-${stage.id}`);
    await db.transaction((tx) => moveStage(tx, p.auth.orgId, stage.id, stage.position + (direction === 'up' ? -1 : 1)));
    return back(reply, stage.journeyId, 'stageMoved', `#stage-${stage.id}`);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/stages/:id/delete', 'journeys:write', async (request, reply, p) => {
    const stage = await stageOf(p.auth.orgId, uuidParam(request.params.id, 'Stage'));
    const sid = `stage-${stage.id}`;
    if (await stageTouchpointCount(db, p.auth.orgId, stage.id) > 0) return editorPage(p, stage.journeyId, { errors: new Map([[`${sid}-name`, s(p).stageNotEmpty]]) }, 409);
    if (one(request.body, 'confirm') !== '1') {
      return editorPage(p, stage.journeyId, { confirm: confirmation(p.w, `/app/setup/stages/${stage.id}/delete`, s(p).confirmRemoveStage(stage.name), {}, `${LIST}/${stage.journeyId}#${sid}`) });
    }
    const refused = await remove(p, 'stage', () => removeStage(db, p.auth.orgId, stage.id));
    if (refused) return editorPage(p, stage.journeyId, { errors: new Map([[`${sid}-name`, refused]]) }, 409);
    return back(reply, stage.journeyId, 'stageRemoved');
  });

  // --- touchpoints ---------------------------------------------------------------------------------------
  /** The fields of a touchpoint form (ids prefixed by `prefix`), checked as the API checks them; the owner unit must be this organisation's. */
  async function readTouchpoint(p: OpenPage, body: unknown, prefix: string, errors: Errors) {
    const name = text(body, 'name', `${prefix}name`, 200, true, p, errors);
    const channel = choice(body, 'channel', `${prefix}channel`, channels, p, errors);
    const mode = choice(body, 'mode', `${prefix}mode`, modes, p, errors);
    const owner = one(body, 'ownerUnitId') ?? null;
    if (owner !== null) {
      if (!UUID.test(owner) || !(await unitExists(db, p.auth.orgId, owner))) errors.set(`${prefix}owner`, p.w.common.choose);
    }
    return { name, channel, mode, ownerUnitId: owner, values: { [`${prefix}name`]: name, [`${prefix}channel`]: one(body, 'channel'), [`${prefix}mode`]: one(body, 'mode'), [`${prefix}owner`]: owner } };
  }

  page<{ id: string }>(app, 'POST', `${LIST}/:id/touchpoints`, 'journeys:write', async (request, reply, p) => {
    const journey = await journeyOf(p.auth.orgId, uuidParam(request.params.id, 'Journey'));
    const stage = journey.stages.find((st) => st.id === one(request.body, 'stageId')?.toLowerCase());
    if (!stage) throw new KaikuError('not_found', 'Stage not found', { status: 404 });
    const errors: Errors = new Map();
    const tp = await readTouchpoint(p, request.body, `stage-${stage.id}-tp-`, errors);
    if (errors.size > 0) return editorPage(p, journey.id, { errors, values: tp.values }, 400);
    await createTouchpoint(db, p.auth.orgId, { stageId: stage.id, name: tp.name!, channel: tp.channel!, mode: tp.mode!, ownerUnitId: tp.ownerUnitId });
    return back(reply, journey.id, 'touchpointAdded', `#stage-${stage.id}`);
  });

  async function touchpointPage(p: OpenPage, id: string, state: EditorState = {}, status = 200) {
    const e = s(p);
    const t = dashboardText(p.language);
    const tp = await touchpointOf(p.auth.orgId, id);
    const [journey, units] = await Promise.all([journeyOf(p.auth.orgId, tp.journeyId), listUnits(db, p.auth.orgId)]);
    const errors = state.errors ?? new Map();
    const v = state.values ?? {};
    const title = e.touchpointTitle(tp.name);
    return p.send('setup', title, html`${crumbs(p, [[`${LIST}/${journey.id}`, journey.name]])}<h1>${title}</h1>
${notice(state.message)}${state.confirm ?? ''}${errorSummary(p.w, errors)}
<form method="post" action="/app/setup/touchpoints/${tp.id}" class="stack" novalidate>
<div class="form-grid">
${inputField('name', p.w.common.name, v.name ?? tp.name, errors, { required: true, attrs: 'maxlength="200" autocomplete="off"' })}
${selectField('stageId', e.stage, journey.stages.map((st): Option => [st.id, `${st.position}. ${st.name}`]), v.stageId ?? tp.stageId, errors, { hint: e.stageHint })}
${selectField('channel', e.channel, channels.map((c): Option => [c, t.channelNames[c] ?? c]), v.channel ?? tp.channel, errors)}
${selectField('mode', e.mode, modes.map((m): Option => [m, e.modes[m]]), v.mode ?? tp.mode, errors)}
${selectField('owner', e.ownerUnit, [['', e.noOwner], ...units.map((u): Option => [u.id, u.name])], (v.owner === undefined ? tp.ownerUnitId : v.owner) ?? '', errors, { name: 'ownerUnitId' })}
</div>
<div class="form-actions"><button class="button" type="submit">${e.saveTouchpoint}</button> <a href="${LIST}/${journey.id}">${p.w.common.cancel}</a></div></form>
<form method="post" action="/app/setup/touchpoints/${tp.id}/delete"><button class="button danger" type="submit">${e.removeTouchpoint}</button></form>`, status);
  }

  page<{ id: string }>(app, 'GET', '/app/setup/touchpoints/:id', 'journeys:write', async (request, _reply, p) =>
    touchpointPage(p, uuidParam(request.params.id, 'Touchpoint'), { message: doneMessage(s(p), one(request.query, 'done')) }));

  page<{ id: string }>(app, 'POST', '/app/setup/touchpoints/:id', 'journeys:write', async (request, reply, p) => {
    const current = await touchpointOf(p.auth.orgId, uuidParam(request.params.id, 'Touchpoint'));
    const errors: Errors = new Map();
    const tp = await readTouchpoint(p, request.body, '', errors);
    // Moving between stages: any stage of the same journey (the map keeps each touchpoint in its journey).
    const stageId = one(request.body, 'stageId')?.toLowerCase();
    const found = stageId && UUID.test(stageId) ? await findStage(db, p.auth.orgId, stageId) : undefined;
    const stage = found?.journeyId === current.journeyId ? found : undefined;
    if (!stage) errors.set('stageId', p.w.common.choose);
    if (errors.size > 0 || !stage) return touchpointPage(p, current.id, { errors, values: { ...tp.values, stageId } }, 400);
    await updateTouchpoint(db, p.auth.orgId, current.id, { stageId: stage.id, name: tp.name!, channel: tp.channel!, mode: tp.mode!, ownerUnitId: tp.ownerUnitId });
    return back(reply, current.journeyId, 'touchpointSaved', `#stage-${stage.id}`);
  });

  page<{ id: string }>(app, 'POST', '/app/setup/touchpoints/:id/delete', 'journeys:write', async (request, reply, p) => {
    const tp = await touchpointOf(p.auth.orgId, uuidParam(request.params.id, 'Touchpoint'));
    if (one(request.body, 'confirm') !== '1') {
      return touchpointPage(p, tp.id, { confirm: confirmation(p.w, `/app/setup/touchpoints/${tp.id}/delete`, s(p).confirmRemoveTouchpoint(tp.name), {}, `/app/setup/touchpoints/${tp.id}`) });
    }
    const refused = await remove(p, 'touchpoint', () => removeTouchpoint(db, p.auth.orgId, tp.id));
    if (refused) return touchpointPage(p, tp.id, { errors: new Map([['name', refused]]) }, 409);
    return back(reply, tp.journeyId, 'touchpointRemoved', `#stage-${tp.stageId}`);
  });
}
