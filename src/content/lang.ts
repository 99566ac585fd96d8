// Here rather than in schema.ts, so that start-up does not build the pack schemas.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

/**
 * The language: --lang wins, then the locale (LC_ALL, LC_MESSAGES, LANG, in POSIX order of
 * precedence): any zh locale means Simplified Chinese; otherwise English.
 */
export function detectLang(env: Record<string, string | undefined>): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
