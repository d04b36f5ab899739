/**
 * The JSON-schema validator the API's requests go through, for code that must check a body the
 * same way outside a route (the survey builder's form checks its draft as the API's input).
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/** `coerce`: query strings and params are text and get coerced; bodies keep their JSON types. */
export function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    removeAdditional: false, // unknown fields are an error, never silently dropped
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    allErrors: false,
    strict: false,
  });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}
