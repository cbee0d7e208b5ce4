// Styles of the on-page UI, scoped by shadow roots so the page and the extension never restyle
// each other. Urgency colours: later (grey-blue), week (amber), day (red), past (dark grey).
export const URGENCY_COLORS = {
  later: '#2563eb',
  week: '#b45309',
  day: '#dc2626',
  past: '#4b5563',
  undated: '#6b7280',
} as const;

const urgencyRules = Object.entries(URGENCY_COLORS)
  .map(([u, c]) => `.u-${u}{--c:${c}}`)
  .join('');

// `all:initial` would also undo the UA's [hidden] rule: restore it, or a hidden card still shows.
const base = `:host{all:initial;font:12px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
a{color:#1d4ed8}button{font:inherit;cursor:pointer}:host([hidden]){display:none!important}${urgencyRules}
.left{white-space:nowrap}`;

export const BADGE_CSS = `${base}:host{display:inline-block;margin:0 4px;vertical-align:middle}
.b{display:inline-block;border:1px solid var(--c);color:var(--c);background:#fff;border-radius:9px;padding:0 6px;font-size:12px;line-height:16px;white-space:nowrap}
.b::before{content:"";display:inline-block;vertical-align:middle;width:6px;height:6px;border-radius:50%;background:var(--c);margin:0 5px 2px 0}
:host([data-compact]) .lead{display:none}.b:focus-visible{outline:2px solid var(--c);outline-offset:1px}`;

export const CARD_CSS = `${base}:host{position:fixed;z-index:2147483646;top:0;left:0}
.card{width:320px;max-height:60vh;overflow:auto;background:#fff;border:1px solid #d1d5db;border-top:4px solid var(--c);border-radius:6px;box-shadow:0 8px 24px rgba(0,0,0,.18);padding:10px 12px}
h2{font-size:14px;margin:0 0 6px}h3{font-size:12px;margin:8px 0 2px;color:#4b5563}
ul{margin:0;padding-left:16px}li{margin:1px 0}.past{color:#4b5563}.status{margin:0 0 4px;font-weight:600;color:var(--c)}
.moved{color:#6b7280}.row{display:flex;gap:8px;margin-top:10px;align-items:center;flex-wrap:wrap}
.mute{border:1px solid #d1d5db;background:#f9fafb;border-radius:4px;padding:2px 8px}.x{margin-left:auto;border:0;background:none;font-size:14px}`;

export const BANNER_CSS = `${base}:host{position:fixed!important;z-index:2147483645!important;max-width:min(440px,calc(100vw - 24px))}
.bar{display:flex;gap:6px 12px;align-items:center;flex-wrap:wrap;padding:8px 12px;background:#fffbeb;border:1px solid #fcd34d;border-left:4px solid var(--c);border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.18);font-size:13px}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;background:var(--c);flex:none;vertical-align:-1px}.what .dot{margin-right:6px}strong{color:var(--c)}
.more{color:#6b7280}.buttons{display:flex;gap:6px;margin-left:auto}.x,.fold{border:1px solid #d1d5db;background:#fff;border-radius:4px;padding:2px 8px}
.pill{display:none;align-items:center;gap:6px;border:1px solid #fcd34d;border-left:4px solid var(--c);background:#fffbeb;border-radius:14px;padding:3px 10px;box-shadow:0 2px 8px rgba(0,0,0,.18);font-size:12px}
:host([data-collapsed]) .bar{display:none}:host([data-collapsed]) .pill{display:inline-flex}
button:focus-visible{outline:2px solid #2563eb;outline-offset:1px}`;

export const GUARD_CSS = `${base}
dialog{max-width:440px;border:0;border-top:4px solid var(--c);border-radius:8px;padding:16px 20px;box-shadow:0 12px 40px rgba(0,0,0,.3);color:#1f2937;font-size:13px}
dialog::backdrop{background:rgba(0,0,0,.45)}h2{font-size:16px;margin:0 0 8px;color:var(--c)}h3{font-size:13px;margin:10px 0 2px}
ul{margin:0;padding-left:18px}.row{display:flex;gap:8px;justify-content:flex-end;margin-top:16px;flex-wrap:wrap}
.row button{border-radius:4px;padding:5px 14px;border:1px solid #d1d5db;background:#fff}
.row .alt{background:#2563eb;border-color:#2563eb;color:#fff}.row .go{color:#b91c1c;border-color:#fca5a5}
:focus-visible{outline:2px solid #2563eb;outline-offset:2px}`;
