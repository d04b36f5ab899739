/**
 * The survey builder's form as data: what a post reads as, what its buttons do, how the API's
 * field names land on form fields, and the preview of an unfinished draft.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builderText } from '../i18n/builder.ts';
import { workText } from '../i18n/work.ts';
import { applyEdit, checkDraft, emptyDraft, formField, optionRows, previewSurvey, readDraft, toInput } from './survey-builder-form.ts';

const posted = {
  name: ' Pulssi ', kind: 'pulse', status: 'active', touchpointId: '', defaultLanguage: 'fi', languages: ['fi', 'sv', 'xx1'],
  title_fi: 'Otsikko', title_sv: '', title_en: 'Dropped: en is not chosen', qn: '2',
  q0_key: 'nps', q0_type: 'nps', q0_required: '1', q0_whyshown: '1', q0_text_fi: 'Suosittelisitko?', q0_text_sv: 'Rekommendera?',
  q1_key: 'visit', q1_type: 'single_choice', q1_on: '4', q1_text_fi: 'Syy',
  q1_o0_value: 'buy', q1_o0_fi: 'Osto', q1_o1_value: '', q1_o1_fi: 'Palautus', q1_o1_sv: 'Retur', q1_o2_value: '', q1_o2_fi: '', q1_o3_value: '', q1_o3_fi: '',
};

test('a post reads as typed: codes made up for filled option rows, one blank row kept to fill in, unknown languages ignored', () => {
  const draft = readDraft(posted);
  assert.deepEqual(draft.languages, ['fi', 'sv']);
  assert.equal(draft.name, ' Pulssi ', 'kept as typed until checked');
  assert.deepEqual(draft.questions[0].why, false, 'the why box was shown and left unticked');
  assert.deepEqual(draft.questions[1].options, [
    { value: 'buy', label: { fi: 'Osto' } }, { value: 'o2', label: { fi: 'Palautus', sv: 'Retur' } }, { value: '', label: {} },
  ]);
  const input = toInput(draft);
  assert.deepEqual([input.name, input.title, input.questions[0].why, input.questions[1].options?.length], ['Pulssi', { fi: 'Otsikko' }, false, 2]);
});

test('the buttons add, move, remove questions and add option rows; out-of-range indexes change nothing', () => {
  const draft = readDraft(posted);
  assert.deepEqual(applyEdit(draft, 'down-0', '').questions.map((q) => q.key), ['visit', 'nps']);
  assert.deepEqual(applyEdit(draft, 'up-1', '').questions.map((q) => q.key), ['visit', 'nps']);
  assert.deepEqual(applyEdit(draft, 'up-0', '').questions.map((q) => q.key), ['nps', 'visit']);
  assert.deepEqual(applyEdit(draft, 'remove-0', '').questions.map((q) => q.key), ['visit']);
  assert.deepEqual(applyEdit(draft, 'remove-7', '').questions.map((q) => q.key), ['nps', 'visit']);
  const added = applyEdit(applyEdit(draft, 'add', 'nps'), 'add', 'likert7');
  assert.deepEqual(added.questions.map((q) => [q.key, q.type]), [['nps', 'nps'], ['visit', 'single_choice'], ['nps2', 'nps'], ['statement', 'likert7']]);
  assert.equal(added.questions[3].allowDontKnow, true);
  assert.equal(applyEdit(draft, 'addopt-1', '').questions[1].options.length, 4);
  assert.equal(optionRows([]).length, 2);
});

test('the API’s field names land on the form’s fields', () => {
  const d = { defaultLanguage: 'sv' };
  assert.equal(formField('questions[2].text', d), 'q2_text_sv');
  assert.equal(formField('/questions/2/key', d), 'q2_key');
  assert.equal(formField('questions[1].options[3].label', d), 'q1_o3_sv');
  assert.equal(formField('questions[1].options', d), 'q1_o0_value');
  assert.equal(formField('/title/fi', d), 'title_sv');
  assert.equal(formField('defaultLanguage', d), 'defaultLanguage');
  assert.equal(formField('/somethingElse', d), 'name');
});

test('the check names the field and passes a complete draft', () => {
  const s = builderText('en');
  const w = workText('en');
  const bad = checkDraft(readDraft({ ...posted, q1_o0_value: 'b u y', q0_text_fi: '' }), s, w, new Set());
  assert.deepEqual([...bad.errors.keys()], ['q0_text_fi', 'q1_o0_value']);
  const good = checkDraft(readDraft(posted), s, w, new Set());
  assert.equal(good.errors.size, 0);
  assert.equal(good.input?.questions.length, 2);
  assert.equal(checkDraft(readDraft({ ...posted, touchpointId: '00000000-0000-4000-8000-000000000001' }), s, w, new Set()).errors.get('touchpointId'), w.common.choose);
});

test('an unfinished draft still previews: texts as typed, the NPS follow-up once the draft is valid', () => {
  const unfinished = previewSurvey({ ...emptyDraft('fi'), questions: [{ ...emptyDraft('fi').questions[0], key: '', text: { fi: 'Suosittelisitko?' } }] });
  assert.deepEqual(unfinished.questions.map((q) => [q.key, q.texts.fi?.label]), [['q1', 'Suosittelisitko?']]);
  const valid = previewSurvey(readDraft(posted));
  assert.deepEqual(valid.questions.map((q) => q.key), ['nps', 'visit'], 'why: false asks no follow-up');
  const withWhy = previewSurvey(readDraft({ ...posted, q0_why: '1' }));
  assert.deepEqual(withWhy.questions.map((q) => q.key), ['nps', 'nps_why', 'visit']);
});

test('condition pickers read as the API’s condition: numbers on a score question, codes on a choice, a list for “is one of”', () => {
  const form = { ...posted, qn: '3', q2_key: 'why', q2_type: 'text', q2_text_fi: 'Miksi?', q2_ifshown: '1', q2_if: 'nps', q2_ifop: 'lte', q2_ifvalue: '6', q1_ifshown: '1', q1_if: '' };
  const draft = readDraft(form);
  assert.equal(draft.questions[1].condition, undefined, '“always” is no condition');
  assert.deepEqual(draft.questions[2].condition, { question: 'nps', op: 'lte', values: ['6'] });
  assert.deepEqual(toInput(draft).questions[2].displayIf, { question: 'nps', op: 'lte', value: 6 });
  const onChoice = readDraft({ ...form, q2_if: 'visit', q2_ifop: 'in', q2_ifvalue: ['buy', 'o2'] });
  assert.deepEqual(toInput(onChoice).questions[2].displayIf, { question: 'visit', op: 'in', value: ['buy', 'o2'] });
  assert.deepEqual(toInput(readDraft({ ...form, q2_ifop: 'answered' })).questions[2].displayIf, { question: 'nps', op: 'answered' });
  // A form without pickers (an earlier page) keeps the condition it carried.
  const older = readDraft({ ...form, q2_ifshown: '', q2_extra: JSON.stringify({ displayIf: { question: 'nps', op: 'gte', value: 9 } }) });
  assert.deepEqual(older.questions[2].condition, { question: 'nps', op: 'gte', values: ['9'] });
  const s = builderText('en');
  assert.equal(checkDraft(readDraft({ ...form, q2_ifvalue: '11' }), s, workText('en'), new Set()).errors.get('q2_ifvalue'), s.errors.conditionValue);
  assert.equal(checkDraft(readDraft({ ...form, q2_if: 'visit', q2_ifop: 'lte', q2_ifvalue: 'buy' }), s, workText('en'), new Set()).errors.get('q2_ifop'), workText('en').common.choose);
  assert.deepEqual(checkDraft(draft, s, workText('en'), new Set()).errors, new Map());
});

test('a dragged question moves to where it was dropped, both ways; nonsense moves change nothing', () => {
  const draft = { ...emptyDraft('fi'), questions: ['a', 'b', 'c', 'd'].map((key) => ({ ...emptyDraft('fi').questions[0], key })) };
  const order = (intent: string) => applyEdit(draft, intent, '').questions.map((q) => q.key).join('');
  assert.equal(order('move-3-0'), 'dabc');
  assert.equal(order('move-0-2'), 'bcad');
  assert.equal(order('move-1-1'), 'abcd');
  assert.equal(order('move-1-4'), 'abcd');
  assert.equal(order('move-9-0'), 'abcd');
  assert.equal(order('move-1-x'), 'abcd');
});
