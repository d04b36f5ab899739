/**
 * The analytic dashboard pages: key drivers (/app/drivers), open answers (/app/text) and churn
 * risk (/app/churn, with POST /app/churn/train). Server-rendered without scripts; registered
 * inside dashboardRoutes, whose security headers and error pages they share. Each page checks
 * the permission its API needs (src/auth/permissions.ts) through page-kit's `page`, which lists
 * it for the role-matrix and cross-tenant suites, and answers `?download=` for its tables and
 * charts (src/pages/downloads.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KaikuError } from '../errors.ts';
import { dashboardText } from '../i18n/dashboard.ts';
import { analysisText } from '../i18n/analysis-pages.ts';
import { defaultTrainOptions, requestChurnTraining } from '../churn/service.ts';
import { page, type OpenPage } from './page-kit.ts';
import { answerDownload, downloadContext, type Downloadable } from './downloads.ts';
import { filterUnits, firstParam, type Query } from './analysis-common.ts';
import { driverDownloads, loadDrivers, parseDriverChoice, renderDrivers } from './drivers-view.ts';
import { loadText, parseTextChoice, renderText, textDownloads } from './text-view.ts';
import { churnDownloads, loadChurn, renderChurn } from './churn-view.ts';
import { startPlanLinks } from './start-plan.ts';
import { html } from './html.ts';

export async function analysisPageRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const now = () => (app.deps.now ?? (() => new Date()))();

  /** What the three pages share beyond page-kit's: their texts and downloads. */
  const extras = (request: FastifyRequest, reply: FastifyReply, p: OpenPage) => ({
    t: dashboardText(p.language),
    a: analysisText(p.language),
    downloads: downloadContext(request, p.language),
    download: (items: Downloadable[]) => answerDownload(request, reply, items, { chromiumPath: config.chromiumPath, language: p.language }),
  });

  page(app, 'GET', '/app/drivers', 'metrics:read', async (request, reply, p) => {
    const x = extras(request, reply, p);
    const data = await loadDrivers(db, p.auth, parseDriverChoice(request.query as Query), p.timeZone, now(), p.defaultPeriod);
    if (await x.download(driverDownloads(data, x.a, p.language))) return reply;
    const units = await filterUnits(db, p.auth);
    const drivers = p.can('actions:write') ? [...data.weights?.attributes ?? []].sort((x, y) => y.rescaled - x.rescaled) : [];
    const targetType = data.targets.find((q) => q.key === data.choice.target)?.type;
    const planMetric = targetType === 'nps' || targetType === 'csat' || targetType === 'ces' ? targetType : undefined;
    return p.send('drivers', x.a.drivers.title, html`${renderDrivers(data, { a: x.a, t: x.t, language: p.language, units, downloads: x.downloads })}
${startPlanLinks(p.language, drivers, planMetric)}`);
  });

  page(app, 'GET', '/app/text', 'metrics:read', async (request, reply, p) => {
    const x = extras(request, reply, p);
    const data = await loadText(db, p.auth, parseTextChoice(request.query as Query), p.timeZone, now(), p.defaultPeriod);
    if (await x.download(textDownloads(data, x.a, p.language))) return reply;
    const units = await filterUnits(db, p.auth);
    return p.send('text', x.a.text.title, renderText(data, { a: x.a, t: x.t, language: p.language, timeZone: p.timeZone, units, downloads: x.downloads, pageUrl: request.url }));
  });

  page(app, 'GET', '/app/churn', 'churn:read', async (request, reply, p) => {
    const x = extras(request, reply, p);
    const query = request.query as Query;
    const data = await loadChurn(db, p.auth, firstParam(query, 'cursor'));
    if (await x.download(churnDownloads(data, x.a, p.language))) return reply;
    return p.send('churn', x.a.churn.title, renderChurn(data, {
      a: x.a, language: p.language, timeZone: p.timeZone, canTrain: p.can('churn:train'), queued: firstParam(query, 'queued') === '1', trainError: firstParam(query, 'trainError'), downloads: x.downloads,
    }));
  });

  // "Train now": a form post from the churn page (page-kit refuses one from another site), then back to it.
  // Why it could not start is shown on the page in the user's language (the service's messages are English).
  page(app, 'POST', '/app/churn/train', 'churn:train', async (_request, reply, p) => {
    try {
      await requestChurnTraining(db, app.deps.jobs, p.auth, defaultTrainOptions, 'dashboard');
    } catch (error) {
      const reason = !(error instanceof KaikuError) ? undefined
        : error.code === 'jobs_unavailable' ? 'no_jobs' : error.status === 409 ? 'running' : error.field === 'target' ? 'no_flag' : undefined;
      if (!reason) throw error;
      return reply.redirect(`/app/churn?trainError=${reason}`, 303);
    }
    return reply.redirect('/app/churn?queued=1', 303);
  });
}
