/**
 * The entity sets of the OData feed: what each exposes, where it comes from in SQL, who may
 * read it and how its rows are ordered for server-driven paging. Response-level sets apply
 * the caller's data scope through the same `responseConditions` as the REST API and metrics.
 */
import type { AuthContext, Permission } from '../auth/permissions.ts';
import { responseConditions } from '../metrics/queries.ts';
import { redactPii } from '../text/redact.ts';

export type EdmType =
  | 'Edm.Guid' | 'Edm.String' | 'Edm.DateTimeOffset' | 'Edm.Date' | 'Edm.Double' | 'Edm.Int32' | 'Edm.Boolean'
  | 'Collection(Edm.String)';

export interface Property {
  name: string;
  type: EdmType;
  nullable: boolean;
  /** SQL expression (SQL-backed sets); absent for computed sets. */
  sql?: string;
  description?: string;
  /**
   * Shown through this function and never filtered or ordered by: open-answer text goes out
   * PII-redacted, as in exports, and a filter on the stored text could probe what was redacted.
   */
  present?: (value: string) => string;
}

/** A column of the default order, unique together, so pages can continue after the last row (keyset). */
export interface OrderKey { sql: string; cast: 'timestamptz' | 'uuid' | 'text' }

export interface SqlSource {
  /** FROM clause with its joins. */
  from: string;
  /** Conditions for the organisation (`$1`) and the caller's data scope; appends to params. */
  where: (auth: AuthContext, params: unknown[]) => string[];
  defaultOrder: OrderKey[];
}

export interface EntitySet {
  name: string;
  entityType: string;
  description: string;
  permission: Permission;
  key: string[];
  properties: Property[];
  /** SQL-backed sets are filtered, ordered and paged in the database; the others in memory (`computed`). */
  sql?: SqlSource;
}

const p = (name: string, type: EdmType, sql: string | undefined, nullable = true, description?: string): Property =>
  ({ name, type, sql, nullable, description });

/**
 * True for answers to the organisation's "is it solved?" re-survey after a case, which the
 * metrics leave out (notResurvey() in src/metrics/queries.ts). The subquery is uncorrelated:
 * the database evaluates it once per query.
 */
const isResurvey = p('IsResurvey', 'Edm.Boolean',
  'coalesce(r.survey_id = (select o.resurvey_survey_id from organizations o where o.id = $1), false)', false,
  'True for re-survey answers ("is it solved?" after a case), which metrics leave out');

const scoped = (auth: AuthContext, params: unknown[]) => ['r.org_id = $1', ...responseConditions({}, auth.scope, params).conditions];
const orgOnly = (alias: string) => () => [`${alias}.org_id = $1`];

export const responsesSet: EntitySet = {
  name: 'Responses',
  entityType: 'Response',
  description: 'One row per survey response',
  permission: 'responses:read',
  key: ['Id'],
  properties: [
    p('Id', 'Edm.Guid', 'r.id', false),
    p('SurveyId', 'Edm.Guid', 'r.survey_id', false),
    p('TouchpointId', 'Edm.Guid', 'r.touchpoint_id'),
    p('Channel', 'Edm.String', 'r.channel::text'),
    p('UnitId', 'Edm.Guid', 'r.unit_id'),
    p('EmployeeId', 'Edm.Guid', 'r.employee_id'),
    p('ContactId', 'Edm.Guid', 'r.contact_id'),
    p('Segment', 'Edm.String', 'r.segment'),
    p('Language', 'Edm.String', 'r.language', false),
    p('Source', 'Edm.String', 'r.source::text', false),
    p('SubmittedAt', 'Edm.DateTimeOffset', 'r.submitted_at', false),
    isResurvey,
  ],
  sql: {
    from: 'responses r',
    where: scoped,
    defaultOrder: [{ sql: 'r.submitted_at', cast: 'timestamptz' }, { sql: 'r.id', cast: 'uuid' }],
  },
};

export const answersSet: EntitySet = {
  name: 'Answers',
  entityType: 'Answer',
  description: 'One row per answered question, with the fields of its response for filtering',
  permission: 'responses:read',
  key: ['ResponseId', 'QuestionId'],
  properties: [
    p('ResponseId', 'Edm.Guid', 'a.response_id', false),
    p('QuestionId', 'Edm.Guid', 'a.question_id', false),
    p('QuestionKey', 'Edm.String', 'q.key', false),
    p('QuestionType', 'Edm.String', 'q.type::text', false),
    p('Number', 'Edm.Double', 'a.number'),
    p('Choice', 'Edm.String', 'a.choice'),
    p('Choices', 'Collection(Edm.String)', 'a.choices', true, 'Options of a multiple-choice answer'),
    { ...p('Text', 'Edm.String', 'a.text', true, 'Open answer, PII-redacted (e-mail, phone, henkilötunnus, IBAN, card)'), present: redactPii },
    p('DontKnow', 'Edm.Boolean', 'a.dont_know', false),
    p('SurveyId', 'Edm.Guid', 'r.survey_id', false),
    p('TouchpointId', 'Edm.Guid', 'r.touchpoint_id'),
    p('Channel', 'Edm.String', 'r.channel::text'),
    p('UnitId', 'Edm.Guid', 'r.unit_id'),
    p('EmployeeId', 'Edm.Guid', 'r.employee_id'),
    p('Language', 'Edm.String', 'r.language', false),
    p('SubmittedAt', 'Edm.DateTimeOffset', 'r.submitted_at', false),
    isResurvey,
  ],
  sql: {
    from: `answers a
      join responses r on r.org_id = a.org_id and r.id = a.response_id
      join questions q on q.org_id = a.org_id and q.id = a.question_id`,
    where: (auth, params) => ['a.org_id = $1', ...scoped(auth, params)],
    defaultOrder: [{ sql: 'r.submitted_at', cast: 'timestamptz' }, { sql: 'r.id', cast: 'uuid' }, { sql: 'a.question_id', cast: 'uuid' }],
  },
};

