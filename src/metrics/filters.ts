/**
 * The slice filters every analytic endpoint takes (metrics, drivers, segments, text, exports),
 * defined once so the same view can be asked of each. They become `MetricFilters` and then
 * SQL through `responseConditions` in queries.ts.
 */
import { Type } from '@sinclair/typebox';
import { Uuid, literals } from '../http/schemas.ts';
import { channels } from '../journeys/service.ts';

export const filterFields = {
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive start (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive end' })),
  surveyId: Type.Optional(Uuid),
  questionId: Type.Optional(Uuid),
  journeyId: Type.Optional(Uuid),
  stageId: Type.Optional(Uuid),
  touchpointId: Type.Optional(Uuid),
  channel: Type.Optional(literals(channels)),
  unitId: Type.Optional(Type.String({ format: 'uuid', description: 'The unit and its sub-units' })),
  employeeId: Type.Optional(Uuid),
  segment: Type.Optional(Type.String({ maxLength: 200 })),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  persona: Type.Optional(Type.String({ maxLength: 200, description: 'Touchpoints of the journeys drawn for this persona' })),
};
