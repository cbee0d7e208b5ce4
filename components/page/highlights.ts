// The flagged names' text, marked with the CSS Custom Highlight API (issue 16 item 1): the browser
// paints the ranges (`::highlight(sunset-watch-<urgency>)`, entrypoints/marketing.content/
// highlight.css) without a node or a box added to the page, so the page's layout cannot change.
// Chromium since 105, Firefox since 140; where it is missing, flags, badges and cards still work.
// Static ranges: a live Range would be updated by the browser on every change the page makes to
// its DOM; a stale static one is replaced when the scan of its changed block re-flags it.

export interface Mark {
  start: Text;
  startOffset: number;
  end: Text;
  endOffset: number;
  urgency: string;
}

interface Registry {
  set(name: string, highlight: object): void;
  delete(name: string): void;
}
type HighlightCtor = new () => { add(range: object): void; delete(range: object): void; clear(): void };
type StaticRangeCtor = new (init: {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}) => object;

export const HIGHLIGHT_PREFIX = 'sunset-watch-';

export class Highlights {
  private readonly registry: Registry | null;
  private readonly Highlight: HighlightCtor | null;
  private readonly StaticRange: StaticRangeCtor | null;
  private readonly byUrgency = new Map<string, InstanceType<HighlightCtor>>();
  private readonly marks = new Map<Element, { urgency: string; range: object }[]>();

  constructor(doc: Document) {
    const view = doc.defaultView as
      | (Window & {
          CSS?: { highlights?: Registry };
          Highlight?: HighlightCtor;
          StaticRange?: StaticRangeCtor;
        })
      | null;
    this.registry = view?.CSS?.highlights ?? null;
    this.Highlight = this.registry ? (view?.Highlight ?? null) : null;
    this.StaticRange = view?.StaticRange ?? null;
  }

  /** Whether the browser paints highlights. */
  get available(): boolean {
    return !!(this.Highlight && this.StaticRange);
  }

  /** Marks the names in `el` (null: none any more). */
  set(el: Element, marks: readonly Mark[] | null): void {
    if (!this.available) return;
    for (const old of this.marks.get(el) ?? []) this.byUrgency.get(old.urgency)?.delete(old.range);
    this.marks.delete(el);
    if (!marks?.length) return;
    const kept = marks.map((m) => {
      const range = new this.StaticRange!({
        startContainer: m.start,
        startOffset: m.startOffset,
        endContainer: m.end,
        endOffset: m.endOffset,
      });
      this.highlight(m.urgency).add(range);
      return { urgency: m.urgency, range };
    });
    this.marks.set(el, kept);
  }

  private highlight(urgency: string): InstanceType<HighlightCtor> {
    let h = this.byUrgency.get(urgency);
    if (!h) {
      h = new this.Highlight!();
      this.byUrgency.set(urgency, h);
      this.registry!.set(`${HIGHLIGHT_PREFIX}${urgency}`, h);
    }
    return h;
  }

  clear(): void {
    for (const [urgency, h] of this.byUrgency) {
      h.clear();
      this.registry?.delete(`${HIGHLIGHT_PREFIX}${urgency}`);
    }
    this.byUrgency.clear();
    this.marks.clear();
  }
}
