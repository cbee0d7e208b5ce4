// Issue 7 item 5: the project's own ESLint config (eslint.config.js) refuses markup sinks with
// non-literal values (eslint-plugin-no-unsanitized, plus a ban on dangerouslySetInnerHTML),
// and lets a literal through. Runs ESLint's Node API on small snippets, as if they were
// files of the extension.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { record } from './support.tsx';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

interface Snippet {
  name: string;
  code: string;
  file: string;
  /** The rule that must fire, or null when the snippet must pass. */
  rule: string | null;
}

const remote = 'declare const remote: string;\nconst el = document.createElement("div");\n';
const SNIPPETS: Snippet[] = [
  {
    name: 'innerHTML = variable',
    code: `${remote}el.innerHTML = remote;\n`,
    file: 'components/x.ts',
    rule: 'no-unsanitized/property',
  },
  {
    name: 'outerHTML = template',
    code: `${remote}el.outerHTML = \`<b>\${remote}</b>\`;\n`,
    file: 'components/x.ts',
    rule: 'no-unsanitized/property',
  },
  {
    name: 'innerHTML += variable',
    code: `${remote}el.innerHTML += remote;\n`,
    file: 'entrypoints/marketing.content/x.ts',
    rule: 'no-unsanitized/property',
  },
  {
    name: 'insertAdjacentHTML(variable)',
    code: `${remote}el.insertAdjacentHTML('beforeend', remote);\n`,
    file: 'utils/page/x.ts',
    rule: 'no-unsanitized/method',
  },
  {
    name: 'document.write(variable)',
    code: `${remote}document.write(remote);\n`,
    file: 'components/x.ts',
    rule: 'no-unsanitized/method',
  },
  {
    name: 'dangerouslySetInnerHTML (variable)',
    code: 'export const X = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;\n',
    file: 'components/x.tsx',
    rule: 'no-restricted-syntax',
  },
  {
    name: 'dangerouslySetInnerHTML (even a literal)',
    code: "export const X = () => <div dangerouslySetInnerHTML={{ __html: '<b>x</b>' }} />;\n",
    file: 'components/x.tsx',
    rule: 'no-restricted-syntax',
  },
  {
    name: 'innerHTML = literal',
    code: `${remote}el.innerHTML = '<b>fixed</b>';\nvoid remote;\n`,
    file: 'components/x.ts',
    rule: null,
  },
  {
    name: 'insertAdjacentHTML(literal)',
    code: `${remote}el.insertAdjacentHTML('beforeend', '<hr>');\nvoid remote;\n`,
    file: 'components/x.ts',
    rule: null,
  },
  {
    name: 'textContent = variable',
    code: `${remote}el.textContent = remote;\n`,
    file: 'components/x.ts',
    rule: null,
  },
];

describe('lint rule: no markup sinks with non-literal values', () => {
  test.for(SNIPPETS)('$name → $rule', async (s, ctx) => {
    const messages = await lint(s.code, s.file);
    if (s.rule === null) expect(messages).toEqual([]);
    else expect(messages.some((m) => m.startsWith(`${s.rule}:`))).toBe(true);
    record(
      ctx,
      'lint',
      s.name,
      s.rule ? `refused (${s.rule})` : 'allowed',
      messages.length ? messages.join('; ').slice(0, 140) : 'no message',
    );
  });
});
