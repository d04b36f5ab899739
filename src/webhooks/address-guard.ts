/**
 * SSRF protection for webhooks: an organisation admin chooses the URL, but the request leaves
 * from inside the operator's network, so by default Kaiku refuses loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved addresses.
 * The check runs when a webhook is saved and again on every delivery, inside the socket's DNS
 * lookup, so a name that later resolves to a private address (DNS rebinding) is refused too.
 * KAIKU_WEBHOOKS_ALLOW_PRIVATE=true lifts it for on-premises receivers and tests.
 */
import dns from 'node:dns';
import net from 'node:net';
import type { LookupFunction } from 'node:net';
import { badInput } from '../errors.ts';

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** True when an IP address is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) is the IPv4 address in disguise.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return isPublicAddress(mapped);
    return !blocked.check(address, 'ipv6');
  }
  return false;
}

/** Checks a webhook URL as given by a user: http(s), a host, and (unless allowed) public addresses only. */
export async function assertWebhookUrl(raw: string, allowPrivate: boolean, field = 'url'): Promise<URL> {
  let url: URL;
  try { url = new URL(raw); } catch { throw badInput('url must be an absolute http:// or https:// URL', field); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('url must use http or https', field);
  if (url.username || url.password) throw badInput('url must not contain a user name or password; the signature authenticates Kaiku', field);
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw badInput(`url: the host "${host}" does not resolve`, field);
    }
  }
  if (addresses.some((a) => !isPublicAddress(a))) {
    throw badInput('url resolves to a private, loopback or reserved address; webhooks go to public addresses only (see KAIKU_WEBHOOKS_ALLOW_PRIVATE)', field);
  }
  return url;
}

/** A socket lookup that refuses non-public addresses, for the delivery request itself. */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const allowed = allowPrivate ? list : list.filter((a) => isPublicAddress(a.address));
      if (allowed.length === 0) {
        const refused = Object.assign(new Error(`${hostname} resolves only to private or reserved addresses`), { code: 'EADDRNOTALLOWED' });
        return callback(refused, '', 0);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      return callback(null, allowed[0].address, allowed[0].family);
    });
  };
}
