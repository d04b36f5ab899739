/**
 * QR codes for physical touchpoints: a printed code that opens the touchpoint's survey, with
 * the touchpoint in the link so the answers are counted there. Drawn locally by `qrcode`
 * (no outside service), as SVG for print and PNG for anything else.
 */
import QRCode from 'qrcode';
import type { Queryable } from '../db/connection.ts';
import { badInput, notFound } from '../errors.ts';
import { getSurvey } from '../surveys/service.ts';

export type QrFormat = 'svg' | 'png';

/** The open survey link a touchpoint's code carries: the given survey, else its newest active one. */
export async function touchpointSurveyUrl(db: Queryable, publicUrl: string, orgId: string, touchpointId: string, surveyId?: string): Promise<string> {
  const [touchpoint] = await db.query<{ survey: string | null }>(
    `select (select s.id from surveys s where s.org_id = t.org_id and s.touchpoint_id = t.id and s.status = 'active'
              order by s.created_at desc limit 1) as survey
       from touchpoints t where t.org_id = $1 and t.id = $2`, [orgId, touchpointId]);
  if (!touchpoint) throw notFound('Touchpoint', 'id');
  const chosen = surveyId ?? touchpoint.survey;
  if (!chosen) throw badInput('This touchpoint has no active survey of its own: choose one with surveyId', 'surveyId');
  const survey = await getSurvey(db, orgId, chosen);
  if (survey.status !== 'active') throw badInput(`The survey is ${survey.status}: a printed code must open an active survey`, 'surveyId');
  return `${publicUrl}/s/${survey.id}?tp=${touchpointId}`;
}

export async function drawQr(url: string, format: QrFormat, size: number): Promise<string | Buffer> {
  const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
  return format === 'svg'
    ? QRCode.toString(url, { ...options, type: 'svg' })
    : QRCode.toBuffer(url, { ...options, type: 'png', width: size });
}
