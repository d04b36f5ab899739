import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertWebhookUrl, isPublicAddress } from './address-guard.ts';

test('loopback, private, link-local, CGNAT, multicast and reserved addresses are not public', () => {
  for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
    assert.equal(isPublicAddress(address), false, address);
  }
  for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111']) assert.equal(isPublicAddress(address), true, address);
});

test('webhook URLs must be http(s) without credentials, and public unless private addresses are allowed', async () => {
  const refused = async (url: string, allowPrivate = false) => {
    await assert.rejects(assertWebhookUrl(url, allowPrivate), (e: Error & { field?: string }) => e.field === 'url');
  };
  await refused('ftp://example.com/hook');
  await refused('not a url');
  await refused('https://user:pass@example.com/hook');
  await refused('http://127.0.0.1:8080/hook');
  await refused('http://[::1]/hook');
  await refused('http://169.254.169.254/latest/meta-data');
  await refused('http://localhost:3000/hook');
  assert.equal((await assertWebhookUrl('http://127.0.0.1:8080/hook', true)).port, '8080');
  assert.equal((await assertWebhookUrl('https://93.184.216.34/hook', false)).hostname, '93.184.216.34');
});

test('a delivery refuses a private address at connect time too (a name that now resolves to loopback)', async () => {
  const { postSigned } = await import('./service.ts');
  const target = { secret: 's', event: 'case.created', deliveryId: 'd', body: '{}' };
  const literal = await postSigned({ ...target, url: 'http://127.0.0.1:9/hook' }, false);
  assert.deepEqual(literal, { statusCode: null, error: '127.0.0.1 is a private or reserved address' });
  const named = await postSigned({ ...target, url: 'http://localhost:9/hook' }, false);
  assert.equal(named.statusCode, null);
  assert.match(named.error ?? '', /localhost resolves only to private or reserved addresses/);
});
