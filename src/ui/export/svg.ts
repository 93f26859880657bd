/**
 * The diagram as a standalone SVG file: a copy of the page's <svg> with the computed styles it
 * needs written onto each element (the page styles it with classes), colours as rgb(), message
 * tokens at the end of their travel, and the panel's background behind it. XMLSerializer writes
 * well-formed XML; nothing is parsed from text.
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

/** The diagram on the page (the page has one at a time: the lab's or the embed's). */
export function findDiagram(doc: Document = document): SVGSVGElement | null {
  return doc.getElementById("diagram-title")?.closest("svg") ?? null;
}

export function serializeDiagram(svg: SVGSVGElement): SerializedSvg {
  const toRgb = colourConverter();
  const box = svg.viewBox.baseVal;
  const width = Math.round(box && box.width ? box.width : svg.clientWidth || 800);
  const height = Math.round(box && box.height ? box.height : svg.clientHeight || 450);

  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll("*")];
  const copies = [copy, ...copy.querySelectorAll("*")];
  originals.forEach((orig, k) => {
    const el = copies[k];
    if (!el) return;
    const cs = getComputedStyle(orig);
    const text = TEXT_TAGS.has(orig.localName) || orig === svg;
    const decls: string[] = [];
    // A message token travels along a CSS motion path; the file shows it where it arrives.
    const xe = (orig as SVGElement).style?.getPropertyValue("--xe");
    const token = !!xe && cs.offsetPath !== "none";
    for (const [prop, initial] of PROPS) {
      if (TEXT_ONLY.has(prop) && !text) continue;
      if (token && prop === "opacity") continue;
      let value = cs.getPropertyValue(prop);
      if (!value || value === initial) continue;
      if (COLOUR_PROPS.has(prop)) value = toRgb(value);
      decls.push(`${prop}:${value}`);
    }
    el.removeAttribute("class");
    el.removeAttribute("style");
    if (token) {
      const ye = (orig as SVGElement).style.getPropertyValue("--ye");
      el.setAttribute("transform", `translate(${parseFloat(xe) || 0} ${parseFloat(ye) || 0})`);
    }
    if (decls.length) el.setAttribute("style", decls.join(";"));
  });

  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("version", "1.1");
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.removeAttribute("preserveAspectRatio");
  const bg = document.createElementNS(SVG_NS, "rect");
  bg.setAttribute("x", String(box?.x ?? 0));
  bg.setAttribute("y", String(box?.y ?? 0));
  bg.setAttribute("width", String(width));
  bg.setAttribute("height", String(height));
  bg.setAttribute("fill", toRgb(backgroundOf(svg)));
  // After <title> and <desc>, which should stay first.
  const after = [...copy.children].filter((c) => c.localName === "title" || c.localName === "desc").pop();
  copy.insertBefore(bg, after ? after.nextSibling : copy.firstChild);

  const body = new XMLSerializer().serializeToString(copy);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`, width, height };
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
