/**
 * The organisation's theme on what respondents see (survey pages, the website widget, the
 * kiosk): a brand colour and a logo, validated here so nothing else stores one that breaks the
 * pages. The colour carries white text (buttons, selected answers) and is itself text on the
 * pages' backgrounds (links, the current language), so it must reach WCAG AA, 4.5:1, against
 * white and against the survey page's grey. Without a theme the pages keep Kaiku's own blue.
 *
 * Logo: PNG, JPEG or SVG, at most 200 kB, recognised by its bytes (not its name). An SVG is kept
 * as sent and only ever shown through <img>, where browsers run no script in it; opened on its
 * own it is served as image/svg+xml under `default-src 'none'; style-src 'unsafe-inline';
 * sandbox`, so no script runs there either (src/pages/theme-assets.ts). That is safer than
 * rewriting the SVG with a sanitiser whose gaps would be ours.
 */
import type { Database, Queryable } from '../db/connection.ts';
import { recordAudit, type AuditActor } from '../audit/log.ts';
import { notFound } from '../errors.ts';
import { contrastRatio, nearestDarkerShade, type Hex } from './contrast.ts';

export const LOGO_MAX_KILOBYTES = 200;
export const LOGO_MAX_BYTES = LOGO_MAX_KILOBYTES * 1024;
/** Kaiku's own accent: what a page without a theme shows (survey.css.ts, kiosk-view.ts, widget.ts). */
export const KAIKU_BLUE: Hex = '#0b4f9c';
/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;
/** What the brand colour meets: white (button text, the card, kiosk and widget) and the survey page's background. */
export const THEME_BACKGROUNDS = { white: '#ffffff', page: '#eef0f3' } as const satisfies Record<string, Hex>;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export interface Theme {
  orgName: string;
  /** Null: Kaiku's own colour. */
  brandColor: Hex | null;
  logoType: LogoType | null;
  /** Changes whenever the theme does: in asset URLs, so browsers never keep an old logo. */
  version: number;
}

/** Why a colour cannot be the brand colour: the first background it fails on, its ratio there, and the nearest darker shade that passes. */
export interface ColorProblem { against: keyof typeof THEME_BACKGROUNDS; ratio: number; shade: Hex }

export function brandColorProblem(color: Hex): ColorProblem | undefined {
  const shade = nearestDarkerShade(color, Object.values(THEME_BACKGROUNDS), MIN_CONTRAST);
  for (const against of Object.keys(THEME_BACKGROUNDS) as Array<keyof typeof THEME_BACKGROUNDS>) {
    const ratio = contrastRatio(color, THEME_BACKGROUNDS[against]);
    if (ratio < MIN_CONTRAST) return { against, ratio, shade };
  }
  return undefined;
}

/** The image type the bytes are, or undefined when they are none of PNG, JPEG and SVG. */
export function logoTypeOf(content: Buffer): LogoType | undefined {
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  const text = content.toString('utf8');
  // An SVG document: optional XML declaration, comments and a doctype without an internal subset (no entities), then <svg.
  const prolog = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^[>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i;
  if (!text.includes('\uFFFD') && prolog.test(text) && !/<!ENTITY/i.test(text)) return 'image/svg+xml';
  return undefined;
}

export async function getTheme(db: Queryable, orgId: string): Promise<Theme> {
  const [row] = await db.query<{ orgName: string; brandColor: Hex | null; logoType: LogoType | null; updatedAt: Date | null }>(
    `select o.name as "orgName", t.brand_color as "brandColor", t.logo_type as "logoType", t.updated_at as "updatedAt"
       from organizations o left join org_themes t on t.org_id = o.id where o.id = $1`, [orgId]);
  if (!row) throw notFound('Organisation');
  return { orgName: row.orgName, brandColor: row.brandColor, logoType: row.logoType, version: row.updatedAt ? new Date(row.updatedAt).getTime() : 0 };
}

export async function themeLogo(db: Queryable, orgId: string): Promise<{ content: Buffer; type: LogoType } | undefined> {
  const [row] = await db.query<{ content: Buffer | Uint8Array; type: LogoType }>(
    `select logo as content, logo_type as type from org_themes where org_id = $1 and logo is not null`, [orgId]);
  return row ? { content: Buffer.from(row.content), type: row.type } : undefined;
}

/** What to change: a field left out stays as it is; null goes back to Kaiku's own. */
export interface ThemeChange {
  brandColor?: Hex | null;
  logo?: { content: Buffer; type: LogoType } | null;
}

/** Stores a checked change (brandColorProblem and logoTypeOf first) with an audit entry of what changed. */
export async function saveTheme(db: Database, orgId: string, actor: AuditActor, change: ThemeChange, ip?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getTheme(tx, orgId);
    const color = change.brandColor === undefined ? before.brandColor : change.brandColor;
    const logoChanged = change.logo !== undefined;
    await tx.query(
      `insert into org_themes (org_id, brand_color, logo, logo_type, updated_at) values ($1, $2, $3, $4, now())
       on conflict (org_id) do update set brand_color = excluded.brand_color,
         logo = case when $5 then excluded.logo else org_themes.logo end,
         logo_type = case when $5 then excluded.logo_type else org_themes.logo_type end,
         updated_at = clock_timestamp()`,
      [orgId, color, change.logo?.content ?? null, change.logo?.type ?? null, logoChanged]);
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (color !== before.brandColor) changes.brandColor = { from: before.brandColor, to: color };
    if (logoChanged && (change.logo || before.logoType)) changes.logo = { from: before.logoType, to: change.logo?.type ?? null };
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, { orgId, actor, action: 'org.settings_change', target: { type: 'organization', id: orgId }, details: { changes }, ip });
    }
  });
}
