// All watched names and aliases are found with ONE regular expression (issue 16 item 7): V8 runs
// it natively, and its cost per character hardly grows with the number of names (bench/run.ts,
// part 2). Only watchable names are searched (utils/notice/names.ts), and page text is matched
// through invisible characters: 跨境专供解决方案 written with a zero-width space or a soft hyphen
// inside looks the same on screen, so it is the same name; any white space (NBSP too) stands for
// a space in a name.
import { INVISIBLE_CLASS, normalizeName, watchableName } from '../notice/names.ts';

export interface MatchEntry {
  /** What a hit reports: the product name. */
  name: string;
  /** Spellings to look for: the name and its aliases. */
  terms: readonly string[];
}

export interface Hit {
  start: number;
  end: number;
  /** Index into the entries the matcher was built from. */
  entry: number;
  /** The term as the matcher searches it (normalized). */
  term: string;
}

const isWord = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const escape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** A term's characters with any invisible characters between them; a space stands for any. */
function spelled(term: string): string {
  return [...term].map((c) => (c === ' ' ? '\\s+' : escape(c))).join(`${INVISIBLE_CLASS}*`);
}

/** The key a term (or a matched piece of page text) is looked up by. */
const keyOf = (text: string): string => normalizeName(text).toLowerCase();

export class Matcher {
  readonly entries: readonly MatchEntry[];
  /** Searched term → entry (first entry wins: the list comes soonest milestone first). */
  private readonly byKey = new Map<string, { entry: number; term: string }>();
  /**
   * Matches text that may hold a term, whole word or not: a block whose whole `textContent` it
   * does not match holds no name (every run of text in it is a piece of that text), so a scan may
   * pass over it unread.
   */
  readonly mayHold: RegExp;
  /** Every whole occurrence, longest term first where several start at one place. */
  private readonly pattern: RegExp;

  constructor(entries: readonly MatchEntry[]) {
    this.entries = entries;
    entries.forEach((entry, index) => {
      for (const raw of [entry.name, ...entry.terms]) {
        const term = watchableName(raw);
        if (!term) continue;
        const key = keyOf(term);
        if (!this.byKey.has(key)) this.byKey.set(key, { entry: index, term });
      }
    });
    const terms = [...this.byKey.values()].map((t) => t.term).sort((a, b) => b.length - a.length);
    const none = '[^\\s\\S]';
    this.mayHold = new RegExp(terms.length ? terms.map(spelled).join('|') : none, 'i');
    // A Latin name is a whole word only: not inside a longer one (xp4p, p4px).
    const whole = (t: string): string =>
      `${isWord(t[0]!) ? '(?<![A-Za-z0-9_])' : ''}${spelled(t)}${isWord(t.at(-1)!) ? '(?![A-Za-z0-9_])' : ''}`;
    this.pattern = new RegExp(terms.length ? terms.map(whole).join('|') : none, 'gi');
  }

  /** Number of terms searched. */
  get size(): number {
    return this.byKey.size;
  }

  /** Every flagged occurrence in one string, in order. */
  find(text: string): Hit[] {
    const out: Hit[] = [];
    if (this.size === 0) return out;
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const found = this.byKey.get(keyOf(m[0]));
      if (found) out.push({ start: m.index, end: m.index + m[0].length, ...found });
    }
    return out;
  }
}
