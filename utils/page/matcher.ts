// All watched names and aliases are found in ONE pass over the text (issue 4, "Speed"): an
// Aho-Corasick automaton built once per watched list. Cost per character does not grow with the
// number of names, unlike an indexOf per name. The automaton can also be fed text in pieces (the
// text nodes of one block), so a name split across inline elements is still found.

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
  term: string;
}

/** A raw hit from streaming: where a term ends, before overlaps are resolved. */
export interface RawHit {
  end: number;
  term: number;
}

const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

export class Matcher {
  readonly entries: readonly MatchEntry[];
  /** Terms as searched (case-folded), their entry, and their length. */
  private readonly termText: string[] = [];
  private readonly termEntry: number[] = [];
  /** The root's transitions as a flat table: most characters leave the root at once. */
  private readonly rootNext = new Int32Array(65536);
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** The longest term ending at this state, or -1. */
  private readonly out: number[] = [-1];
  /** The nearest state along the fail chain that ends a term (0 when none). */
  private readonly outLink: number[] = [0];
  /**
   * Matches text that may open or hold a term when fed from the root: text holding a term's first
   * two characters (a term of one character: that character), or ending in a term's first
   * character (either case for A–Z). Text it does not match leaves the automaton at the root
   * with no hit, so a scan may skip `feed` for it: the regular expression runs as native code
   * from the first text node on, while `feed` is a character loop in JS that has not been
   * optimised yet during a page's first scan.
   */
  readonly mayStart: RegExp;
  /**
   * Matches text that may hold a term (any term, either case): text it does not match holds no
   * term anywhere, so a scan may pass over a whole element whose `textContent` it does not match.
   */
  readonly mayHold: RegExp;
  /**
   * Matches text holding some term's first character and, after it, that term's last character
   * (either case for A–Z): text it does not match holds no term even once some of its characters
   * are cut out. An element's `textContent` holds the text of any script or style in it, which the
   * scan leaves out, so a name can be split there; this rules that out without asking the element
   * for script (a query that walks all of its nodes).
   */
  readonly mayHoldCut: RegExp;

