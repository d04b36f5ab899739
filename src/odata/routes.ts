/**
 * The OData v4 feed under /odata/v4 for Power BI, Excel and other BI tools: service document,
 * $metadata (CSDL XML) and one route per entity set, each protected by its set's permission.
 * Errors use OData's JSON error format; a 401 asks for HTTP Basic credentials (user name
 * anything, password the API key), which is how Power BI and Excel send a key.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authOf } from '../auth/plugin.ts';
import { toProblem } from '../http/problem.ts';
import { KaikuError } from '../errors.ts';
import { entitySets, metadataXml, type EntitySet } from './entities.ts';
import { encodeToken, parseQueryOptions, type QueryOptions } from './query.ts';
import { queryEntitySet } from './service.ts';

export const ODATA_ROOT = '/odata/v4';
const DEFAULT_PAGE = 5000;
const MAX_PAGE = 20_000;
const JSON_TYPE = 'application/json;odata.metadata=minimal;charset=utf-8';

const serviceRoot = (request: FastifyRequest) => `${request.protocol}://${request.host}${ODATA_ROOT}`;

/** Prefer: odata.maxpagesize=N lets a client ask for smaller (or, up to MAX_PAGE, larger) pages. */
function pageSizeOf(request: FastifyRequest, reply: FastifyReply): number {
  const wanted = /odata\.maxpagesize=(\d+)/.exec(String(request.headers.prefer ?? ''))?.[1];
  if (!wanted) return DEFAULT_PAGE;
  const size = Math.min(MAX_PAGE, Math.max(1, Number(wanted)));
  reply.header('preference-applied', `odata.maxpagesize=${size}`);
  return size;
}

/** The next page's URL: this request's options without $skip, plus the page token. */
function nextLink(request: FastifyRequest, set: EntitySet, token: string): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query as Record<string, string>)) {
    if (name !== '$skip' && name !== '$skiptoken') query.set(name, value);
  }
  query.set('$skiptoken', token);
  return `${serviceRoot(request)}/${set.name}?${query.toString().replace(/\+/g, '%20')}`;
}

function contextUrl(request: FastifyRequest, set: EntitySet, options: QueryOptions): string {
  const select = options.select ? `(${options.select.map((p) => p.name).join(',')})` : '';
  return `${serviceRoot(request)}/$metadata#${set.name}${select}`;
}

export async function odataRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'OData request failed');
    if (problem.status === 401) reply.header('www-authenticate', 'Basic realm="Kaiku OData", charset="UTF-8"');
    if (problem.status === 503) reply.header('retry-after', '5');
    return reply.status(problem.status).header('odata-version', '4.0').type('application/json;charset=utf-8')
      .send({ error: { code: problem.code, message: problem.detail, ...(problem.field ? { target: problem.field } : {}) } });
  });
  app.addHook('onSend', async (_request, reply) => { reply.header('odata-version', '4.0'); });

  const hide = { hide: true };
  const serviceDocument = async (request: FastifyRequest, reply: FastifyReply) => reply.type(JSON_TYPE).send({
    '@odata.context': `${serviceRoot(request)}/$metadata`,
    value: entitySets.map((set) => ({ name: set.name, kind: 'EntitySet', url: set.name })),
  });
  app.get(ODATA_ROOT, { schema: hide, config: { permission: 'metrics:read' } }, serviceDocument);
  app.get(`${ODATA_ROOT}/`, { schema: hide, config: { permission: 'metrics:read' } }, serviceDocument);
  app.get(`${ODATA_ROOT}/$metadata`, { schema: hide, config: { permission: 'metrics:read' } }, async (_request, reply) =>
    reply.type('application/xml;charset=utf-8').send(metadataXml()));

  for (const set of entitySets) {
    app.get(`${ODATA_ROOT}/${set.name}`, { schema: hide, config: { permission: set.permission } }, async (request, reply) => {
      const options = parseQueryOptions(set, request.query as Record<string, string | string[]>);
      const page = await queryEntitySet(db, authOf(request), set, options, pageSizeOf(request, reply));
      return reply.type(JSON_TYPE).send({
        '@odata.context': contextUrl(request, set, options),
        ...(page.count !== undefined ? { '@odata.count': page.count } : {}),
        value: page.rows,
        ...(page.next ? { '@odata.nextLink': nextLink(request, set, encodeToken(page.next)) } : {}),
      });
    });
    app.get(`${ODATA_ROOT}/${set.name}/$count`, { schema: hide, config: { permission: set.permission } }, async (request, reply) => {
      const query = request.query as Record<string, string | string[]>;
      const options = parseQueryOptions(set, { ...(query.$filter !== undefined ? { $filter: query.$filter } : {}), $count: 'true', $top: '0' });
      const page = await queryEntitySet(db, authOf(request), set, options, 0);
      return reply.type('text/plain;charset=utf-8').send(String(page.count));
    });
  }
  // Anything else under the root (an unknown set, a key path such as Responses(…), $batch) in OData's error format.
  app.get(`${ODATA_ROOT}/*`, { schema: hide }, async (request) => {
    throw new KaikuError('not_found', `${request.url.split('?')[0].slice(ODATA_ROOT.length + 1)} is not a resource of this service; the entity sets are ${entitySets.map((s) => s.name).join(', ')}`, { status: 404 });
  });
}
