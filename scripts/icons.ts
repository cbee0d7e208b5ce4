// `npm run icons`: renders the extension's icons from their SVG sources (issue 21) into
// public/icon-<size>.png, which WXT lists in the manifest, and the store's images into docs/store/.
// The PNGs are committed, so a build (and AMO's rebuild from the sources archive) needs no
// renderer; test/unit/ship/icons.test.ts fails when an icon differs from what this renders.
// `npm run icons -- --preview FILE.png` also draws every size on light and dark toolbars, with a
// badge, to look at.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';

const ROOT = new URL('../', import.meta.url);

/**
 * Which source each size is drawn from, and the transparent margin around the tile: the Chrome
 * Web Store asks for 96 px of artwork inside a 128 px icon; toolbar sizes use every pixel.
 */
export const ICONS = [
  { size: 16, source: 'assets/icon-small.svg', margin: 0 },
  { size: 32, source: 'assets/icon-small.svg', margin: 0 },
  { size: 48, source: 'assets/icon.svg', margin: 0 },
  { size: 128, source: 'assets/icon.svg', margin: 16 },
] as const;

export const iconPath = (size: number): string => `public/icon-${size}.png`;

/** The source SVG set inside a square of `size` px, `margin` px from each edge. */
function placed(svg: string, size: number, margin: number): string {
  const inner = size - 2 * margin;
  const nested = svg.replace('<svg ', `<svg x="${margin}" y="${margin}" width="${inner}" height="${inner}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${nested}</svg>`;
}

/** The PNG bytes of one icon size. */
export function renderIcon(icon: (typeof ICONS)[number]): Buffer {
  const svg = readFileSync(new URL(icon.source, ROOT), 'utf8');
  return new Resvg(placed(svg, icon.size, icon.margin)).render().asPng();
}

/**
 * The Chrome Web Store's small promo tile (440×280, required) and Edge's store logo (300×300).
 * The tile's words need Noto Sans CJK (fonts-noto-cjk) where it is rendered, which is why the
 * icon test leaves it out.
 */
function storeImages(): { file: string; svg: string }[] {
  const icon = readFileSync(new URL('assets/icon.svg', ROOT), 'utf8');
  const tile = icon.replace('<svg ', '<svg x="36" y="65" width="150" height="150" ');
  const font = `font-family="Noto Sans CJK SC, sans-serif" fill="#ffffff"`;
  const promo = `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="280">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2b2160"/><stop offset="1" stop-color="#4a2a6e"/>
    </linearGradient></defs>
    <rect width="440" height="280" fill="url(#bg)"/>${tile}
    <text x="212" y="130" ${font} font-size="44" font-weight="700">下线预警</text>
    <text x="214" y="166" ${font} font-size="24" opacity="0.9">Sunset Watch</text>
    <text x="214" y="202" ${font} font-size="16" opacity="0.8">1688 数字营销 · 下线提醒</text>
  </svg>`;
  return [
    { file: 'docs/store/promo-440x280.png', svg: promo },
    { file: 'docs/store/logo-300.png', svg: placed(icon, 300, 0) },
  ];
}

/**
 * The rendered PNGs at 1:1 and magnified 4× (pixels kept sharp), on light and dark toolbars, the
 * toolbar sizes also under a badge.
 */
function previewSheet(pngs: Map<number, Buffer>): string {
  const image = (size: number, x: number, y: number, scale: number, badge: boolean): string => {
    const side = size * scale;
    const href = `data:image/png;base64,${pngs.get(size)?.toString('base64')}`;
    // Chrome draws the badge over the icon's lower right, about 60 % wide and 45 % high.
    const mark = badge
      ? `<rect x="${x + side * 0.4}" y="${y + side * 0.55}" width="${side * 0.6}" height="${side * 0.45}" rx="${side * 0.1}" fill="#e8710a"/>`
      : '';
    return `<image x="${x}" y="${y}" width="${side}" height="${side}" image-rendering="optimizeSpeed" href="${href}"/>${mark}`;
  };
  const backgrounds = ['#ffffff', '#f1f3f4', '#202124', '#35363a'];
  let body = '';
  backgrounds.forEach((bg, row) => {
    const y = row * 150;
    body += `<rect y="${y}" width="1000" height="150" fill="${bg}"/>`;
    let x = 10;
    for (const { size } of ICONS) {
      body += image(size, x, y + 10, 1, false);
      x += size + 10;
    }
    for (const size of [16, 32]) {
      body += image(size, x, y + 10, 1, true);
      x += size + 10;
    }
    for (const size of [16, 32]) {
      body += image(size, x, y + 10, 4, false) + image(size, x + size * 4 + 10, y + 10, 4, true);
      x += size * 8 + 30;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${backgrounds.length * 150}">${body}</svg>`;
}

function main(): void {
  const { values } = parseArgs({ options: { preview: { type: 'string' } } });
  const pngs = new Map<number, Buffer>();
  for (const icon of ICONS) {
    pngs.set(icon.size, renderIcon(icon));
    writeFileSync(new URL(iconPath(icon.size), ROOT), pngs.get(icon.size) as Buffer);
    process.stdout.write(`${iconPath(icon.size)} ← ${icon.source}\n`);
  }
  for (const image of storeImages()) {
    const png = new Resvg(image.svg, {
      font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    })
      .render()
      .asPng();
    writeFileSync(new URL(image.file, ROOT), png);
    process.stdout.write(`${image.file}\n`);
  }
  if (values.preview) {
    writeFileSync(values.preview, new Resvg(previewSheet(pngs)).render().asPng());
    process.stdout.write(`preview: ${values.preview}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
