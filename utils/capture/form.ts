// The review page's form as data (issue 19 item 3: every field can be corrected): a notice
// becomes fields of text, and the fields become a notice again or a list of what is wrong with
// them, each naming its field and the words to say. Pure: the clock is passed in. Times are
// Beijing wall-clock times (`YYYY-MM-DDTHH:MM`, what <input type="datetime-local"> holds): the
// form says so, whatever the browser's zone.
import {
  isHttpsUrl,
  NoticeSchema,
  validate,
  type Action,
  type Kind,
  type Notice,
  type Product,
} from '../notice/schema.ts';
import { isoProblem, toBeijingIso, toEpoch } from '../notice/time.ts';

export interface MilestoneForm {
  action: Action;
  /** Beijing wall-clock time, or '' when the date is not known yet (日期待定). */
  at: string;
  /** The earlier date of a moved milestone, kept as read. */
  previous?: string;
}

export interface ReplacementForm {
  name: string;
  href: string;
}

export interface ProductForm {
  name: string;
  /** Other spellings, as typed: separated by 、 , ， ; or line breaks. */
  aliases: string;
  milestones: MilestoneForm[];
  replacements: ReplacementForm[];
}

export interface NoticeForm {
  guid: string;
  title: string;
  link: string;
  kind: Kind;
  /** YYYY-MM-DD. */
  published: string;
  /** The notice's own pubDate, kept when the day is not changed (it may carry a time). */
  pubDate: string;
  grandfather: string;
  products: ProductForm[];
}

export interface FormError {
  /** The field: `title`, `link`, `products.1.name`, `products.0.milestones.2.at`, … */
  field: string;
  /** The locale key of the words, and its substitutions (1-based positions for people). */
  key: string;
  args: (string | number)[];
}

const wall = (iso: string) => toBeijingIso(toEpoch(iso)).slice(0, 16);

export function formOf(notice: Notice): NoticeForm {
  const sunset = notice.sunset;
  return {
    guid: notice.guid,
    title: notice.title,
    link: notice.link ?? '',
    kind: sunset?.kind ?? 'retire',
    published: toBeijingIso(toEpoch(notice.pubDate)).slice(0, 10),
    pubDate: notice.pubDate,
    grandfather: sunset?.grandfather ?? '',
    products: (sunset?.products ?? []).map((p) => ({
      name: p.name,
      aliases: p.aliases.join('、'),
      milestones: p.milestones.map((m) => ({
        action: m.action,
        at: m.at ? wall(m.at) : '',
        ...(m.previous ? { previous: m.previous } : {}),
      })),
      replacements: p.replacements.map((r) => ({ name: r.name, href: r.href ?? '' })),
    })),
  };
}

export const emptyProduct = (): ProductForm => ({
  name: '',
  aliases: '',
  milestones: [{ action: 'retire', at: '' }],
  replacements: [],
});

/** A Beijing wall-clock time as an instant with its offset, or null when it is no time. */
function instant(value: string): string | null {
  const iso = `${value.length === 16 ? `${value}:00` : value}+08:00`;
  return isoProblem(iso) === null ? iso : null;
}

function splitAliases(text: string, name: string): string[] {
  const seen = new Set<string>([name]);
  const out: string[] = [];
  for (const part of text.split(/[、,，;；\n]+/u)) {
    const alias = part.trim();
    if (!alias || seen.has(alias)) continue;
    seen.add(alias);
    out.push(alias);
  }
  return out;
}

export type FormResult = { ok: true; notice: Notice } | { ok: false; errors: FormError[] };

/** The notice the form describes (`updated` = now), or every problem with it. */
export function noticeOf(form: NoticeForm, now: number): FormResult {
  const errors: FormError[] = [];
  const error = (field: string, key: string, ...args: (string | number)[]) =>
    errors.push({ field, key, args });
  const title = form.title.trim();
  if (!title) error('title', 'capture_err_title');
  const link = form.link.trim();
  if (link && !isHttpsUrl(link)) error('link', 'capture_err_link');
  const day = /^\d{4}-\d{2}-\d{2}$/u.test(form.published) ? instant(`${form.published}T00:00`) : null;
  if (!day) error('published', 'capture_err_published');
  const keepTime = day && toBeijingIso(toEpoch(form.pubDate)).slice(0, 10) === form.published;
  const products: Product[] = [];
  const named = form.products.filter(
    (p) => p.name.trim() || p.aliases.trim() || p.replacements.some((r) => r.name.trim()),
  );
  if (named.length === 0) error('products', 'capture_err_no_product');
  form.products.forEach((p, i) => {
    if (!named.includes(p)) return;
    const name = p.name.trim();
    if (!name) error(`products.${i}.name`, 'capture_err_product_name', i + 1);
    const product: Product = {
      name,
      aliases: splitAliases(p.aliases, name),
      milestones: [],
      replacements: [],
    };
    p.milestones.forEach((m, j) => {
      if (!m.at.trim()) {
        product.milestones.push({ action: m.action, at: null });
        return;
      }
      const at = instant(m.at.trim());
      if (!at) error(`products.${i}.milestones.${j}.at`, 'capture_err_at', i + 1, j + 1);
      else product.milestones.push({ action: m.action, at, ...(m.previous ? { previous: m.previous } : {}) });
    });
    p.replacements.forEach((r, j) => {
      const rname = r.name.trim();
      const href = r.href.trim();
      if (!rname) return;
      if (href && !isHttpsUrl(href))
        error(`products.${i}.replacements.${j}.href`, 'capture_err_href', i + 1, rname);
      product.replacements.push({ name: rname, ...(href ? { href } : {}) });
    });
    products.push(product);
  });
  if (errors.length) return { ok: false, errors };
  const notice: Notice = {
    guid: form.guid,
    title,
    pubDate: keepTime ? form.pubDate : day!,
    sunset: {
      kind: form.kind,
      updated: toBeijingIso(now),
      products,
      ...(form.grandfather.trim() ? { grandfather: form.grandfather.trim() } : {}),
    },
  };
  if (link) notice.link = link;
  // The schema's own limits (lengths, 50 products) as a last word: named by field.
  const checked = validate(NoticeSchema, notice);
  if (!checked.ok) {
    return {
      ok: false,
      errors: checked.errors.map((e) => ({ field: e.field, key: 'capture_err_save', args: [e.reason] })),
    };
  }
  return { ok: true, notice: checked.value };
}
