/**
 * SMS through a provider adapter. One real implementation: a JSON POST to a configurable HTTP
 * endpoint (KAIKU_SMS_URL) with an Authorization header (KAIKU_SMS_AUTH), which most gateways
 * accept directly or through a small relay:
 *
 *   POST <url>  { "from": "Kaiku", "to": "+358401234567", "text": "…", "reference": "<invitation id>" }
 *
 * 2xx = accepted (delivered to the gateway); 4xx other than 408/429 = refused for good (bounced,
 * e.g. an unknown number); anything else, or no answer in 10 s, is worth trying again.
 */
import type { Config } from '../config.ts';

export interface SmsMessage { to: string; text: string; reference: string }

export type SendOutcome =
  | { outcome: 'delivered' }
  | { outcome: 'bounced'; error: string }
  | { outcome: 'retry'; error: string };

export interface SmsProvider {
  send(message: SmsMessage): Promise<SendOutcome>;
}

export function createSmsProvider(config: Pick<Config, 'smsUrl' | 'smsAuth' | 'smsFrom'>): SmsProvider | undefined {
  if (!config.smsUrl) return undefined;
  const url = config.smsUrl;
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(config.smsAuth ? { authorization: config.smsAuth } : {}) },
          body: JSON.stringify({ from: config.smsFrom, to: message.to, text: message.text, reference: message.reference }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        return { outcome: 'retry', error: `SMS gateway unreachable: ${(error as Error).message}` };
      }
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      if (response.ok) return { outcome: 'delivered' };
      const error = `SMS gateway answered ${response.status}${detail ? `: ${detail}` : ''}`;
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      return permanent ? { outcome: 'bounced', error } : { outcome: 'retry', error };
    },
  };
}
