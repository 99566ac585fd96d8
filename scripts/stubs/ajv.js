// Stand-in for Ajv in the bundle. conf only builds a validator when it is
// given a JSON schema; tcp-trainer validates its progress file itself (zod,
// src/store/progress.ts) and never passes one, so Ajv would be dead weight.
export class Ajv2020 {
  constructor() {
    throw new Error('JSON-schema validation is not bundled; pass no schema to conf');
  }
}
export default Ajv2020;
