import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoLogins } from './serve.ts';

test('the start-up message lists one sign-in for each of the five demo roles, with the shared password', () => {
  assert.equal(demoLogins('Demo logins'), [
    'Demo logins, password kaiku-demo-2026:',
    '  admin         demo@kaiku.example',
    '  analyst       analyst@kaiku.example',
    '  unit manager  manager@kaiku.example',
    '  frontline     frontline@kaiku.example',
    '  viewer        viewer@kaiku.example',
    '',
  ].join('\n'));
});
