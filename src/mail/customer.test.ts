import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followUpEmail, resurveyDefinition, resurveyEmail } from './customer.ts';

const ctx = { organisationName: 'Kauppa & Co', contactName: 'Eve <script>', senderName: 'Mari "M" Virtanen' };

test('the follow-up e-mail is in the contact\'s language, keeps paragraphs and shows markup as text', () => {
  const mail = followUpEmail('Sorry about <b>that</b>.\nWe fixed it.\n\nThanks & bye', { ...ctx, language: 'en' });
  assert.equal(mail.subject, 'Your feedback – Kauppa & Co');
  assert.equal(mail.language, 'en');
  assert.ok(mail.html.includes('<p>Hello Eve &lt;script&gt;,</p>'));
  assert.ok(mail.html.includes('<p>Sorry about &lt;b&gt;that&lt;/b&gt;.<br>We fixed it.</p>'));
  assert.ok(mail.html.includes('<p>Thanks &amp; bye</p>'));
  assert.ok(mail.html.includes('Mari &quot;M&quot; Virtanen<br>Kauppa &amp; Co'));
  assert.ok(!mail.html.includes('<script>'));
  assert.equal(mail.text, 'Hello Eve <script>,\n\nSorry about <b>that</b>.\nWe fixed it.\n\nThanks & bye\n\nKind regards\nMari "M" Virtanen\nKauppa & Co');
});

test('each language has its own greeting and subject; an unknown language falls back to English', () => {
  const subjects = ['fi', 'sv', 'en', 'pl', 'de'].map((language) => followUpEmail('x', { ...ctx, contactName: null, language }).subject);
  assert.deepEqual(subjects, ['Palautteesi – Kauppa & Co', 'Din feedback – Kauppa & Co', 'Your feedback – Kauppa & Co', 'Twoja opinia – Kauppa & Co', 'Your feedback – Kauppa & Co']);
  assert.match(followUpEmail('x', { ...ctx, contactName: null, language: 'pl' }).text, /^Dzień dobry,\n/);
  assert.equal(followUpEmail('x', { ...ctx, language: 'fi' }, 'Line\nbreak\r\nBcc: evil').subject, 'Line break Bcc: evil');
});

test('the re-survey e-mail carries the personal link and the survey asks "is it solved?" and the score in four languages', () => {
  const mail = resurveyEmail('https://cx.example.com/r/abc_DEF-123', { ...ctx, language: 'sv' });
  assert.equal(mail.subject, 'Blev ditt ärende löst? – Kauppa & Co');
  assert.ok(mail.html.includes('href="https://cx.example.com/r/abc_DEF-123"'));
  assert.ok(mail.text.includes('Svara på två frågor: https://cx.example.com/r/abc_DEF-123'));
  const survey = resurveyDefinition();
  assert.deepEqual(survey.questions.map((q) => [q.key, q.type]), [['solved', 'single_choice'], ['score', 'nps'], ['comment', 'text']]);
  for (const q of survey.questions) assert.deepEqual(Object.keys(q.text).sort(), ['en', 'fi', 'pl', 'sv']);
});
