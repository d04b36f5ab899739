import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Directory } from './routing.ts';

// Region → Customer service → Counter; only the region has a manager.
const units = [
  { id: 'region', parent_id: null },
  { id: 'service', parent_id: 'region' },
  { id: 'counter', parent_id: 'service' },
  { id: 'island', parent_id: null },
];
const users = [
  { id: 'admin-1', unit_id: null, role: 'admin' },
  { id: 'admin-2', unit_id: null, role: 'admin' },
  { id: 'riikka', unit_id: 'region', role: 'unit_manager' },
  { id: 'matti', unit_id: 'service', role: 'frontline' },
];

test('a unit with its own manager: that manager, not by fallback', () => {
  const d = Directory.fromRows({ units, users });
  assert.deepEqual(d.fallbackOwner('region'), { userId: 'riikka', assignedByFallback: null });
});

test('a unit without a manager: the nearest ancestor unit\'s manager, by fallback', () => {
  const d = Directory.fromRows({ units, users });
  assert.deepEqual(d.fallbackOwner('counter'), { userId: 'riikka', assignedByFallback: 'parent_unit' });
  assert.deepEqual(d.fallbackOwner('service'), { userId: 'riikka', assignedByFallback: 'parent_unit' });
});

test('no manager anywhere up the chain: the organisation\'s first CX admin, by fallback', () => {
  const d = Directory.fromRows({ units, users });
  assert.deepEqual(d.fallbackOwner('island'), { userId: 'admin-1', assignedByFallback: 'org_admin' });
  assert.deepEqual(d.fallbackOwner(null), { userId: 'admin-1', assignedByFallback: 'org_admin' });
});

test('no manager and no admin: unassigned, and the router says so', () => {
  const d = Directory.fromRows({ units, users: users.filter((u) => u.role !== 'admin') });
  assert.deepEqual(d.fallbackOwner('island'), { userId: null, assignedByFallback: null });
});

test('a detractor routed to the touchpoint owner lands on the fallback owner', () => {
  const d = Directory.fromRows({ units, users, touchpoints: [{ id: 'tp', owner_unit_id: 'island' }] });
  const owner = d.owner({ to: 'touchpoint_owner' }, { touchpointId: 'tp', unitId: 'counter', employeeId: null }, 'problem');
  assert.deepEqual(owner, { userId: 'admin-1', unitId: 'island', routedBy: 'touchpoint_owner', assignedByFallback: 'org_admin' });
});
