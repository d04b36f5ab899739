/**
 * A local SMS gateway speaking the JSON POST that src/distribution/sms.ts sends: 202, except 400
 * for +358400000000 (a number it does not know) and 503 for +358400000503 (busy). `received`
 * holds every request with its Authorization header.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsRequest { authorization: string | undefined; body: { from: string; to: string; text: string; reference: string } }

export async function startSmsGateway() {
  const received: SmsRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => {
      const body = JSON.parse(data) as SmsRequest['body'];
      received.push({ authorization: req.headers.authorization, body });
      if (body.to === '+358400000000') { res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"unknown number"}'); return; }
      if (body.to === '+358400000503') { res.writeHead(503).end('busy'); return; }
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"m1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
