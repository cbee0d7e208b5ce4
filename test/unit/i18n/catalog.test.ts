import { describe, expect, it } from 'vitest';
import { makeTranslator, mergeParts, resolveLang } from '../../../utils/i18n/catalog.ts';
import { readCatalogs } from '../../../utils/i18n/locale-files.ts';

describe('locale catalogs', () => {
  const catalogs = readCatalogs('locales');

  it('English is complete: every zh_CN key exists in en, and the reverse (plural forms aside)', () => {
    const plural = /_(zero|one|two|few|many)$/;
    const base = (keys: string[]) => keys.filter((k) => !plural.test(k)).sort();
    expect(base(Object.keys(catalogs.en))).toEqual(base(Object.keys(catalogs.zh_CN)));
    // A plural form belongs to a message that exists and takes a count.
    for (const lang of ['zh_CN', 'en'] as const) {
      for (const key of Object.keys(catalogs[lang]).filter((k) => plural.test(k))) {
        const message = catalogs[lang][key.replace(plural, '')]?.message;
        expect(message, `${lang}.${key}`).toContain('$1');
      }
    }
  });

  it('no message is blank', () => {
    for (const [lang, messages] of Object.entries(catalogs)) {
      for (const [key, entry] of Object.entries(messages)) {
        expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });
});

describe('makeTranslator', () => {
  const t = makeTranslator(
    {
      zh_CN: {
        left: { message: '剩 $1 天 $2 小时' },
        named: { message: '$DATE$ 停止', placeholders: { date: { content: '$1' } } },
        onlyZh: { message: '仅中文' },
      },
      en: { left: { message: '$1 d $2 h left' } },
    },
    'en',
  );

  it('substitutes positional and named placeholders', () => {
    expect(t('left', 3, 5)).toBe('3 d 5 h left');
    expect(t('named', '2月17日')).toBe('2月17日 停止');
  });

  it('picks the plural form of the first number for the language', () => {
    const plural = makeTranslator(
      {
        en: { n: { message: '$1 notices' }, n_one: { message: '$1 notice' } },
        zh_CN: { n: { message: '$1 条公告' } },
      },
      'en',
    );
    expect(plural('n', 1)).toBe('1 notice');
    expect(plural('n', 0)).toBe('0 notices');
    expect(plural('n', 2)).toBe('2 notices');
    expect(plural('n', '1')).toBe('1 notices'); // only a number picks a form
    expect(makeTranslator({ zh_CN: { n: { message: '$1 条公告' } } }, 'zh_CN')('n', 1)).toBe('1 条公告');
    expect(plural.lang).toBe('en');
  });

  it('falls back to zh_CN, then to the key', () => {
    expect(t('onlyZh')).toBe('仅中文');
    expect(t('missing')).toBe('missing');
  });
});

describe('mergeParts / resolveLang', () => {
  it('refuses a key defined twice', () => {
    expect(() => mergeParts([{ a: { message: 'x' } }, { a: { message: 'y' } }])).toThrow(/"a"/);
  });
  it.each([
    ['auto', 'zh-CN', 'zh_CN'],
    ['auto', 'en-US', 'en'],
    ['auto', undefined, 'zh_CN'],
    ['en', 'zh-CN', 'en'],
  ] as const)('%s with browser %s → %s', (setting, browser, expected) => {
    expect(resolveLang(setting, browser)).toBe(expected);
  });
});
