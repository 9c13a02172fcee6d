import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// The site's words as the tests expect them: read from the same catalogs the app and the build
// use (crates/i18n/catalogs/<language>.txt; the format is in crates/i18n/README.md), so a spec
// asks for `feed.more_button` rather than writing "More stories" or «المزيد من الأخبار».
// Plural forms are picked by CLDR's rules for whole numbers, counts and dates are written in
// the language's digits, as the site does. Region lines (`key@MA`) are for regional locales,
// which these tests do not use, and are left out.

export type Language = 'en' | 'ar' | 'de' | 'es' | 'fr' | 'ru';
export const LANGUAGES: Language[] = ['en', 'ar', 'de', 'es', 'fr', 'ru'];

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** CLDR 48's plural category of the whole number `n` in `language`. */
function pluralCategory(language: Language, n: number): PluralCategory {
  const n10 = n % 10;
  const n100 = n % 100;
  switch (language) {
    case 'ar':
      if (n === 0) return 'zero';
      if (n === 1) return 'one';
      if (n === 2) return 'two';
      if (n100 >= 3 && n100 <= 10) return 'few';
      if (n100 >= 11 && n100 <= 99) return 'many';
      return 'other';
    case 'ru':
      if (n10 === 1 && n100 !== 11) return 'one';
      if (n10 >= 2 && n10 <= 4 && !(n100 >= 12 && n100 <= 14)) return 'few';
      return 'many';
    case 'fr':
      if (n === 0 || n === 1) return 'one';
      return n !== 0 && n % 1_000_000 === 0 ? 'many' : 'other';
    case 'es':
      if (n === 1) return 'one';
      return n !== 0 && n % 1_000_000 === 0 ? 'many' : 'other';
    default:
      return n === 1 ? 'one' : 'other';
  }
}

export class Catalog {
  private readonly messages = new Map<string, string>();

  constructor(readonly language: Language) {
    const file = path.join(__dirname, '../../crates/i18n/catalogs', `${language}.txt`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const equals = line.indexOf('=');
      if (equals < 0) throw new Error(`${file}: not a message line: ${line}`);
      const key = line.slice(0, equals).trim();
      if (key.includes('@')) continue;
      // Trimmed of spaces and tabs only: a message may hold a no-break space.
      this.messages.set(key, line.slice(equals + 1).replace(/^[ \t]+|[ \t]+$/g, ''));
    }
  }

  /** The message `key` with its placeholders filled: `text('article.byline', { authors: 'Ana' })`. */
  text(key: string, values: Record<string, string | number> = {}): string {
    const message = this.messages.get(key);
    if (message === undefined) throw new Error(`${this.language}.txt has no message ${key}`);
    return this.fill(message, values);
  }

  /** The plural `key`'s form for `n`, with `{n}` in the language's digits. */
  plural(key: string, n: number, values: Record<string, string | number> = {}): string {
    const category = pluralCategory(this.language, n);
    const form = this.messages.get(`${key}[${category}]`) ?? this.messages.get(`${key}[other]`);
    if (form === undefined) throw new Error(`${this.language}.txt has no plural ${key}`);
    return this.fill(form, { ...values, n });
  }

  /** `n` in the language's digits, grouped as the catalog says. */
  number(n: number): string {
    const digits = Array.from(this.text('number.digits'));
    const plain = String(Math.trunc(Math.abs(n)));
    const minGrouping = Number(this.text('number.min_grouping'));
    let grouped = plain;
    if (plain.length >= 3 + minGrouping) {
      grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, '\u0000');
    }
    const written = Array.from(grouped)
      .map((char) => (char === '\u0000' ? this.text('number.group') : digits[Number(char)]))
      .join('');
    return n < 0 ? `-${written}` : written;
  }

  /** A day as the site writes it (`date.day`): `day(2017, 10, 15)` → "15 October 2017". */
  day(year: number, month: number, day: number): string {
    return this.text('date.day', {
      day: this.number(day),
      month: this.text(`date.month.${month}`),
      year: this.digits(String(year)),
    });
  }

  /** Latin digits in `text` written in the language's digits (no grouping). */
  digits(text: string): string {
    const digits = Array.from(this.text('number.digits'));
    return text.replace(/[0-9]/g, (digit) => digits[Number(digit)]);
  }

  private fill(message: string, values: Record<string, string | number>): string {
    return message.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }
}

const catalogs = new Map<Language, Catalog>();

/** The catalog of `language`, read once. */
export function catalog(language: Language): Catalog {
  let found = catalogs.get(language);
  if (!found) {
    found = new Catalog(language);
    catalogs.set(language, found);
  }
  return found;
}
