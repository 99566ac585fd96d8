// See ajv.js: conf's schema validation is not bundled.
export default { default: () => {} };
