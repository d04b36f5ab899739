/**
 * Security headers on every response. Pages set their own, stricter Content-Security-Policy
 * (their onSend hooks run after this one and replace it); everything else, JSON included, is
 * a resource that never runs script and is never framed.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';

/** For JSON, CSV and the like: nothing may load, nothing may frame it. */
export const apiCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** The interactive API reference (@fastify/swagger-ui) loads its own scripts and styles. */
const docsCsp = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

export const securityHeadersPlugin = fp(async (app: FastifyInstance, options: { hstsMaxAge: number }) => {
  const hsts = options.hstsMaxAge > 0 ? `max-age=${options.hstsMaxAge}; includeSubDomains` : undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? docsCsp : apiCsp);
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (hsts) reply.header('strict-transport-security', hsts);
    return payload;
  });
});
