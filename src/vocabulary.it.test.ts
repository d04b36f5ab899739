import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../test/helpers/db.ts';
import { caseKinds, casePriorities, caseStatuses, openCaseStatuses, responseSources, roles } from './vocabulary.ts';

// The vocabulary is taken from the schema; this checks that the migrated database agrees with it,
// so a value added to an enum in schema.ts without a migration (or the reverse) fails here.
test('the vocabulary lists equal the migrated database enums, in order', async () => {
  const db = await testDatabase();
  try {
    const labels = async (type: string) => (await db.query<{ label: string }>(
      `select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 order by e.enumsortorder`, [type]))
      .map((r) => r.label);
    assert.deepEqual(await labels('case_status'), ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed']);
    assert.deepEqual(await labels('case_status'), [...caseStatuses]);
    assert.deepEqual(await labels('case_priority'), [...casePriorities]);
    assert.deepEqual(await labels('case_kind'), [...caseKinds]);
    assert.deepEqual(await labels('role'), [...roles]);
    assert.deepEqual(await labels('response_source'), [...responseSources]);
    // The open set is what SQL filters with `= any($n::case_status[])`: resolved and closed are not open.
    assert.deepEqual([...openCaseStatuses], ['new', 'in_progress', 'waiting_customer']);
    const [{ open }] = await db.query<{ open: number }>(
      `select count(*)::int as open from unnest(enum_range(null::case_status)) s where s = any($1::case_status[])`, [openCaseStatuses]);
    assert.equal(open, 3);
  } finally {
    await db.close();
  }
});
