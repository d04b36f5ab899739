import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseEmail, digestEmail, mailLanguage, type CaseNotice } from './templates.ts';

const notice: CaseNotice = {
  kind: 'case_assigned',
  caseId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  title: 'Detractor <b>at</b> "Contract by phone"',
  priority: 'high',
  dueAt: '2026-03-02T10:30:00.000Z',
  verbatim: 'Nobody called back <script>alert(1)</script> & I waited\nfor two weeks',
  touchpoint: 'Contract by phone',
  employee: null,
};
const ctx = { publicUrl: 'https://cx.example.com/', timeZone: 'Europe/Helsinki', recipientName: 'Anna <Admin>' };

test('a case e-mail escapes customer text in HTML and keeps it verbatim in the text part', () => {
  const mail = caseEmail(notice, { ...ctx, language: 'en' });
  assert.equal(mail.subject, 'New case assigned to you: Detractor <b>at</b> "Contract by phone"');
  assert.ok(mail.html.includes('Nobody called back &lt;script&gt;alert(1)&lt;/script&gt; &amp; I waited'));
  assert.ok(!mail.html.includes('<script>'));
  assert.ok(mail.html.includes('Detractor &lt;b&gt;at&lt;/b&gt; &quot;Contract by phone&quot;'));
  assert.ok(mail.html.includes('Hello Anna &lt;Admin&gt;,'));
  assert.ok(mail.html.includes('href="https://cx.example.com/app/cases/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"'));
  assert.ok(mail.text.includes('> Nobody called back <script>alert(1)</script> & I waited\n> for two weeks'));
  assert.ok(mail.text.includes('Open the case: https://cx.example.com/app/cases/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'));
  assert.ok(mail.text.includes('Priority: high'));
  // 10:30 UTC is 12:30 in Helsinki in March (UTC+2).
  assert.ok(mail.text.includes('12:30'), mail.text);
});

test('subjects and labels follow the recipient\'s language', () => {
  assert.equal(caseEmail(notice, { ...ctx, language: 'fi' }).subject, 'Uusi tapaus sinulle: Detractor <b>at</b> "Contract by phone"');
  assert.equal(caseEmail({ ...notice, kind: 'case_escalated' }, { ...ctx, language: 'sv' }).subject.split(':')[0], 'Ärendet är försenat och eskalerat');
  assert.equal(caseEmail({ ...notice, kind: 'praise_received' }, { ...ctx, language: 'pl' }).subject.split(':')[0], 'Pochwała od klienta');
  assert.ok(caseEmail(notice, { ...ctx, language: 'fi' }).text.includes('Prioriteetti: korkea'));
  assert.ok(caseEmail(notice, { ...ctx, language: 'pl' }).html.startsWith('<!doctype html>\n<html lang="pl">'));
});

test('a praise e-mail shows no priority or due time', () => {
  const mail = caseEmail({ ...notice, kind: 'praise_received', employee: 'Eero' }, { ...ctx, language: 'en' });
  assert.ok(!mail.text.includes('Priority'));
  assert.ok(!mail.text.includes('Due'));
  assert.ok(mail.text.includes('Employee: Eero'));
});

test('a subject is one line however the title breaks', () => {
  const mail = caseEmail({ ...notice, title: 'Line one\r\nBcc: victim@example.com' }, { ...ctx, language: 'en' });
  assert.equal(mail.subject, 'New case assigned to you: Line one Bcc: victim@example.com');
});

test('a digest lists every notice, counts them in the subject and links the rest beyond the shown limit', () => {
  const notices = [1, 2, 3].map((i) => ({ ...notice, caseId: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5${i}`, title: `Case ${i}` }));
  const mail = digestEmail(notices, { ...ctx, language: 'en' }, { shown: 2 });
  assert.equal(mail.subject, 'Kaiku – daily digest (3)');
  assert.ok(mail.text.includes('You have 3 new notifications:'));
  assert.ok(mail.text.includes('Case 1') && mail.text.includes('Case 2') && !mail.text.includes('Case 3'));
  assert.ok(mail.text.includes('+ 1 …'));
  assert.equal(digestEmail(notices.slice(0, 1), { ...ctx, language: 'fi' }).subject, 'Kaiku – päivän kooste (1)');
  assert.equal(digestEmail(notices, { ...ctx, language: 'sv' }, { daily: false }).subject, 'Kaiku: 3 nya aviseringar');
});

test('languages without texts fall back to English', () => {
  assert.equal(mailLanguage('de'), 'en');
  assert.equal(mailLanguage(null), 'en');
  assert.equal(mailLanguage('sv'), 'sv');
});