  constructor(entries: readonly MatchEntry[]) {
    this.entries = entries;
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      for (const raw of [entry.name, ...entry.terms]) {
        const term = raw.trim();
        const key = foldText(term);
        if (!term || seen.has(key)) continue;
        seen.add(key);
        this.add(key, index);
      }
    });
    this.link();
    this.mayStart = this.startPattern();
    this.mayHoldCut = this.cutPattern();
    // `i` folds more than `fold` does (never less): at worst an element is read that need not be.
    const escape = (t: string): string => t.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    this.mayHold = new RegExp(this.termText.length ? this.termText.map(escape).join('|') : '[^\\s\\S]', 'i');
  }

  get size(): number {
    return this.termText.length;
  }

  private add(term: string, entry: number): void {
    const id = this.termText.length;
    this.termText.push(term);
    this.termEntry.push(entry);
    let state = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let to = this.next[state]!.get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push(-1);
        this.outLink.push(0);
        this.next[state]!.set(c, to);
        if (state === 0) this.rootNext[c] = to;
      }
      state = to;
    }
    this.out[state] = id;
  }

  /**
   * See `mayHoldCut`. Per first character: anything up to its first occurrence, then anything up to
   * the last character of one of the terms it starts. Anchored, so each branch is tried once from
   * the start of the text and runs in linear time (unanchored, every occurrence of a first
   * character would start a scan to the end: quadratic on hostile text).
   */
  private cutPattern(): RegExp {
    // First character → the last characters of the terms it starts (null: a term of one character).
    const groups = new Map<number, Set<number> | null>();
    for (const term of this.termText) {
      const first = term.charCodeAt(0);
      const lasts = groups.get(first);
      if (term.length === 1) groups.set(first, null);
      else if (lasts !== null) {
        if (lasts) lasts.add(term.charCodeAt(term.length - 1));
        else groups.set(first, new Set([term.charCodeAt(term.length - 1)]));
      }
    }
    const upTo = (c: number): string => `${charClass([c], true)}*${charClass([c])}`;
    const branches = [...groups].map(([first, lasts]) =>
      lasts ? `${upTo(first)}(?:${[...lasts].map(upTo).join('|')})` : upTo(first),
    );
    return new RegExp(branches.length ? `^(?:${branches.join('|')})` : '[^\\s\\S]');
  }

  /** See `mayStart`; built from the first two levels of the trie. */
  private startPattern(): RegExp {
    const branches: string[] = [];
    const singles: number[] = [];
    for (const [c, to] of this.next[0]!) {
      if (this.out[to]! >= 0) singles.push(c);
      const seconds = [...this.next[to]!.keys()];
      if (seconds.length) branches.push(`${charClass([c])}${charClass(seconds)}`);
    }
    if (singles.length) branches.push(charClass(singles));
    // A name cut at the end of this text (the next text may go on with it).
    if (this.next[0]!.size) branches.push(`${charClass(this.next[0]!.keys())}$`);
    return new RegExp(branches.length ? branches.join('|') : '[^\\s\\S]');
  }

  /** Breadth-first fail links, as in Aho & Corasick (1975). */
  private link(): void {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const candidate = f === 0 ? this.rootNext[c]! : this.next[f]!.get(c)!;
        this.fail[to] = candidate === to ? 0 : candidate;
        const ft = this.fail[to]!;
        this.outLink[to] = this.out[ft]! >= 0 ? ft : this.outLink[ft]!;
        queue.push(to);
      }
    }
  }

  /**
   * Feeds `text` from automaton `state`; pushes a raw hit for every term ending in it (offsets
   * counted from `base`) and returns the state to continue from with the next piece.
   */
  feed(text: string, state: number, base: number, hits: RawHit[]): number {
    const { rootNext, next, fail, out, outLink } = this;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      if (state === 0) {
        state = rootNext[c]!;
        if (state === 0) continue;
      } else {
        let to = next[state]!.get(c);
        while (to === undefined && state !== 0) {
          state = fail[state]!;
          to = state === 0 ? rootNext[c] || undefined : next[state]!.get(c);
        }
        state = to ?? 0;
        if (state === 0) continue;
      }
      if (out[state]! >= 0) hits.push({ end: base + i + 1, term: out[state]! });
      for (let o = outLink[state]!; o !== 0; o = outLink[o]!) hits.push({ end: base + i + 1, term: out[o]! });
    }
    return state;
  }

  /**
   * Turns raw hits over `text` into the flagged occurrences: whole names only (a Latin name is
   * not matched inside a longer word), and where hits overlap the longest wins. `before` is the
   * character code just before `text` in the same run of text (NaN when there is none), or a
   * function giving it, asked only if a Latin term starts `text` (finding it may walk the DOM).
   */
  resolve(text: string, raw: readonly RawHit[], before: number | (() => number) = NaN): Hit[] {
    const candidates: Hit[] = [];
    let prev = before;
    const charBefore = (start: number): number =>
      start > 0 ? text.charCodeAt(start - 1) : typeof prev === 'number' ? prev : (prev = prev());
    for (const { end, term } of raw) {
      const t = this.termText[term]!;
      const start = end - t.length;
      if (isWordChar(t.charCodeAt(0)) && isWordChar(charBefore(start))) continue;
      if (isWordChar(t.charCodeAt(t.length - 1)) && end < text.length && isWordChar(text.charCodeAt(end)))
        continue;
      candidates.push({ start, end, entry: this.termEntry[term]!, term: t });
    }
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken: Hit[] = [];
    for (const hit of candidates) {
      if (taken.every((k) => hit.end <= k.start || hit.start >= k.end)) taken.push(hit);
    }
    return taken.sort((a, b) => a.start - b.start);
  }

  /** Every flagged occurrence in one string. */
  find(text: string): Hit[] {
    if (this.size === 0) return [];
    const raw: RawHit[] = [];
    this.feed(text, 0, 0, raw);
    return raw.length ? this.resolve(text, raw) : [];
  }
}

/** A character class of the given (folded) code units and, for a–z, their capitals (or of all others). */
function charClass(codes: Iterable<number>, negated = false): string {
  let set = '';
  const unit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  for (const c of codes) {
    set += unit(c);
    if (c >= 97 && c <= 122) set += unit(c - 32);
  }
  return `[${negated ? '^' : ''}${set}]`;
}

function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold(text.charCodeAt(i)));
  return out;
}

/** The baseline the benchmark compares against: one indexOf pass per name. */
export function naiveFind(text: string, terms: readonly string[]): number {
  let count = 0;
  for (const term of terms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) count++;
  }
  return count;
}
