// The organigram HTML chart: reads the chart's data (the JSON script `organigram-data`), lays
// out the units that are expanded, and draws them as SVG. Every text of the data goes into the
// page through textContent or attributes, never as markup. The contract the browser tests rely
// on is in src/render/html/mod.rs.
(function () {
  "use strict";

  const NS = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("organigram-data").textContent);
  const S = data.strings;
  const BRIDGE_COLOUR = data.legend.bridge_colour;
  // The units and ties with what the data leaves out filled in: empty lists, and what their
  // kind says (labels, look, whether a tie is hierarchical), which the legend holds once.
  const unitKinds = new Map(data.legend.units.map((k) => [k.kind, k]));
  const tieKinds = new Map(data.legend.ties.map((k) => [k.kind, k]));
  const units = data.units.map((u) => {
    const kind = unitKinds.get(u.kind) || { label: u.kind, shape: "rounded-box", border: "single", pattern: "plain" };
    return {
      ...u,
      aliases: u.aliases || [],
      attributes: u.attributes || [],
      sources: u.sources || [],
      head: u.head ? { ...u.head, sources: u.head.sources || [] } : null,
      parent: u.parent === undefined ? null : u.parent,
      look: { ...u.look, head: u.look.head || [] },
      kindLabel: kind.label,
      shape: kind.shape,
      border: kind.border,
      pattern: kind.pattern,
    };
  });
  const ties = data.ties.map((t) => {
    const kind = tieKinds.get(t.kind);
    // A bridge across hidden units is drawn dashed and grey, and says what it crosses.
    if (t.via) return { ...t, sources: [], hierarchical: true, label: t.via, inverse: t.via, style: { line: "dashed", colour: BRIDGE_COLOUR, arrowhead: "none" } };
    return { ...t, sources: t.sources || [], hierarchical: kind.hierarchical, label: kind.label, inverse: kind.inverse, style: kind.style };
  });
  const n = units.length;

  // Sizes of the layout, in SVG units (pixels at zoom 1).
  const BOX_W = 196;
  const LINE = 14;
  const PAD = 9;
  const ROW_GAP = 40; // between a unit and the row of its children
  const GAP = 18; // between siblings in a row
  const STACK_GAP = 10; // between leaves stacked in a column
  const INDENT = 14; // from a column's spine to its leaves
  const FRAME_PAD = 22;
  const FRAME_HEAD = 30;
  const MAX_NAME_LINES = 4;
  const MAX_LINE = 34;
  const START_BUDGET = 250; // units drawn at most when the page opens

  // The tree: each unit under its parent, in declaration order.
  const children = units.map(() => []);
  const roots = [];
  units.forEach((u, i) => {
    if (u.parent === null) roots.push(i);
    else children[u.parent].push(i);
  });
  // Hierarchical ties by end, and every other tie by both ends.
  const up = units.map(() => []);
  const down = units.map(() => []);
  const others = units.map(() => []);
  ties.forEach((t, k) => {
    if (t.hierarchical) {
      up[t.from].push(k);
      down[t.to].push(k);
    } else {
      others[t.from].push(k);
      others[t.to].push(k);
    }
  });
  const primaryTie = new Int32Array(n).fill(-1);
  ties.forEach((t, k) => {
    if (t.primary) primaryTie[t.from] = k;
  });
  const byId = new Map(units.map((u, i) => [u.id, i]));
  const depth = new Int32Array(n);
  let maxDepth = 0;
  {
    const queue = roots.slice();
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q];
      for (const c of children[i]) {
        depth[c] = depth[i] + 1;
        if (depth[c] > maxDepth) maxDepth = depth[c];
        queue.push(c);
      }
    }
  }

  // State.
  const expanded = new Uint8Array(n);
  let selected = -1;
  let showTies = data.view !== "org-chart";
  let matches = [];
  let matchSet = new Set();
  let current = -1;
  const view = { x: 0, y: 0, k: 1 };
  let bounds = { w: 0, h: 0 };
  const pos = new Float64Array(2 * n); // top-left of each visible unit's box
  const visible = new Uint8Array(n);

  const $ = (sel) => document.querySelector(sel);
  const svg = $("#chart");
  const scene = $("#scene");
  const layers = {
    frames: $("#frames"),
    lines: $("#lines"),
    overlay: $("#overlay"),
    boxes: $("#boxes"),
  };
  const viewport = $("#viewport");

  // The viewport's size, kept up to date rather than asked of the browser, which would lay out
  // every element drawn to answer.
  const screen = { w: viewport.clientWidth, h: viewport.clientHeight };
  new ResizeObserver(() => {
    screen.w = viewport.clientWidth;
    screen.h = viewport.clientHeight;
    queueDetail();
  }).observe(viewport);

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    if (attrs) for (const key in attrs) e.setAttribute(key, attrs[key]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function html(name, attrs, text) {
    const e = document.createElement(name);
    if (attrs) for (const key in attrs) e.setAttribute(key, attrs[key]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function clip(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }
  function shortName(u) {
    return u.acronym ? u.acronym + " — " + u.name : u.name;
  }

  // The lines of a unit's box: [class, text].
  const linesCache = new Array(n);
  function lines(i) {
    if (linesCache[i]) return linesCache[i];
    const look = units[i].look;
    const out = [];
    if (look.acronym) out.push(["acr", clip(look.acronym, MAX_LINE)]);
    const name = look.name.slice(0, MAX_NAME_LINES).map((l) => clip(l, MAX_LINE));
    if (look.name.length > MAX_NAME_LINES) name[MAX_NAME_LINES - 1] = clip(name[MAX_NAME_LINES - 1], MAX_LINE - 1) + "…";
    for (const l of name) out.push(["name", l]);
    for (const l of wrap(look.caption, MAX_LINE + 2).slice(0, 2)) out.push([look.alert ? "cap alert" : "cap", clip(l, MAX_LINE + 2)]);
    for (const l of look.head.slice(0, 3)) out.push(["headline", clip(l, MAX_LINE + 2)]);
    if (look.outside) out.push(["outside", look.outside]);
    linesCache[i] = out;
    return out;
  }
  // `text` in lines of at most `width` characters where its words allow.
  function wrap(text, width) {
    const out = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? line + " " + word : word;
    }
    out.push(line);
    return out;
  }
  const boxH = (i) => 2 * PAD + lines(i).length * LINE;

  // Layout. `measure` sizes each expanded subtree, `place` gives each visible box its place;
  // both are linear in the units visible.
  const size = new Float64Array(2 * n); // subtree width and height
  const isOpen = (i) => expanded[i] && children[i].length > 0;
  function columnsFor(count) {
    return count <= 8 ? 1 : Math.min(6, Math.ceil(Math.sqrt(count / 4)));
  }
  function measure(i) {
    const h = boxH(i);
    if (!isOpen(i)) {
      size[2 * i] = BOX_W;
      size[2 * i + 1] = h;
      return;
    }
    const { leaves, branches } = split(i);
    let rowW = 0;
    let rowH = 0;
    if (leaves.length) {
      const cols = stack(leaves);
      rowW += cols.w;
      rowH = Math.max(rowH, cols.h);
    }
    for (const c of branches) {
      measure(c);
      rowW += (rowW ? GAP : 0) + size[2 * c];
      rowH = Math.max(rowH, size[2 * c + 1]);
    }
    size[2 * i] = Math.max(BOX_W, rowW);
    size[2 * i + 1] = h + ROW_GAP + rowH;
  }
  function split(i) {
    const leaves = [];
    const branches = [];
    for (const c of children[i]) (isOpen(c) ? branches : leaves).push(c);
    return { leaves, branches };
  }
  // Leaves in columns: their sizes, and the columns.
  function stack(leaves) {
    const cols = columnsFor(leaves.length);
    const per = Math.ceil(leaves.length / cols);
    const columns = [];
    let h = 0;
    for (let c = 0; c < cols; c++) {
      const members = leaves.slice(c * per, (c + 1) * per);
      if (!members.length) continue;
      let ch = 0;
      for (const m of members) ch += boxH(m) + STACK_GAP;
      h = Math.max(h, ch - STACK_GAP);
      columns.push(members);
    }
    return { columns, w: columns.length * (INDENT + BOX_W) + (columns.length - 1) * GAP, h };
  }

  // The connectors drawn, as [tie index or -1, path].
  let connectors = [];
  function place(i, x, y) {
    visible[i] = 1;
    const w = size[2 * i];
    const bx = x + (w - BOX_W) / 2;
    pos[2 * i] = bx;
    pos[2 * i + 1] = y;
    if (!isOpen(i)) return;
    const h = boxH(i);
    const { leaves, branches } = split(i);
    const row = [];
    let rowW = 0;
    let cols = null;
    if (leaves.length) {
      cols = stack(leaves);
      row.push({ cols, w: cols.w });
      rowW += cols.w;
    }
    for (const c of branches) {
      row.push({ c, w: size[2 * c] });
      rowW += (rowW ? GAP : 0) + size[2 * c];
    }
    const top = y + h + ROW_GAP;
    const bus = y + h + ROW_GAP / 2;
    const px = bx + BOX_W / 2;
    let cx = x + (w - rowW) / 2;
    for (const item of row) {
      if (item.cols) {
        let colX = cx;
        for (const members of item.cols.columns) {
          const spine = colX + INDENT / 2;
          let my = top;
          for (const m of members) {
            visible[m] = 1;
            pos[2 * m] = colX + INDENT;
            pos[2 * m + 1] = my;
            const mid = my + boxH(m) / 2;
            connectors.push([primaryTie[m], m, `M${px},${y + h}V${bus}H${spine}V${mid}H${colX + INDENT}`]);
            my += boxH(m) + STACK_GAP;
          }
          colX += INDENT + BOX_W + GAP;
        }
      } else {
        place(item.c, cx, top);
        const ax = pos[2 * item.c] + BOX_W / 2;
        connectors.push([primaryTie[item.c], item.c, `M${px},${y + h}V${bus}H${ax}V${top}`]);
      }
      cx += item.w + GAP;
    }
  }

  // The blocks of the chart: one frame per organisation drawn, and one for units outside them,
  // each holding its trees and, apart, its unattached units.
  const groups = [];
  {
    const byFrame = new Map();
    for (const r of roots) {
      const f = units[r].frame === null || units[r].frame === undefined ? -1 : units[r].frame;
      if (!byFrame.has(f)) byFrame.set(f, { trees: [], loose: [] });
      const g = byFrame.get(f);
      (children[r].length || up[r].length ? g.trees : g.loose).push(r);
    }
    data.frames.forEach((frame, f) => {
      if (byFrame.has(f)) groups.push({ title: frame.acronym ? `${frame.name} (${frame.acronym})` : frame.name, ...byFrame.get(f) });
    });
    if (byFrame.has(-1)) groups.push({ title: S.unframed, ...byFrame.get(-1) });
  }
  // Blocks laid out left to right in rows of about `width`: a shelf packing.
  function shelf(blocks, width, gap) {
    let x = 0;
    let y = 0;
    let rowH = 0;
    let w = 0;
    for (const b of blocks) {
      if (x > 0 && x + b.w > width) {
        x = 0;
        y += rowH + gap;
        rowH = 0;
      }
      b.x = x;
      b.y = y;
      x += b.w + gap;
      rowH = Math.max(rowH, b.h);
      w = Math.max(w, b.x + b.w);
    }
    return { w, h: y + rowH };
  }
  const widthFor = (blocks) => {
    const area = blocks.reduce((a, b) => a + (b.w + GAP) * (b.h + GAP), 0);
    const widest = blocks.reduce((a, b) => Math.max(a, b.w), 0);
    return Math.max(widest, Math.sqrt(area) * 1.7);
  };
  let frameShapes = [];
  function layout() {
    visible.fill(0);
    connectors = [];
    frameShapes = [];
    const blocks = [];
    for (const g of groups) {
      const inner = [];
      for (const r of g.trees) {
        measure(r);
        inner.push({ root: r, w: size[2 * r], h: size[2 * r + 1] });
      }
      if (g.loose.length) {
        const cols = Math.max(1, Math.min(6, Math.ceil(Math.sqrt(g.loose.length / 3))));
        const per = Math.ceil(g.loose.length / cols);
        let h = 0;
        const columns = [];
        for (let c = 0; c < cols; c++) {
          const members = g.loose.slice(c * per, (c + 1) * per);
          let ch = 0;
          for (const m of members) ch += boxH(m) + STACK_GAP;
          h = Math.max(h, ch);
          if (members.length) columns.push(members);
        }
        inner.push({ loose: columns, w: columns.length * (BOX_W + GAP) - GAP + 2 * 12, h: h + FRAME_HEAD });
      }
      const packed = shelf(inner, widthFor(inner), GAP * 2);
      blocks.push({ g, inner, w: packed.w + 2 * FRAME_PAD, h: packed.h + FRAME_HEAD + FRAME_PAD });
    }
    const all = shelf(blocks, widthFor(blocks), 40);
    for (const b of blocks) {
      frameShapes.push({ x: b.x, y: b.y, w: b.w, h: b.h, title: b.g.title, kind: "frame" });
      const ox = b.x + FRAME_PAD;
      const oy = b.y + FRAME_HEAD;
      for (const item of b.inner) {
        if (item.root !== undefined) place(item.root, ox + item.x, oy + item.y);
        else {
          frameShapes.push({ x: ox + item.x, y: oy + item.y, w: item.w, h: item.h, title: S.unattached, kind: "group" });
          let cx = ox + item.x + 12;
          for (const members of item.loose) {
            let my = oy + item.y + FRAME_HEAD - 4;
            for (const m of members) {
              visible[m] = 1;
              pos[2 * m] = cx;
              pos[2 * m + 1] = my;
              my += boxH(m) + STACK_GAP;
            }
            cx += BOX_W + GAP;
          }
        }
      }
    }
    bounds = all;
  }

  // Drawing.
  const dash = { solid: null, bold: null, dashed: "6 4", dotted: "1.5 3.5" };
  const markers = new Set();
  function marker(kind, colour, head) {
    const id = "ah-" + kind;
    if (!markers.has(id)) {
      markers.add(id);
      let defs = svg.querySelector("defs");
      if (!defs) defs = svg.insertBefore(el("defs"), svg.firstChild);
      const m = el("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" });
      const hollow = head === "empty" || head === "empty-dot" || head === "empty-diamond";
      const attrs = { fill: hollow ? "#ffffff" : colour, stroke: colour, "stroke-width": "1.2" };
      let shape;
      if (head === "dot" || head === "empty-dot") shape = el("circle", { cx: "5", cy: "5", r: "3.5", ...attrs });
      else if (head === "empty-diamond") shape = el("path", { d: "M1,5L5,1.5L9,5L5,8.5Z", ...attrs });
      else if (head === "vee") shape = el("path", { d: "M1,1L9,5L1,9", fill: "none", stroke: colour, "stroke-width": "1.5" });
      else shape = el("path", { d: "M1,1L9,5L1,9Z", ...attrs });
      m.appendChild(shape);
      defs.appendChild(m);
    }
    return `url(#${id})`;
  }
  function styleLine(path, tie) {
    const s = tie.style;
    let colour = s.colour;
    let width = s.line === "bold" ? 2.4 : 1.4;
    let d = dash[s.line];
    if (tie.change) {
      colour = changeColour(tie.change);
      width = 2.6;
      if (tie.change === "removed") d = "6 4";
      path.setAttribute("data-change", tie.change);
    }
    path.setAttribute("stroke", colour);
    path.setAttribute("stroke-width", width);
    if (d) path.setAttribute("stroke-dasharray", d);
    return colour;
  }
  function changeColour(change) {
    const c = data.legend.changes.find((x) => x.change === change);
    return c ? c.colour : "#000000";
  }
  function tieAttrs(k) {
    const t = ties[k];
    const attrs = { "data-tie": String(k), "data-kind": t.kind, "data-from": units[t.from].id, "data-to": units[t.to].id };
    if (t.via) attrs["data-bridge"] = "true";
    return attrs;
  }
  function shape(i, h) {
    const look = units[i].look;
    const attrs = { class: "box", fill: look.fill, stroke: look.stroke };
    if (look.outline === "dashed") attrs["stroke-dasharray"] = "5 3";
    if (look.outline === "dotted") attrs["stroke-dasharray"] = "1.5 2.5";
    if (units[i].border === "bold") attrs["stroke-width"] = "2.4";
    if (units[i].change) attrs["stroke-width"] = "2.6";
    const g = el("g");
    // Kinds of a family differ by shape, border and fill, as in the other formats: a double
    // border is a second outline inside the first, a graded fill fades to white downwards.
    const marks = () => {
      if (units[i].pattern === "graded") g.appendChild(el("rect", { x: 1, y: h / 3, width: BOX_W - 2, height: (2 * h) / 3 - 1, fill: fade(), rx: 6 }));
      if (units[i].border === "double") g.appendChild(el("rect", { x: 3, y: 3, width: BOX_W - 6, height: h - 6, rx: 6, fill: "none", stroke: look.stroke, "stroke-width": 1 }));
    };
    switch (units[i].shape) {
      case "box3d":
        g.appendChild(el("rect", { x: 4, y: 4, width: BOX_W, height: h, fill: look.stroke, opacity: 0.35, rx: 2 }));
        g.appendChild(el("rect", { width: BOX_W, height: h, rx: 2, ...attrs }));
        break;
      case "ellipse":
        g.appendChild(el("rect", { width: BOX_W, height: h, rx: Math.min(h / 2, 22), ...attrs }));
        break;
      case "hexagon": {
        const c = 12;
        g.appendChild(el("path", { d: `M${c},0H${BOX_W - c}L${BOX_W},${h / 2}L${BOX_W - c},${h}H${c}L0,${h / 2}Z`, ...attrs }));
        break;
      }
      case "box":
        g.appendChild(el("rect", { width: BOX_W, height: h, rx: 1, ...attrs }));
        break;
      case "tab":
        g.appendChild(el("path", { d: `M0,0H${BOX_W / 3}L${BOX_W / 3 + 6},6H${BOX_W}V${h}H0Z`, ...attrs }));
        break;
      default:
        g.appendChild(el("rect", { width: BOX_W, height: h, rx: 8, ...attrs }));
    }
    marks();
    return g;
  }
  // The white gradient laid over graded fills, defined once in the chart's definitions.
  function fade() {
    if (!svg.querySelector("#og-fade")) {
      let defs = svg.querySelector("defs");
      if (!defs) defs = svg.insertBefore(el("defs"), svg.firstChild);
      const grad = el("linearGradient", { id: "og-fade", x1: "0", y1: "0", x2: "0", y2: "1" });
      grad.appendChild(el("stop", { offset: "0", "stop-color": "#ffffff", "stop-opacity": "0" }));
      grad.appendChild(el("stop", { offset: "1", "stop-color": "#ffffff", "stop-opacity": "0.85" }));
      defs.appendChild(grad);
    }
    return "url(#og-fade)";
  }
  // A unit's element: its box and fold toggle, always; its texts (`detail`) only once it comes
  // into view at a zoom where they can be read, so that a page with thousands of units open
  // asks the browser to lay out the texts of the few hundred on screen.
  const drawn = new Array(n);
  function drawUnit(i) {
    const u = units[i];
    const h = boxH(i);
    const open = isOpen(i);
    const g = el("g", {
      class: "unit",
      "data-unit": u.id,
      "data-expanded": open ? "true" : "false",
      transform: `translate(${pos[2 * i]},${pos[2 * i + 1]})`,
      tabindex: "0",
      role: "button",
      "aria-label": shortName(u),
    });
    if (u.change) g.setAttribute("data-change", u.change);
    if (matchSet.has(i)) g.classList.add("match");
    if (i === current) g.classList.add("current");
    if (i === selected) g.classList.add("selected");
    if (matchSet.has(i) || i === current) g.appendChild(el("rect", { class: "halo", x: -6, y: -6, width: BOX_W + 12, height: h + 12, rx: 12, fill: "none" }));
    g.appendChild(shape(i, h));
    if (children[i].length) {
      const t = el("g", {
        class: "toggle",
        "data-action": "toggle",
        transform: `translate(${BOX_W / 2},${h})`,
        tabindex: "0",
        role: "button",
        "aria-expanded": open ? "true" : "false",
        "aria-label": `${open ? S.collapse : S.expand} — ${shortName(u)}`,
      });
      t.appendChild(el("circle", { r: open ? 8 : 10 }));
      g.appendChild(t);
    }
    drawn[i] = g;
    return g;
  }
  // The texts of a unit's element: its label's lines, its toggle's count, the mark of another
  // parent, and its tooltip.
  const detailed = new Uint8Array(n);
  function detail(i) {
    if (detailed[i] || !drawn[i]) return;
    detailed[i] = 1;
    const g = drawn[i];
    const u = units[i];
    g.insertBefore(el("title", null, `${shortName(u)}\n${u.kindLabel}`), g.firstChild);
    const texts = document.createDocumentFragment();
    let y = PAD + 11;
    for (const [cls, text] of lines(i)) {
      texts.appendChild(el("text", { class: cls, x: BOX_W / 2, y, "text-anchor": "middle" }, text));
      y += LINE;
    }
    if (up[i].length > 1) {
      const mark = el("g", { class: "more", transform: `translate(${BOX_W - 10},10)` });
      mark.appendChild(el("title", null, S.other_parent));
      mark.appendChild(el("circle", { r: 8, fill: "#ffffff", stroke: "#0072b2" }));
      mark.appendChild(el("text", { "text-anchor": "middle", y: 3.5, class: "more" }, String(up[i].length)));
      texts.appendChild(mark);
    }
    const toggle = g.querySelector(".toggle");
    g.insertBefore(texts, toggle);
    if (toggle) toggle.appendChild(el("text", { "text-anchor": "middle", y: 3.5 }, isOpen(i) ? "−" : String(children[i].length)));
  }
  // Texts for the units in view (and a margin around it), when the zoom lets them be read.
  const READABLE = 0.3;
  let detailQueued = false;
  function detailInView() {
    detailQueued = false;
    if (view.k < READABLE) return;
    const margin = 300;
    const x0 = (-view.x - margin) / view.k;
    const y0 = (-view.y - margin) / view.k;
    const x1 = (screen.w - view.x + margin) / view.k;
    const y1 = (screen.h - view.y + margin) / view.k;
    for (let i = 0; i < n; i++) {
      if (!visible[i] || detailed[i]) continue;
      const x = pos[2 * i];
      const y = pos[2 * i + 1];
      if (x + BOX_W >= x0 && x <= x1 && y + boxH(i) >= y0 && y <= y1) detail(i);
    }
  }
  function queueDetail() {
    if (detailQueued) return;
    detailQueued = true;
    requestAnimationFrame(detailInView);
  }
  const centre = (i) => [pos[2 * i] + BOX_W / 2, pos[2 * i + 1] + boxH(i) / 2];

  function draw() {
    layout();
    for (const layer of Object.values(layers)) layer.replaceChildren();
    drawn.fill(undefined);
    detailed.fill(0);
    for (const f of frameShapes) {
      const g = el("g", { class: f.kind === "frame" ? "frame" : "frame group" });
      g.appendChild(el("rect", { x: f.x, y: f.y, width: f.w, height: f.h, rx: 10 }));
      // A title as long as its frame is wide: about 8 units a character.
      const title = el("text", { x: f.x + 12, y: f.y + (f.kind === "frame" ? 20 : 16) }, clip(f.title, Math.max(8, Math.floor((f.w - 24) / 8))));
      title.appendChild(el("title", null, f.title));
      g.appendChild(title);
      layers.frames.appendChild(g);
    }
    const lineFrag = document.createDocumentFragment();
    for (const [k, child, d] of connectors) {
      const attrs = k >= 0 ? tieAttrs(k) : {};
      const p = el("path", { d, ...attrs });
      if (k >= 0) {
        styleLine(p, ties[k]);
        p.appendChild(el("title", null, `${shortName(units[child])} ${ties[k].label} ${shortName(units[ties[k].to])}`));
      }
      lineFrag.appendChild(p);
    }
    // The other hierarchical ties of a unit drawn once: to its other parents, when both show.
    for (let i = 0; i < n; i++) {
      if (!visible[i] || up[i].length < 2) continue;
      for (const k of up[i]) {
        const t = ties[k];
        if (t.primary || !visible[t.to]) continue;
        const x1 = pos[2 * i] + BOX_W / 2;
        const y1 = pos[2 * i + 1];
        const x2 = pos[2 * t.to] + BOX_W / 2;
        const y2 = pos[2 * t.to + 1] + boxH(t.to);
        const bend = Math.max(40, Math.abs(y1 - y2) / 2);
        const p = el("path", { class: "second", d: `M${x1},${y1}C${x1},${y1 - bend} ${x2},${y2 + bend} ${x2},${y2}`, ...tieAttrs(k) });
        const colour = styleLine(p, t);
        p.setAttribute("marker-end", marker(t.kind, colour, t.style.arrowhead === "none" ? "normal" : t.style.arrowhead));
        p.appendChild(el("title", null, `${shortName(units[i])} ${t.label} ${shortName(units[t.to])}`));
        lineFrag.appendChild(p);
      }
    }
    layers.lines.appendChild(lineFrag);
    drawOverlay();
    const boxFrag = document.createDocumentFragment();
    for (let i = 0; i < n; i++) if (visible[i]) boxFrag.appendChild(drawUnit(i));
    layers.boxes.appendChild(boxFrag);
    applyView();
  }
  // The other ties (cooperation, secretariat…): of the selected unit, or with none selected in
  // the views that draw them, among every unit visible.
  function overlayTies() {
    if (!showTies) return [];
    if (selected >= 0) return others[selected];
    if (data.view === "org-chart") return [];
    const out = [];
    ties.forEach((t, k) => {
      if (!t.hierarchical && visible[t.from] && visible[t.to]) out.push(k);
    });
    return out;
  }
  function drawOverlay() {
    layers.overlay.replaceChildren();
    for (const k of overlayTies()) {
      const t = ties[k];
      if (!visible[t.from] || !visible[t.to]) continue;
      const [x1, y1] = centre(t.from);
      const [x2, y2] = centre(t.to);
      const mx = (x1 + x2) / 2 - (y2 - y1) * 0.2;
      const my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
      const p = el("path", { d: `M${x1},${y1}Q${mx},${my} ${x2},${y2}`, "data-other": "true", ...tieAttrs(k) });
      const colour = styleLine(p, t);
      if (t.style.arrowhead !== "none") p.setAttribute("marker-end", marker(t.kind, colour, t.style.arrowhead));
      p.appendChild(el("title", null, `${shortName(units[t.from])} ${t.label} ${shortName(units[t.to])}`));
      layers.overlay.appendChild(p);
    }
  }

  // Zoom and pan.
  function applyView() {
    scene.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    detailInView();
  }
  // While dragging: the texts of what comes into view are added at the next frame.
  function moveView() {
    scene.setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
    queueDetail();
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(4, Math.max(0.05, view.k * factor));
    view.x = cx - ((cx - view.x) * k) / view.k;
    view.y = cy - ((cy - view.y) * k) / view.k;
    view.k = k;
    applyView();
  }
  function fit() {
    const r = { width: screen.w, height: screen.h };
    const margin = 24;
    const k = Math.min(1.1, (r.width - 2 * margin) / Math.max(1, bounds.w), (r.height - 2 * margin) / Math.max(1, bounds.h));
    view.k = Math.max(0.05, k);
    view.x = (r.width - bounds.w * view.k) / 2;
    view.y = margin;
    applyView();
  }
  // Opens the page at the top of the chart at a readable size, fitted when it fits.
  function home() {
    const r = { width: screen.w, height: screen.h };
    fit();
    if (view.k < 0.6 && roots.length) {
      // Too large to read whole: the top of the first tree, centred.
      view.k = 0.6;
      const [x] = centre(roots[0]);
      view.x = Math.min(16, r.width / 2 - x * view.k);
      view.y = 16;
      applyView();
    }
  }
  function panTo(i) {
    const r = { width: screen.w, height: screen.h };
    if (view.k < 0.5) view.k = 0.8;
    const [x, y] = centre(i);
    view.x = r.width / 2 - x * view.k;
    view.y = r.height / 2 - y * view.k;
    applyView();
  }

  // Folding.
  function toggle(i) {
    expanded[i] = expanded[i] ? 0 : 1;
    draw();
  }
  function collapseTo(levels) {
    for (let i = 0; i < n; i++) expanded[i] = depth[i] < levels - 1 ? 1 : 0;
    draw();
    home();
  }
  function reveal(i) {
    let changed = false;
    for (let p = units[i].parent; p !== null; p = units[p].parent) {
      if (!expanded[p]) {
        expanded[p] = 1;
        changed = true;
      }
    }
    return changed;
  }
  // The levels to open with: as many as keep the page under its budget of units.
  function startLevels() {
    const perDepth = new Int32Array(maxDepth + 1);
    for (let i = 0; i < n; i++) perDepth[depth[i]]++;
    let total = 0;
    let levels = 1;
    for (let d = 0; d <= maxDepth; d++) {
      total += perDepth[d];
      if (total > START_BUDGET && d > 0) break;
      levels = d + 1;
    }
    return Math.max(levels, Math.min(2, maxDepth + 1));
  }

  // Selection and the card.
  function select(id, options) {
    const i = typeof id === "number" ? id : byId.get(String(id));
    if (i === undefined || i < 0) {
      closeCard();
      return false;
    }
    selected = i;
    if (showTies) for (const k of others[i]) reveal(ties[k].from === i ? ties[k].to : ties[k].from);
    reveal(i);
    draw();
    if (!options || options.pan !== false) panTo(i);
    fillCard(i);
    const hash = "#unit=" + encodeURIComponent(units[i].id);
    if (location.hash !== hash) history.replaceState(null, "", hash);
    return true;
  }
  function closeCard() {
    selected = -1;
    $("#card").hidden = true;
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    draw();
  }
  function unitLink(i) {
    const a = html("a", { href: "#unit=" + encodeURIComponent(units[i].id), "data-unit-link": units[i].id }, shortName(units[i]));
    return a;
  }
  function sourceBlock(cite) {
    const s = data.sources[cite.source];
    const div = html("div", { class: "source" });
    const title = /^https?:\/\//i.test(s.url || "")
      ? html("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title)
      : html("strong", null, s.title);
    div.appendChild(title);
    const about = [s.publisher, s.date, s.reference, cite.locator].filter(Boolean).join(" · ");
    if (about) div.appendChild(html("div", { class: "about" }, about));
    if (cite.quote) div.appendChild(html("p", { class: "quote" }, cite.quote));
    return div;
  }
  function fillCard(i) {
    const u = units[i];
    const card = $("#card");
    card.replaceChildren();
    const close = html("button", { type: "button", class: "close", "data-action": "close", "aria-label": S.close }, "×");
    card.appendChild(close);
    if (u.acronym) card.appendChild(html("p", { class: "acronym" }, u.acronym));
    card.appendChild(html("h2", { "data-field": "name" }, u.name));
    const kind = html("p", { class: "kind", "data-field": "kind" }, u.kindLabel);
    if (u.change) {
      const c = data.legend.changes.find((x) => x.change === u.change);
      const mark = html("span", { class: "change-mark", "data-change": u.change }, c ? c.label : u.change);
      mark.style.background = changeColour(u.change);
      kind.append(" ", mark);
    }
    card.appendChild(kind);
    const dl = html("dl");
    const fact = (label, field, value) => {
      dl.appendChild(html("dt", null, label));
      const dd = html("dd", { "data-field": field });
      if (typeof value === "string") dd.textContent = value;
      else dd.appendChild(value);
      dl.appendChild(dd);
    };
    if (u.head) fact(S.head, "head", u.head.name + (u.head.vacant ? " · " + S.vacant : ""));
    if (u.organisation !== undefined) fact(S.organisation, "organisation", data.organisations[u.organisation].name);
    if (u.aliases.length) fact(S.aliases, "aliases", u.aliases.join(" · "));
    for (const a of u.attributes) fact(a.label, a.key, a.value);
    card.appendChild(dl);
    const tieList = (title, field, list, end) => {
      if (!list.length) return;
      card.appendChild(html("h3", null, title));
      const ul = html("ul", { "data-field": field });
      for (const k of list) {
        const t = ties[k];
        const other = end(t);
        const li = html("li");
        li.appendChild(html("span", { class: "tie-kind" }, (t.from === i ? t.label : t.inverse) + " "));
        li.appendChild(unitLink(other));
        if (t.valid_from || t.valid_until) li.append(` (${[t.valid_from, t.valid_until].map((d) => d || "…").join(" – ")})`);
        if (t.note) li.appendChild(html("div", { class: "about" }, t.note));
        for (const c of t.sources) li.appendChild(sourceBlock(c));
        ul.appendChild(li);
      }
      card.appendChild(ul);
    };
    tieList(S.parents, "parents", up[i], (t) => t.to);
    tieList(S.children, "children", down[i], (t) => t.from);
    // Partners, by kind of tie.
    const byKind = new Map();
    for (const k of others[i]) {
      const kindId = ties[k].kind;
      if (!byKind.has(kindId)) byKind.set(kindId, []);
      byKind.get(kindId).push(k);
    }
    if (byKind.size) {
      card.appendChild(html("h3", null, S.partners));
      for (const list of byKind.values()) tieList("", "partners", list, (t) => (t.from === i ? t.to : t.from));
    }
    const cites = u.sources.concat(u.head ? u.head.sources : []);
    if (cites.length) {
      card.appendChild(html("h3", null, S.sources));
      for (const c of cites) card.appendChild(sourceBlock(c));
    }
    // Empty headings of the partner lists are dropped.
    for (const h of card.querySelectorAll("h3")) if (!h.textContent) h.remove();
    card.hidden = false;
  }

  // Search: over id, name, acronym, aliases and remit, accents, case and punctuation ignored as
  // `organigram find` folds them.
  let index = null;
  function fold(text) {
    // ASCII has no accents or ligatures: most names of a large description are ASCII.
    if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
    return text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[œŒ]/g, "oe")
      .replace(/[æÆ]/g, "ae")
      .replace(/ß/g, "ss")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }
  function buildIndex() {
    index = units.map((u) => {
      const remit = u.attributes.filter((a) => a.key === "remit").map((a) => a.value);
      const names = [u.id, u.acronym || "", u.name].concat(u.aliases);
      return { names: names.map(fold), all: " " + names.concat(remit).map(fold).join(" | ") };
    });
  }
  function search(text) {
    if (!index) buildIndex();
    const q = fold(String(text));
    const results = $("#results");
    results.replaceChildren();
    matchSet = new Set();
    matches = [];
    current = -1;
    if (!q) {
      results.hidden = true;
      $("#count").textContent = "";
      draw();
      return [];
    }
    const first = [];
    const rest = [];
    for (let i = 0; i < n; i++) {
      const entry = index[i];
      if (entry.names.some((name) => name === q || name.startsWith(q))) first.push(i);
      else if (entry.all.includes(q)) rest.push(i);
    }
    matches = first.concat(rest);
    matchSet = new Set(matches);
    if (!matches.length) {
      results.appendChild(html("li", { class: "none" }, S.no_match));
      results.hidden = false;
      $("#count").textContent = "0";
      draw();
      return [];
    }
    for (const i of matches.slice(0, 200)) {
      const li = html("li");
      const a = unitLink(i);
      a.appendChild(html("small", null, " · " + units[i].kindLabel));
      li.appendChild(a);
      results.appendChild(li);
    }
    results.hidden = false;
    go(0);
    return matches.map((i) => units[i].id);
  }
  function go(at) {
    if (!matches.length) return;
    const m = ((at % matches.length) + matches.length) % matches.length;
    current = matches[m];
    reveal(current);
    draw();
    panTo(current);
    $("#count").textContent = `${m + 1} / ${matches.length}`;
    for (const a of document.querySelectorAll("#results a")) a.classList.toggle("current", a.dataset.unitLink === units[current].id);
  }

  // Panels.
  function swatch(sample) {
    const s = el("svg", { width: 30, height: 16, viewBox: "0 0 30 16" });
    const attrs = { fill: sample.fill, stroke: sample.stroke, "stroke-width": 1.3 };
    if (sample.border === "bold") attrs["stroke-width"] = 2.4;
    if (sample.shape === "hexagon") s.appendChild(el("path", { d: "M5,1H25L29,8L25,15H5L1,8Z", ...attrs }));
    else if (sample.shape === "tab") s.appendChild(el("path", { d: "M1,1H10L13,4H29V15H1Z", ...attrs }));
    else s.appendChild(el("rect", { x: 1, y: 1, width: 28, height: 14, rx: sample.shape === "ellipse" ? 7 : sample.shape === "rounded-box" ? 4 : 1, ...attrs }));
    if (sample.pattern === "graded") s.appendChild(el("rect", { x: 2, y: 6, width: 26, height: 8, fill: "#ffffff", opacity: 0.6 }));
    if (sample.border === "double") s.appendChild(el("rect", { x: 3.5, y: 3.5, width: 23, height: 9, rx: 2, fill: "none", stroke: sample.stroke, "stroke-width": 0.8 }));
    return s;
  }
  function tieSwatch(style, colour) {
    const s = el("svg", { width: 40, height: 16, viewBox: "0 0 40 16" });
    const p = el("path", { d: "M2,8H34", fill: "none", stroke: colour || style.colour, "stroke-width": style.line === "bold" ? 2.4 : 1.4 });
    if (dash[style.line]) p.setAttribute("stroke-dasharray", dash[style.line]);
    if (style.arrowhead !== "none") p.setAttribute("marker-end", marker("legend-" + style.arrowhead + style.colour.slice(1), colour || style.colour, style.arrowhead));
    s.appendChild(p);
    return s;
  }
  function fillLegend() {
    const panel = $("#legend");
    panel.replaceChildren(html("h2", null, S.legend));
    const list = (items, sample) => {
      const ul = html("ul");
      for (const item of items) {
        const li = html("li");
        li.appendChild(sample(item));
        li.appendChild(html("span", null, item.label));
        ul.appendChild(li);
      }
      panel.appendChild(ul);
    };
    list(data.legend.units, swatch);
    list(data.legend.ties, (t) => tieSwatch(t.style));
    list(data.legend.changes, (c) => swatch({ shape: "rounded-box", fill: "#ffffff", stroke: c.colour }));
  }
  function fillChanges() {
    const panel = $("#changes");
    panel.replaceChildren(html("h2", null, S.changes));
    for (const c of data.legend.changes) {
      const ul = html("ul");
      units.forEach((u, i) => {
        if (u.change !== c.change) return;
        const li = html("li", { "data-change": c.change });
        li.appendChild(swatch({ shape: "rounded-box", fill: "#ffffff", stroke: c.colour }));
        li.appendChild(unitLink(i));
        ul.appendChild(li);
      });
      ties.forEach((t) => {
        if (t.change !== c.change) return;
        const li = html("li", { "data-change": c.change });
        li.appendChild(tieSwatch(t.style, c.colour));
        li.appendChild(html("span", null, `${shortName(units[t.from])} ${t.label} ${shortName(units[t.to])}`));
        ul.appendChild(li);
      });
      panel.appendChild(html("h2", null, c.label));
      panel.appendChild(ul);
    }
  }
  function togglePanel(button, panel) {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-pressed", panel.hidden ? "false" : "true");
  }

  // Export: the chart as laid out, whole, as SVG or PNG.
  function exported() {
    for (let i = 0; i < n; i++) if (visible[i]) detail(i);
    const copy = svg.cloneNode(true);
    copy.removeAttribute("id");
    const m = 20;
    copy.setAttribute("viewBox", `${-m} ${-m} ${bounds.w + 2 * m} ${bounds.h + 2 * m}`);
    copy.setAttribute("width", String(Math.ceil(bounds.w + 2 * m)));
    copy.setAttribute("height", String(Math.ceil(bounds.h + 2 * m)));
    copy.querySelector("#scene").removeAttribute("transform");
    for (const t of copy.querySelectorAll(".toggle, .halo")) t.remove();
    for (const u of copy.querySelectorAll(".unit")) u.classList.remove("selected", "match", "current");
    const style = el("style", null, document.querySelector("style").textContent);
    copy.insertBefore(style, copy.firstChild);
    copy.insertBefore(el("rect", { x: -m, y: -m, width: bounds.w + 2 * m, height: bounds.h + 2 * m, fill: "#ffffff" }), style.nextSibling);
    return new XMLSerializer().serializeToString(copy);
  }
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = html("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  function exportSvg() {
    download(new Blob([exported()], { type: "image/svg+xml" }), "organigram.svg");
  }
  function exportPng() {
    const text = exported();
    const img = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    img.onload = () => {
      const w = bounds.w + 40;
      const h = bounds.h + 40;
      // Twice the size for sharpness, within what canvases take.
      const scale = Math.min(2, 16000 / w, 16000 / h, Math.sqrt(1.2e8 / (w * h)));
      const canvas = html("canvas", { width: Math.ceil(w * scale), height: Math.ceil(h * scale) });
      const ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, w, h);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && download(blob, "organigram.png"), "image/png");
    };
    img.src = url;
  }

  // Handlers.
  function button(action) {
    return document.querySelector(`#toolbar [data-action="${action}"]`);
  }
  const labels = {
    "expand-all": S.expand_all,
    "collapse-all": S.collapse_all,
    fit: S.fit,
    "show-ties": S.show_ties,
    legend: S.legend,
    changes: S.changes,
    "export-svg": S.export_svg,
    "export-png": S.export_png,
  };
  for (const action in labels) button(action).textContent = labels[action];
  button("zoom-in").setAttribute("aria-label", S.zoom_in);
  button("zoom-in").title = S.zoom_in;
  button("zoom-out").setAttribute("aria-label", S.zoom_out);
  button("zoom-out").title = S.zoom_out;
  button("show-ties").setAttribute("aria-pressed", showTies ? "true" : "false");
  $("#search").placeholder = S.search;
  $("#search").setAttribute("aria-label", S.search);
  $("#depth-label").textContent = S.depth;
  $("#hint").textContent = S.hint;
  document.title = data.title;
  $("#title").textContent = data.title;
  const depthSelect = $("#depth");
  for (let d = 1; d <= maxDepth + 1; d++) depthSelect.appendChild(html("option", { value: String(d) }, String(d)));
  depthSelect.appendChild(html("option", { value: "all" }, S.depth_all));
  if (data.legend.changes.length) {
    button("changes").hidden = false;
    fillChanges();
  }
  fillLegend();
  button("legend").hidden = !data.show_legend;

  const actions = {
    "expand-all": () => {
      expanded.fill(1);
      depthSelect.value = "all";
      draw();
      home();
    },
    "collapse-all": () => {
      depthSelect.value = "1";
      collapseTo(1);
    },
    fit,
    "zoom-in": () => {
      const r = { width: screen.w, height: screen.h };
      zoomAt(1.25, r.width / 2, r.height / 2);
    },
    "zoom-out": () => {
      const r = { width: screen.w, height: screen.h };
      zoomAt(0.8, r.width / 2, r.height / 2);
    },
    "show-ties": () => {
      showTies = !showTies;
      button("show-ties").setAttribute("aria-pressed", showTies ? "true" : "false");
      if (selected >= 0) select(selected, { pan: false });
      else draw();
    },
    legend: () => togglePanel(button("legend"), $("#legend")),
    changes: () => togglePanel(button("changes"), $("#changes")),
    "export-svg": exportSvg,
    "export-png": exportPng,
  };
  $("#toolbar").addEventListener("click", (event) => {
    const b = event.target.closest("button[data-action]");
    if (b && actions[b.dataset.action]) actions[b.dataset.action]();
  });
  depthSelect.addEventListener("change", () => {
    if (depthSelect.value === "all") actions["expand-all"]();
    else collapseTo(Number(depthSelect.value));
  });
  const searchBox = $("#search");
  searchBox.addEventListener("input", () => search(searchBox.value));
  searchBox.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const at = matches.indexOf(current);
      go(at + (event.shiftKey ? -1 : 1));
    } else if (event.key === "Escape") {
      searchBox.value = "";
      search("");
    }
  });
  // A link to a unit, anywhere on the page, selects it.
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-unit-link]");
    if (link) {
      event.preventDefault();
      select(link.dataset.unitLink);
      return;
    }
    if (event.target.closest("#card [data-action=close]")) closeCard();
  });

  // Pointer: drag pans, a click without a drag selects or folds.
  let drag = null;
  viewport.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    dragged = false;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false, id: event.pointerId };
  });
  viewport.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moved = true;
      viewport.setPointerCapture(drag.id);
      viewport.classList.add("dragging");
    }
    if (drag.moved) {
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      moveView();
    }
  });
  const endDrag = () => {
    if (drag && drag.moved) viewport.classList.remove("dragging");
    const wasDrag = drag && drag.moved;
    drag = null;
    return wasDrag;
  };
  // The click that ends a drag selects nothing.
  let dragged = false;
  viewport.addEventListener("pointerup", () => {
    dragged = endDrag();
  });
  viewport.addEventListener("pointercancel", endDrag);
  svg.addEventListener("click", (event) => {
    if (dragged) dragged = false;
    else activate(event.target);
  });
  function activate(target) {
    const g = target.closest("[data-unit]");
    if (!g) return;
    const i = byId.get(g.dataset.unit);
    if (target.closest("[data-action=toggle]")) {
      toggle(i);
      const again = document.querySelector(`[data-unit="${CSS.escape(units[i].id)}"] [data-action=toggle]`);
      if (again) again.focus({ preventScroll: true });
    } else {
      select(i, { pan: false });
      const again = document.querySelector(`[data-unit="${CSS.escape(units[i].id)}"]`);
      if (again) again.focus({ preventScroll: true });
    }
  }
  svg.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && event.target.closest("[data-unit]")) {
      event.preventDefault();
      activate(event.target);
    }
  });
  viewport.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const r = viewport.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * (event.deltaMode ? 0.05 : 0.0015)), event.clientX - r.left, event.clientY - r.top);
    },
    { passive: false },
  );
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, select, textarea");
    if (event.key === "Escape") {
      if (!$("#card").hidden) closeCard();
      else $("#results").hidden = true;
    } else if (event.key === "/" && !typing) {
      event.preventDefault();
      searchBox.focus();
    } else if (!typing && (event.key === "+" || event.key === "=")) actions["zoom-in"]();
    else if (!typing && event.key === "-") actions["zoom-out"]();
  });
  function fromAddress() {
    const m = /^#unit=(.*)$/.exec(location.hash);
    if (!m) return false;
    let id;
    try {
      id = decodeURIComponent(m[1]);
    } catch (_) {
      return false;
    }
    return select(id);
  }
  window.addEventListener("hashchange", fromAddress);
  // Printed: the whole chart as laid out, scaled to the page.
  let beforePrint = null;
  window.addEventListener("beforeprint", () => {
    for (let i = 0; i < n; i++) if (visible[i]) detail(i);
    beforePrint = { ...view };
    svg.setAttribute("viewBox", `-10 -10 ${bounds.w + 20} ${bounds.h + 20}`);
    scene.removeAttribute("transform");
  });
  window.addEventListener("afterprint", () => {
    svg.removeAttribute("viewBox");
    if (beforePrint) Object.assign(view, beforePrint);
    applyView();
  });

  // Open.
  const levels = startLevels();
  depthSelect.value = String(levels);
  for (let i = 0; i < n; i++) expanded[i] = depth[i] < levels - 1 ? 1 : 0;
  draw();
  home();
  fromAddress();
  const readyAt = performance.now();
  window.organigram = {
    data,
    ready: true,
    readyAt,
    select: (id) => select(id),
    search: (text) => {
      searchBox.value = String(text);
      return search(text);
    },
  };
  // The search's index, made while the page waits for its first keystroke.
  setTimeout(() => index || buildIndex(), 0);
  document.documentElement.dataset.readyAt = readyAt.toFixed(1);
  document.documentElement.dataset.ready = "true";
})();
