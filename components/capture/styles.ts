// The offer's styles, in its shadow root: the page and the offer never restyle each other. The
// urgency colours are the page UI's (components/page/styles.ts).
import { URGENCY_COLORS } from '../page/styles.ts';

const urgency = Object.entries(URGENCY_COLORS)
  .map(([u, c]) => `.u-${u}{--c:${c}}`)
  .join('');

// `all:initial` would also undo the UA's [hidden] rule: restore it.
export const CAPTURE_CSS = `:host{all:initial;display:block;margin:0 0 16px;font:13px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937}
:host([hidden]){display:none!important}${urgency}
.offer{border:1px solid #fcd34d;border-left:4px solid #d97706;background:#fffbeb;border-radius:6px;padding:10px 14px}
.head{margin:0 0 4px;font-weight:600;display:flex;align-items:center;gap:6px}
.dot{width:8px;height:8px;border-radius:50%;background:#d97706;flex:none}
ul{margin:0;padding-left:18px}li{margin:2px 0}li strong{margin-right:6px}
.what{color:var(--c)}.left{margin-left:8px;white-space:nowrap;color:var(--c)}
.more,.alt{margin:4px 0 0;color:#4b5563}
.row{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin-top:8px}
button{font:inherit;cursor:pointer;border-radius:4px;padding:3px 12px}
.add{background:#2563eb;border:1px solid #2563eb;color:#fff}
.x{background:#fff;border:1px solid #d1d5db;color:#374151}
.done{color:#166534}
:focus-visible{outline:2px solid #2563eb;outline-offset:2px}`;