export const metricsSet: EntitySet = {
  name: 'Metrics',
  entityType: 'Metric',
  description: 'NPS, CSAT and CES per touchpoint and calendar month (organisation time zone)',
  permission: 'metrics:read',
  key: ['Id'],
  properties: [
    p('Id', 'Edm.String', undefined, false, 'metric/touchpoint/month'),
    p('Metric', 'Edm.String', undefined, false, 'nps, csat or ces'),
    p('TouchpointId', 'Edm.Guid', undefined, true, 'null: responses without a touchpoint'),
    p('TouchpointName', 'Edm.String', undefined),
    p('Month', 'Edm.Date', undefined, false, 'First day of the month'),
    p('Answers', 'Edm.Int32', undefined, true, 'Scored answers (don\'t know excluded); null when suppressed'),
    p('Score', 'Edm.Double', undefined, true, 'NPS −100…100, CSAT top-2-box share in %, CES mean 1–7'),
    p('Promoters', 'Edm.Double', undefined, true, 'NPS only: share 0–1'),
    p('Passives', 'Edm.Double', undefined, true, 'NPS only: share 0–1'),
    p('Detractors', 'Edm.Double', undefined, true, 'NPS only: share 0–1'),
    p('Ci95Low', 'Edm.Double', undefined, true, '95 % interval of Score'),
    p('Ci95High', 'Edm.Double', undefined, true),
    p('Suppressed', 'Edm.Boolean', undefined, false, 'True when the group is below the organisation\'s minimum group size for the caller'),
  ],
};

export const touchpointsSet: EntitySet = {
  name: 'Touchpoints',
  entityType: 'Touchpoint',
  description: 'Touchpoints with their journey and stage, to label TouchpointId',
  permission: 'journeys:read',
  key: ['Id'],
  properties: [
    p('Id', 'Edm.Guid', 'tp.id', false),
    p('Name', 'Edm.String', 'tp.name', false),
    p('Channel', 'Edm.String', 'tp.channel::text', false),
    p('JourneyId', 'Edm.Guid', 'tp.journey_id', false),
    p('JourneyName', 'Edm.String', 'j.name', false),
    p('StageId', 'Edm.Guid', 'tp.stage_id', false),
    p('StageName', 'Edm.String', 's.name', false),
    p('OwnerUnitId', 'Edm.Guid', 'tp.owner_unit_id'),
  ],
  sql: {
    from: `touchpoints tp
      join journeys j on j.org_id = tp.org_id and j.id = tp.journey_id
      join stages s on s.org_id = tp.org_id and s.id = tp.stage_id`,
    where: orgOnly('tp'),
    defaultOrder: [{ sql: 'tp.id', cast: 'uuid' }],
  },
};

export const unitsSet: EntitySet = {
  name: 'Units',
  entityType: 'Unit',
  description: 'The unit tree (ParentId), to label UnitId',
  permission: 'org:read',
  key: ['Id'],
  properties: [
    p('Id', 'Edm.Guid', 'u.id', false),
    p('Name', 'Edm.String', 'u.name', false),
    p('ParentId', 'Edm.Guid', 'u.parent_id'),
    p('Kind', 'Edm.String', 'u.kind', false),
  ],
  sql: { from: 'units u', where: orgOnly('u'), defaultOrder: [{ sql: 'u.id', cast: 'uuid' }] },
};

export const questionsSet: EntitySet = {
  name: 'Questions',
  entityType: 'Question',
  description: 'Questions of every survey, to label QuestionId',
  permission: 'surveys:read',
  key: ['Id'],
  properties: [
    p('Id', 'Edm.Guid', 'q.id', false),
    p('SurveyId', 'Edm.Guid', 'q.survey_id', false),
    p('SurveyName', 'Edm.String', 'sv.name', false),
    p('Key', 'Edm.String', 'q.key', false),
    p('Type', 'Edm.String', 'q.type::text', false),
    p('Position', 'Edm.Int32', 'q.position', false),
  ],
  sql: {
    from: 'questions q join surveys sv on sv.org_id = q.org_id and sv.id = q.survey_id',
    where: orgOnly('q'),
    defaultOrder: [{ sql: 'q.id', cast: 'uuid' }],
  },
};

export const entitySets: EntitySet[] = [responsesSet, answersSet, metricsSet, touchpointsSet, unitsSet, questionsSet];

/** The CSDL document (`$metadata`) describing every entity set. */
export function metadataXml(): string {
  const types = entitySets.map((set) => {
    // Descriptions stay in docs/bi.md: a vocabulary annotation would make clients resolve its reference.
    const props = set.properties.map((prop) => `        <Property Name="${prop.name}" Type="${prop.type}" Nullable="${prop.nullable}"/>`).join('\n');
    const keys = set.key.map((k) => `<PropertyRef Name="${k}"/>`).join('');
    return `      <EntityType Name="${set.entityType}">\n        <Key>${keys}</Key>\n${props}\n      </EntityType>`;
  }).join('\n');
  const sets = entitySets.map((set) => `        <EntitySet Name="${set.name}" EntityType="Kaiku.${set.entityType}"/>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
  <edmx:DataServices>
    <Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Kaiku">
${types}
      <EntityContainer Name="Kaiku">
${sets}
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}
