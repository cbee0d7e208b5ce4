// The review page, capture.html (issue 19 items 3–5): what was read from an announcement (or a
// selection), every field correctable — title, link, kind, products with their other spellings,
// milestones (action, Beijing date-time), replacements, who is not affected — and saved as a
// local notice. Opened with ?draft=<id> (a capture) or ?guid=local:… (editing one from the popup).
// The transport, clock, draft store and guid maker are passed in, so tests render it without a
// browser. Text from the page only ever becomes text (Preact escapes it); links are https only.
import type { ComponentChild } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import enCapture from '../../locales/en/capture.json';
import enCommon from '../../locales/en/common.json';
import zhCapture from '../../locales/zh_CN/capture.json';
import zhCommon from '../../locales/zh_CN/common.json';
import { isLocalGuid, newLocalGuid } from '../../utils/capture/draft.ts';
import type { CaptureSource } from '../../utils/capture/source.ts';
import { capture, type Extraction } from '../../utils/capture/extract.ts';
import {
  emptyProduct,
  formOf,
  noticeOf,
  type FormError,
  type NoticeForm,
  type ProductForm,
} from '../../utils/capture/form.ts';
import { mergeParts, translatorFor, type Lang, type Translate } from '../../utils/i18n/catalog.ts';
import {
  runtimeTransport,
  sendMessage,
  type CaptureSaved,
  type Transport,
} from '../../utils/messages/protocol.ts';
import { actionNames, listOf, sentenceStart } from '../../utils/notice/phrases.ts';
import { ACTIONS, KINDS, type Action, type Kind } from '../../utils/notice/schema.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhCapture]),
  en: mergeParts([enCommon, enCapture]),
};

/** The source text shown with its dates marked, at most this long. */
const SHOWN_TEXT = 20_000;

export interface ReviewAppProps {
  /** The page's query: `draft=<id>` or `guid=local:…`. */
  params: URLSearchParams;
  loadDraft: (id: string) => Promise<CaptureSource | null>;
  transport?: Transport;
  now?: () => number;
  newGuid?: () => string;
  browserLanguage?: string;
  /** Closes the tab (absent in tests: no button). */
  close?: () => void;
}

type State =
  | { state: 'loading' }
  | { state: 'missing'; key: string }
  | {
      state: 'ready';
      form: NoticeForm;
      editing: boolean;
      source?: CaptureSource;
      extraction?: Extraction;
      /** Why the fields start (nearly) empty: nothing found, or the extractor's error. */
      note?: { kind: 'nothing' } | { kind: 'error'; message: string };
    }
  | { state: 'saved'; saved: CaptureSaved };

