/**
 * The diagram as a standalone SVG file, for slides and notes: a copy of the page's <svg> with the
 * computed styles it needs written onto each element as presentation attributes (the page styles
 * it with classes; the file needs no CSS and has no `style` attribute, so making it trips no
 * Content-Security-Policy), colours as rgb(), message tokens at the end of their travel, a
 * caption under it (the scenario, the moment, the step and the legend, in the page's language)
 * and the panel's background behind both. The file is as large as what it draws: its viewBox is
 * the drawing's and the caption's bounding box plus a small margin, measured on the copy laid out
 * off screen. XMLSerializer writes well-formed XML; nothing is parsed from text.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** Properties an SVG renderer needs, with the value that can be left out (the initial one). */
const PROPS: [string, string | null][] = [
  ["fill", "rgb(0, 0, 0)"],
  ["fill-opacity", "1"],
  ["fill-rule", "nonzero"],
  ["stroke", "none"],
  ["stroke-width", "1px"],
  ["stroke-opacity", "1"],
  ["stroke-dasharray", "none"],
  ["stroke-dashoffset", "0px"],
  ["stroke-linecap", "butt"],
  ["stroke-linejoin", "miter"],
  ["paint-order", "normal"],
  ["opacity", "1"],
  ["visibility", "visible"],
  ["display", "inline"],
  ["font-family", null],
  ["font-size", null],
  ["font-weight", "400"],
  ["font-style", "normal"],
  ["text-anchor", "start"],
  ["dominant-baseline", "auto"],
  ["letter-spacing", "normal"],
  ["text-decoration-line", "none"],
  ["white-space", "normal"],
];
const TEXT_ONLY = new Set(["font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "text-decoration-line", "white-space"]);
/** The presentation attribute of a CSS property, where its name differs. */
const ATTRIBUTE: Record<string, string> = { "text-decoration-line": "text-decoration" };
const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** Room around the drawing and between it and the caption, in viewBox units. */
const MARGIN = 8;
const CAPTION_GAP = 12;
const TEXT_TAGS = new Set(["text", "tspan", "textPath"]);
const COLOUR_PROPS = new Set(["fill", "stroke"]);

/** Any CSS colour (oklch, color-mix…) as rgb()/rgba(), which every SVG viewer reads. */
function colourConverter(): (css: string) => string {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const seen = new Map<string, string>();
  return (css) => {
    if (!ctx || css === "none" || css.startsWith("url(") || css === "currentcolor") return css;
    let rgb = seen.get(css);
    if (rgb === undefined) {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      rgb = a === 255 ? `rgb(${r}, ${g}, ${b})` : a === 0 ? "none" : `rgba(${r}, ${g}, ${b}, ${((a ?? 0) / 255).toFixed(3)})`;
      seen.set(css, rgb);
    }
    return rgb;
  };
}

/** The first ancestor's background that is not transparent (the panel the diagram sits on). */
function backgroundOf(el: Element): string {
  for (let at: Element | null = el; at; at = at.parentElement) {
    const bg = getComputedStyle(at).backgroundColor;
    if (bg && bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return "#ffffff";
}

export interface SerializedSvg {
  text: string;
  width: number;
  height: number;
}

/** A line sample of the legend: the stroke classes the picture's pipes use, and their dashes. */
export interface LegendSwatch {
  text: string;
  stroke: string;
  dash?: string;
}

/** What the picture shows, under it: the scenario's title, then lines of detail, then the legend. */
export interface Caption {
  title: string;
  lines: string[];
  legend: LegendSwatch[];
}

/** The diagram on the page (the page has one at a time: the lab's or the embed's). */
export function findDiagram(doc: Document = document): SVGSVGElement | null {
  return doc.getElementById("diagram-title")?.closest("svg") ?? null;
}

/** Write what `cs` says about each property the file needs onto `el`, and drop its classes. */
function writeStyles(el: Element, cs: CSSStyleDeclaration, text: boolean, toRgb: (css: string) => string, skip: (prop: string) => boolean) {
  for (const [prop, initial] of PROPS) {
    if ((TEXT_ONLY.has(prop) && !text) || skip(prop)) continue;
    let value = cs.getPropertyValue(prop);
    if (!value || value === initial) continue;
    // Any display but none draws the same in SVG (the page's block or inline says nothing here).
    if (prop === "display" && value !== "none") continue;
    if (COLOUR_PROPS.has(prop)) value = toRgb(value);
    if (prop === "white-space") {
      // SVG's own way to keep runs of spaces (every viewer reads it).
      if (/^pre|break-spaces/.test(value)) el.setAttributeNS(XML_NS, "xml:space", "preserve");
      continue;
    }
    el.setAttribute(ATTRIBUTE[prop] ?? prop, value);
  }
  el.removeAttribute("class");
  el.removeAttribute("style");
}

/** Where a copy is laid out to be measured: in the page (so its fonts are the page's), unseen. */
function measuringHost(): HTMLDivElement {
  const host = document.createElement("div");
  host.className = "pointer-events-none fixed top-0 left-[-100000px] opacity-0";
  host.setAttribute("aria-hidden", "true");
  document.body.append(host);
  return host;
}

const svgEl = <K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, className = ""): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (className) el.setAttribute("class", className);
  return el;
};

/**
 * The caption under the drawing, laid out inside `copy` (which is in the measuring host, so the
 * page's classes give it the page's colours, light or dark, and its text can be measured). The
 * legend's items wrap to the drawing's width.
 */
function drawCaption(copy: SVGSVGElement, caption: Caption, left: number, top: number, width: number): SVGGElement {
  const g = svgEl("g", { "data-export": "caption" });
  copy.append(g);
  let y = top;
  const line = (text: string, className: string, size: number) => {
    y += size + 2;
    const t = svgEl("text", { x: left, y }, className);
    t.textContent = text;
    g.append(t);
    y += 4;
  };
  line(caption.title, "diagram-title font-sans fill-slate-900 dark:fill-slate-50", 14);
  for (const l of caption.lines) line(l, "diagram-small font-sans fill-slate-700 dark:fill-slate-200", 13);
  let x = left;
  y += 6;
  const row = 18;
  for (const item of caption.legend) {
    const sample = svgEl("g", {});
    sample.append(svgEl("path", { d: `M0 0 H22`, "stroke-width": 2.5, ...(item.dash ? { "stroke-dasharray": item.dash } : {}) }, `fill-none ${item.stroke}`));
    const t = svgEl("text", { x: 28, y: 4.5 }, "diagram-small font-sans fill-slate-700 dark:fill-slate-200");
    t.textContent = item.text;
    sample.append(t);
    g.append(sample);
    const w = 28 + t.getComputedTextLength();
    if (x > left && x + w > left + width) {
      x = left;
      y += row;
    }
    sample.setAttribute("transform", `translate(${x} ${y + 4})`);
    x += w + 16;
  }
  return g;
}

/** The copy's elements styled by the page's classes now (the caption's): their computed styles as attributes. */
function bakeOwnStyles(root: Element, toRgb: (css: string) => string) {
  for (const el of [root, ...root.querySelectorAll("*")]) writeStyles(el, getComputedStyle(el), TEXT_TAGS.has(el.localName), toRgb, () => false);
}

export function serializeDiagram(svg: SVGSVGElement, caption?: Caption): SerializedSvg {
  const toRgb = colourConverter();
  const box = svg.viewBox.baseVal;
  const drawnW = box && box.width ? box.width : svg.clientWidth || 800;
  const drawnH = box && box.height ? box.height : svg.clientHeight || 450;

  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((orig, k) => {
    const el = copies[k];
    if (!el) return;
    const cs = getComputedStyle(orig);
    // A message token travels along a CSS motion path; the file shows it where it arrives.
    const xe = (orig as SVGElement).style?.getPropertyValue("--xe");
    const token = !!xe && cs.offsetPath !== "none";
    writeStyles(el, cs, TEXT_TAGS.has(orig.localName) || orig === svg, toRgb, (prop) => token && prop === "opacity");
    if (token) {
      const ye = (orig as SVGElement).style.getPropertyValue("--ye");
      el.setAttribute("transform", `translate(${parseFloat(xe) || 0} ${parseFloat(ye) || 0})`);
    }
  });
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("version", "1.1");
  copy.removeAttribute("preserveAspectRatio");
  copy.setAttribute("width", String(Math.round(drawnW)));
  copy.setAttribute("height", String(Math.round(drawnH)));

  // Lay the copy out off screen to measure what it draws, and the caption under it.
  const host = measuringHost();
  let view: { x: number; y: number; w: number; h: number };
  try {
    host.append(copy);
    const drawn = copy.getBBox();
    const empty = drawn.width === 0 && drawn.height === 0;
    const content = empty ? { x: box?.x ?? 0, y: box?.y ?? 0, width: drawnW, height: drawnH } : drawn;
    let right = content.x + content.width;
    let bottom = content.y + content.height;
    if (caption) {
      const g = drawCaption(copy, caption, content.x, bottom + CAPTION_GAP, content.width);
      const c = g.getBBox();
      right = Math.max(right, c.x + c.width);
      bottom = Math.max(bottom, c.y + c.height);
      bakeOwnStyles(g, toRgb);
    }
    const x = Math.floor(content.x - MARGIN);
    const y = Math.floor(content.y - MARGIN);
    view = { x, y, w: Math.ceil(right + MARGIN - x), h: Math.ceil(bottom + MARGIN - y) };
  } finally {
    copy.remove();
    host.remove();
  }

  copy.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  copy.setAttribute("width", String(view.w));
  copy.setAttribute("height", String(view.h));
  const bg = svgEl("rect", { x: view.x, y: view.y, width: view.w, height: view.h, fill: toRgb(backgroundOf(svg)), "data-export": "background" });
  // After <title> and <desc>, which should stay first.
  const after = [...copy.children].filter((c) => c.localName === "title" || c.localName === "desc").pop();
  copy.insertBefore(bg, after ? after.nextSibling : copy.firstChild);

  const body = new XMLSerializer().serializeToString(copy);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, width: view.w, height: view.h };
}

/** The same picture as PNG, drawn at `scale` times its size. */
export async function svgToPng(svg: SerializedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.width = svg.width;
    img.height = svg.height;
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2D canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas.toBlob gave nothing"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
