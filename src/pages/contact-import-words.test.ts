/**
 * The import page's pure parts: columns guessed from headers in the four languages (a field
 * once, the first column winning; attr./op. prefixes), and the check and result sentences with
 * each language's plural forms, written out by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contactImportText } from '../i18n/contact-import.ts';
import { guessMapping } from './contact-import-pages.ts';

test('columns are guessed from their names; a field is taken once, unknown columns are not imported', () => {
  assert.deepEqual(
    guessMapping(['Asiakasnumero', 'Sähköposti', 'E-mail', 'Puhelin', 'Time zone', 'consent_survey_email', 'attr.Region', 'op.NPS target', 'Notes', 'kundnummer']),
    ['externalId', 'email', 'ignore', 'phone', 'timeZone', 'consentSurveyEmail', 'attribute', 'operational', 'ignore', 'ignore']);
  assert.deepEqual(guessMapping(['external_id', 'NAME', 'Språk', 'tenureMonths']), ['externalId', 'name', 'language', 'tenureMonths']);
});

test('the check and the result speak in each language’s plural forms', () => {
  assert.equal(contactImportText('en').checkSummary(18, 2), '18 rows can be imported; 2 have problems');
  assert.equal(contactImportText('en').checkSummary(1, 1), '1 row can be imported; 1 has a problem');
  assert.equal(contactImportText('en').checkSummary(5, 0), '5 rows can be imported');
  assert.equal(contactImportText('en').imported(19), '19 contacts imported');
  assert.equal(contactImportText('fi').checkSummary(18, 1), '18 riviä voidaan tuoda; 1 rivissä on ongelma');
  assert.equal(contactImportText('fi').imported(1), '1 yhteystieto tuotu');
  assert.equal(contactImportText('sv').imported(19), '19 kontakter importerade');
  assert.equal(contactImportText('pl').imported(1), '1 kontakt zaimportowany');
  assert.equal(contactImportText('pl').imported(3), '3 kontakty zaimportowane');
  assert.equal(contactImportText('pl').imported(19), '19 kontaktów zaimportowanych');
  assert.equal(contactImportText('pl').imported(22), '22 kontakty zaimportowane');
  assert.equal(contactImportText('pl').checkSummary(5, 2), '5 wierszy można zaimportować; 2 mają problemy');
});

test('a problem row names the row, the field and the cell in the reader’s language', () => {
  assert.equal(contactImportText('en').problemRow(7, contactImportText('en').problems.email!('anna@')), "Row 7: e-mail 'anna@' is not an e-mail address");
  assert.equal(contactImportText('sv').problemRow(7, contactImportText('sv').problems.email!('anna@')), 'Rad 7: e-post ”anna@” är ingen e-postadress');
});