/** The source text with each date the extractor found marked (milestones in bold). */
function SourceText({ text, extraction }: { text: string; extraction?: Extraction }) {
  const shown = text.slice(0, SHOWN_TEXT);
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const d of extraction?.dates ?? []) {
    if (d.start < at || d.end > shown.length) continue;
    parts.push(shown.slice(at, d.start));
    parts.push(
      <mark class={d.milestone ? 'date date--milestone' : 'date'} title={d.at}>
        {shown.slice(d.start, d.end)}
      </mark>,
    );
    at = d.end;
  }
  parts.push(shown.slice(at));
  if (shown.length < text.length) parts.push('…');
  return <div class="source__text">{parts}</div>;
}

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ComponentChild;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(props.error ? { 'aria-invalid': true } : {}),
      })}
      {props.hint && (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

const KIND_KEYS: Record<Kind, string> = {
  retire: 'capture_kind_retire',
  postpone: 'capture_kind_postpone',
  cancel: 'capture_kind_cancel',
  policy: 'capture_kind_policy',
  info: 'capture_kind_info',
};

function ProductFields(props: {
  index: number;
  product: ProductForm;
  t: Translate;
  errorOf: (field: string) => string | undefined;
  onChange: (next: ProductForm) => void;
  onRemove: () => void;
}) {
  const { index: i, product: p, t, errorOf, onChange } = props;
  const id = (rest: string) => `p${i}-${rest}`;
  const set = (patch: Partial<ProductForm>) => onChange({ ...p, ...patch });
  const field = (rest: string) => errorOf(`products.${i}.${rest}`);
  return (
    <fieldset class="product">
      <legend>{t('capture_product_n', i + 1)}</legend>
      <Field
        id={id('name')}
        label={t('capture_field_product_name')}
        hint={t('capture_field_product_name_hint')}
        error={field('name')}
      >
        {(aria) => <input {...aria} value={p.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field id={id('aliases')} label={t('capture_field_aliases')} hint={t('capture_field_aliases_hint')}>
        {(aria) => (
          <input {...aria} value={p.aliases} onInput={(e) => set({ aliases: e.currentTarget.value })} />
        )}
      </Field>
      <div class="group" role="group" aria-labelledby={id('milestones')}>
        <p class="group__label" id={id('milestones')}>
          {t('capture_field_milestones')}
        </p>
        {p.milestones.map((m, j) => {
          const setM = (patch: Partial<typeof m>) =>
            set({ milestones: p.milestones.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
          const error = field(`milestones.${j}.at`);
          return (
            <div class="row" key={j}>
              <label class="visually-hidden" for={id(`m${j}-action`)}>
                {t('capture_field_action')}
              </label>
              <select
                id={id(`m${j}-action`)}
                value={m.action}
                onChange={(e) => setM({ action: e.currentTarget.value as Action })}
              >
                {ACTIONS.map((a) => (
                  <option key={a} value={a}>
                    {sentenceStart(t, actionNames(t, [a]))}
                  </option>
                ))}
              </select>
              <label class="visually-hidden" for={id(`m${j}-at`)}>
                {t('capture_field_at')}
              </label>
              <input
                id={id(`m${j}-at`)}
                type="datetime-local"
                value={m.at}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? id(`m${j}-error`) : id('undated')}
                onInput={(e) => setM({ at: e.currentTarget.value })}
              />
              <button
                type="button"
                class="button button--quiet"
                onClick={() => set({ milestones: p.milestones.filter((_, k) => k !== j) })}
              >
                {t('capture_remove')}
              </button>
              {error && (
                <span class="error" id={id(`m${j}-error`)}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
        <p class="hint" id={id('undated')}>
          {t('capture_undated_hint')}
        </p>
        <button
          type="button"
          class="button"
          onClick={() => set({ milestones: [...p.milestones, { action: 'retire', at: '' }] })}
        >
          {t('capture_add_milestone')}
        </button>
      </div>
      <div class="group" role="group" aria-labelledby={id('replacements')}>
        <p class="group__label" id={id('replacements')}>
          {t('capture_field_replacements')}
        </p>
        {p.replacements.map((r, j) => {
          const setR = (patch: Partial<typeof r>) =>
            set({ replacements: p.replacements.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
          const error = field(`replacements.${j}.href`);
          return (
            <div class="row" key={j}>
              <label class="visually-hidden" for={id(`r${j}-name`)}>
                {t('capture_field_replacement_name')}
              </label>
              <input
                id={id(`r${j}-name`)}
                value={r.name}
                onInput={(e) => setR({ name: e.currentTarget.value })}
              />
              <label class="visually-hidden" for={id(`r${j}-href`)}>
                {t('capture_field_replacement_href')}
              </label>
              <input
                id={id(`r${j}-href`)}
                type="url"
                placeholder={t('capture_field_replacement_href')}
                value={r.href}
                aria-invalid={error ? true : undefined}
                onInput={(e) => setR({ href: e.currentTarget.value })}
              />
              <button
                type="button"
                class="button button--quiet"
                onClick={() => set({ replacements: p.replacements.filter((_, k) => k !== j) })}
              >
                {t('capture_remove')}
              </button>
              {error && <span class="error">{error}</span>}
            </div>
          );
        })}
        <button
          type="button"
          class="button"
          onClick={() => set({ replacements: [...p.replacements, { name: '', href: '' }] })}
        >
          {t('capture_add_replacement')}
        </button>
      </div>
      <button type="button" class="button button--quiet product__remove" onClick={props.onRemove}>
        {t('capture_remove_product')}
      </button>
    </fieldset>
  );
}

export function ReviewApp({
  params,
  loadDraft,
  transport = runtimeTransport,
  now = Date.now,
  newGuid = newLocalGuid,
  browserLanguage = globalThis.navigator?.language,
  close,
}: ReviewAppProps) {
  const [load, setLoad] = useState<State>({ state: 'loading' });
  const [language, setLanguage] = useState<'auto' | Lang>('auto');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const { t, lang } = useMemo(
    () => translatorFor(catalogs, language, browserLanguage),
    [language, browserLanguage],
  );

  useEffect(() => {
    void (async () => {
      try {
        setLanguage((await sendMessage({ type: 'settings/get' }, transport)).language);
      } catch {
        // The browser's language, then.
      }
      const draftId = params.get('draft');
      const guid = params.get('guid');
      if (guid) {
        const { notices } = await sendMessage({ type: 'notices/list' }, transport);
        const stored = notices.find((s) => s.guid === guid && s.origin === 'local' && isLocalGuid(s.guid));
        setLoad(
          stored
            ? { state: 'ready', form: formOf(stored.notice), editing: true }
            : { state: 'missing', key: 'capture_missing_notice' },
        );
        return;
      }
      const source = draftId ? await loadDraft(draftId) : null;
      if (!source) {
        setLoad({ state: 'missing', key: 'capture_missing_draft' });
        return;
      }
      const read = capture(source, { guid: newGuid(), now: now() });
      if (!read.ok) {
        const form = formOf({
          guid: newGuid(),
          title: source.title || source.text.slice(0, 80),
          pubDate: `${source.published}T00:00:00+08:00`,
          ...(source.link ? { link: source.link } : {}),
        });
        form.products = [emptyProduct()];
        setLoad({
          state: 'ready',
          form,
          editing: false,
          source,
          note: { kind: 'error', message: read.error },
        });
        return;
      }
      const form = formOf(read.notice);
      if (form.products.length === 0) form.products = [emptyProduct()];
      setLoad({
        state: 'ready',
        form,
        editing: false,
        source,
        extraction: read.extraction,
        ...(read.notice.sunset?.products.length ? {} : { note: { kind: 'nothing' } }),
      });
    })().catch((error: unknown) => {
      setSaveError(error instanceof Error ? error.message : String(error));
      setLoad({ state: 'missing', key: 'capture_missing_draft' });
    });
  }, [params, transport, loadDraft, newGuid, now]);

  const htmlLang = lang === 'zh_CN' ? 'zh-CN' : 'en';
  useEffect(() => {
    document.title = t('capture_page_title');
    document.documentElement.lang = htmlLang;
  }, [t, htmlLang]);

  if (load.state === 'loading') return <p class="state">{t('capture_loading')}</p>;
  if (load.state === 'missing') {
    return (
      <main class="review" lang={htmlLang}>
        <h1>{t('capture_page_title')}</h1>
        <p class="state state--error" role="alert">
          {t(load.key)}
        </p>
      </main>
    );
  }
  if (load.state === 'saved') {
    const { saved } = load;
    const into = listOf(
      t,
      [...new Set(saved.folded.map((f) => f.title))].map((title) => t('capture_quoted', title)),
    );
    const products = listOf(
      t,
      saved.folded.map((f) => t('capture_quoted', f.product)),
    );
    return (
      <main class="review" lang={htmlLang}>
        <h1>{t('capture_page_title')}</h1>
        <p class="state state--ok" role="status">
          {!saved.stored
            ? t('capture_saved_folded', into)
            : saved.folded.length
              ? `${t('capture_saved')} ${t('capture_saved_partial', products, into)}`
              : t('capture_saved')}
        </p>
        {close && (
          <button type="button" class="button" onClick={close}>
            {t('capture_close')}
          </button>
        )}
      </main>
    );
  }

  const { form } = load;
  const setForm = (next: NoticeForm) => setLoad({ ...load, form: next });
  const set = (patch: Partial<NoticeForm>) => setForm({ ...form, ...patch });
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.key, ...e.args) : undefined;
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const result = noticeOf(form, now());
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setSaveError('');
    setSaving(true);
    try {
      const saved = await sendMessage({ type: 'capture/save', notice: result.notice }, transport);
      setLoad({ state: 'saved', saved });
    } catch (error) {
      setSaveError(t('capture_err_save', error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  };
  const note = load.note;

  return (
    <main class="review" lang={htmlLang}>
      <h1>{t('capture_page_title')}</h1>
      <p class="intro">{t(load.editing ? 'capture_intro_edit' : 'capture_intro_draft')}</p>
      {note && (
        <p class="state state--note" role="status">
          {note.kind === 'nothing' ? t('capture_nothing_found') : t('capture_extract_error', note.message)}
        </p>
      )}
      <form class="review__form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset class="section">
          <legend>{t('capture_section_notice')}</legend>
          <Field id="title" label={t('capture_field_title')} error={errorOf('title')}>
            {(aria) => (
              <input {...aria} value={form.title} onInput={(e) => set({ title: e.currentTarget.value })} />
            )}
          </Field>
          <Field
            id="link"
            label={t('capture_field_link')}
            hint={t('capture_field_link_hint')}
            error={errorOf('link')}
          >
            {(aria) => (
              <input
                {...aria}
                type="url"
                value={form.link}
                onInput={(e) => set({ link: e.currentTarget.value })}
              />
            )}
          </Field>
          <div class="row">
            <Field id="kind" label={t('capture_field_kind')}>
              {(aria) => (
                <select
                  {...aria}
                  value={form.kind}
                  onChange={(e) => set({ kind: e.currentTarget.value as Kind })}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(KIND_KEYS[k])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="published" label={t('capture_field_published')} error={errorOf('published')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={form.published}
                  onInput={(e) => set({ published: e.currentTarget.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset class="section">
          <legend>{t('capture_section_products')}</legend>
          {errorOf('products') && (
            <p class="error" role="alert">
              {errorOf('products')}
            </p>
          )}
          {form.products.map((p, i) => (
            <ProductFields
              key={i}
              index={i}
              product={p}
              t={t}
              errorOf={errorOf}
              onChange={(next) => set({ products: form.products.map((x, k) => (k === i ? next : x)) })}
              onRemove={() => set({ products: form.products.filter((_, k) => k !== i) })}
            />
          ))}
          <button
            type="button"
            class="button"
            onClick={() => set({ products: [...form.products, emptyProduct()] })}
          >
            {t('capture_add_product')}
          </button>
        </fieldset>
        <fieldset class="section">
          <legend>{t('capture_field_grandfather')}</legend>
          <label class="visually-hidden" for="grandfather">
            {t('capture_field_grandfather')}
          </label>
          <textarea
            id="grandfather"
            rows={3}
            placeholder={t('capture_field_grandfather_hint')}
            value={form.grandfather}
            onInput={(e) => set({ grandfather: e.currentTarget.value })}
          />
        </fieldset>
        {errors.length > 0 && (
          <ul class="errors" role="alert">
            {errors.map((e, i) => (
              <li key={i}>{t(e.key, ...e.args)}</li>
            ))}
          </ul>
        )}
        {saveError && (
          <p class="error" role="alert">
            {saveError}
          </p>
        )}
        <div class="review__actions">
          <button type="submit" class="button button--primary" data-action="save" disabled={saving}>
            {saving ? t('capture_saving') : t('capture_save')}
          </button>
        </div>
      </form>
      {load.source && (
        <section class="source">
          <h2>{t('capture_source_text')}</h2>
          <p class="hint">{t('capture_source_hint')}</p>
          <SourceText text={load.source.text} {...(load.extraction ? { extraction: load.extraction } : {})} />
        </section>
      )}
    </main>
  );
}
