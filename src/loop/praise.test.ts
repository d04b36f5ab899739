import { test } from 'node:test';
import assert from 'node:assert/strict';
import { employeeNamedIn } from './praise.ts';

const staff = [
  { id: 'eeva', name: 'Eeva Esimerkki', unitId: 'helsinki' },
  { id: 'anna-h', name: 'Anna Holm', unitId: 'helsinki' },
  { id: 'anna-t', name: 'Anna Tamm', unitId: 'tampere' },
  { id: 'piotr', name: 'Piotr Nowak', unitId: 'tampere' },
];

test('a full name anywhere in the text names the employee, in any case', () => {
  assert.equal(employeeNamedIn('Kiitos EEVA ESIMERKKI, loistavaa palvelua!', staff, null), 'eeva');
  assert.equal(employeeNamedIn('Anna Tamm was great', staff, 'helsinki'), 'anna-t');
});

test('a first name names the employee when only one in the unit (or organisation) has it; case endings are allowed', () => {
  assert.equal(employeeNamedIn('Kiitos Eevalle avusta', staff, null), 'eeva');
  assert.equal(employeeNamedIn('Dziękuję, Piotrze!', staff, 'tampere'), 'piotr');
  assert.equal(employeeNamedIn('Anna helped me a lot', staff, 'helsinki'), 'anna-h');
  assert.equal(employeeNamedIn('Anna helped me a lot', staff, null), null, 'two Annas in the organisation');
});

test('no name, a name inside another word, or two people named: nobody', () => {
  assert.equal(employeeNamedIn('Great service, thanks', staff, null), null);
  assert.equal(employeeNamedIn('Savanna was lovely', staff, 'helsinki'), null);
  assert.equal(employeeNamedIn('Eeva Esimerkki and Piotr Nowak both helped', staff, null), null);
  assert.equal(employeeNamedIn('', staff, null), null);
});
