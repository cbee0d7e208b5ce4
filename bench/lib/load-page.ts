// The benchmark's backend page: a plan table of `rows` rows that the page's own script builds while
// it loads (as the real backend's single-page app does), served at https://p4p.1688.com/ by the
// benchmarks' routes. A watched product is named in one row of `every` (0: in none, as on most
// backend pages).

export function loadPage(rows: number, every: number): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench ${rows}</title></head><body><table class="next-table"><tbody id="rows"></tbody></table><script>
const P = ${JSON.stringify(['家居百货解决方案', '行业优选解决方案', '跨境专供解决方案', '消费品解决方案', '工业品解决方案', '大客方案', '找工厂解决方案'])};
window.row = (i) => { const tr = document.createElement('tr'); tr.className = 'next-table-row';
  const p = ${every} > 0 && i % ${every} === 0 ? P[(i / ${every}) % 3] : P[3 + (i % 4)];
  for (const t of ['推广计划 ' + i, p, String(1000 + i), '¥' + (i % 997), String(i % 40)]) { const td = document.createElement('td'); td.textContent = t; tr.append(td); }
  const td = document.createElement('td'); const b = document.createElement('button'); b.className = 'next-btn'; b.textContent = '续费'; td.append(b); tr.append(td); return tr; };
const tb = document.getElementById('rows'); for (let i = 0; i < ${rows}; i++) tb.append(row(i));
</script></body></html>`;
}
