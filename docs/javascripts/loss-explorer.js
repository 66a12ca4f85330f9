// Loss explorer: move a logit, see MSE and cross-entropy and their gradients.
// The formulas are those Keras uses (probabilities clipped to [EPS, 1 - EPS] before the
// logarithm); tests/test_learning_browser.py checks the shown values against Keras.
(function () {
  "use strict";
  const EPS = 1e-7;
  const SVG = "http://www.w3.org/2000/svg";
  let made = 0;

  const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
  const clipped = (p) => p < EPS || p > 1 - EPS;
  const clip = (p) => Math.min(Math.max(p, EPS), 1 - EPS);

  function binary(z, y) {
    const p = sigmoid(z);
    const slope = p * (1 - p);  // dp/dz
    const mseGradP = 2 * (p - y);
    const c = clip(p);
    const bceGradP = clipped(p) ? 0 : -y / p + (1 - y) / (1 - p);
    return {
      probability: p,
      mse: (p - y) ** 2, mse_grad_p: mseGradP, mse_grad_z: mseGradP * slope,
      bce: -(y * Math.log(c) + (1 - y) * Math.log(1 - c)),
      bce_grad_p: bceGradP, bce_grad_z: bceGradP * slope,
      bce_logits: Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
      bce_logits_grad_z: p - y,
    };
  }

  function threeClass(logits, label) {
    const top = Math.max(...logits);
    const e = logits.map((z) => Math.exp(z - top));
    const sum = e.reduce((a, b) => a + b, 0);
    const p = e.map((v) => v / sum);
    const y = p.map((_, k) => (k === label ? 1 : 0));
    const n = p.length;
    // dL/dz_j = p_j (g_j - sum_k g_k p_k) for a loss with gradient g with respect to p
    const throughSoftmax = (g) => {
      const dot = g.reduce((a, gk, k) => a + gk * p[k], 0);
      return p.map((pj, j) => pj * (g[j] - dot));
    };
    const mseGrad = throughSoftmax(p.map((pk, k) => (2 / n) * (pk - y[k])));
    const cut = clipped(p[label]);
    return {
      probabilities: p,
      cce: -Math.log(clip(p[label])),
      cce_grad_z: p.map((pk, k) => (cut ? 0 : pk - y[k])),
      mse: p.reduce((a, pk, k) => a + (pk - y[k]) ** 2, 0) / n,
      mse_grad_z: mseGrad,
      clipped: cut,
    };
  }

  // 4 decimals; very small non-zero numbers in exponent form so they do not read as 0.
  function fmt(x) {
    if (x !== 0 && Math.abs(x) < 1e-4) return x.toExponential(3).replace(/-/g, "−");
    return x.toFixed(4).replace(/-/g, "−");
  }

  function el(tag, attrs, text) {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
      : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function slider(id, text, min, max, step, value) {
    const wrap = el("div", { class: "le-control" });
    wrap.append(el("label", { for: id }, text));
    const input = el("input", { type: "range", id, min, max, step, value });
    const out = el("output", { for: id, "aria-hidden": "true" });
    wrap.append(input, out);
    return { wrap, input, out };
  }

  function labelChoice(name, legend, values, checked) {
    const set = el("fieldset", { class: "le-choice" });
    set.append(el("legend", {}, legend));
    for (const v of values) {
      const id = `${name}-${v}`;
      const input = el("input", { type: "radio", name, id, value: v });
      if (v === checked) input.checked = true;
      set.append(input, el("label", { for: id }, String(v)));
    }
    return set;
  }

  function scroller(table) {  // a focusable region: narrow screens scroll it by keyboard
    const wrap = el("div", { class: "le-scroll", tabindex: "0", role: "region",
      "aria-label": table.querySelector("caption").textContent });
    wrap.append(table);
    return wrap;
  }

  function valueCell(key) {
    return el("td", { "data-key": key });
  }

  function show(root, values) {
    for (const cell of root.querySelectorAll("[data-key]")) {
      const path = cell.dataset.key.split(".");
      const v = path.length > 1 ? values[path[0]][Number(path[1])] : values[path[0]];
      cell.textContent = fmt(v);
    }
  }

  // ---- charts ----------------------------------------------------------------------------
  const W = 320, H = 170, PAD = { l: 30, r: 12, t: 8, b: 20 };

  function chart(title, xRange, yRange, series) {
    const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, class: "le-chart", role: "img",
      "aria-label": title });
    const sx = (x) => PAD.l + ((x - xRange[0]) / (xRange[1] - xRange[0])) * (W - PAD.l - PAD.r);
    const sy = (y) => H - PAD.b - ((y - yRange[0]) / (yRange[1] - yRange[0])) * (H - PAD.t - PAD.b);
    const edge = Math.log((1 - EPS) / EPS);  // |z| beyond which Keras clips p
    for (const [a, b] of [[xRange[0], -edge], [edge, xRange[1]]]) {
      svg.append(el("svg:rect", { class: "le-clip", x: sx(a), y: PAD.t, width: sx(b) - sx(a),
        height: H - PAD.t - PAD.b }));
    }
    svg.append(el("svg:line", { class: "le-axis", x1: PAD.l, x2: W - PAD.r, y1: sy(0), y2: sy(0) }));
    svg.append(el("svg:line", { class: "le-axis", x1: sx(0), x2: sx(0), y1: PAD.t, y2: H - PAD.b }));
    for (const y of yRange) {
      svg.append(el("svg:text", { class: "le-tick", x: PAD.l - 4, y: sy(y) + 4, "text-anchor": "end" }, String(y)));
    }
    for (const x of [xRange[0], 0, xRange[1]]) {
      svg.append(el("svg:text", { class: "le-tick", x: sx(x), y: H - PAD.b + 14, "text-anchor": "middle" }, String(x)));
    }
    const marks = [];
    for (const s of series) {
      const points = [];
      for (let i = 0; i <= 400; i++) {
        const x = xRange[0] + (i / 400) * (xRange[1] - xRange[0]);
        points.push(`${sx(x).toFixed(1)},${sy(s.f(x)).toFixed(1)}`);
      }
      svg.append(el("svg:polyline", { class: `le-line ${s.cls}`, points: points.join(" ") }));
      const mark = el("svg:circle", { class: `le-mark ${s.cls}`, r: 4 });
      marks.push({ mark, f: s.f });
      svg.append(mark);
    }
    svg.move = (x) => {
      for (const { mark, f } of marks) {
        mark.setAttribute("cx", sx(x));
        mark.setAttribute("cy", sy(f(x)));
      }
    };
    return svg;
  }

  function legend(items) {
    const list = el("ul", { class: "le-legend" });
    for (const [cls, text] of items) {
      const item = el("li");
      item.append(el("span", { class: `le-swatch ${cls}`, "aria-hidden": "true" }), text);
      list.append(item);
    }
    return list;
  }

  // ---- one sigmoid output ----------------------------------------------------------------
  function buildBinary(root) {
    const id = `le${++made}`;
    const label0 = Number(root.dataset.label || 1);
    const z = slider(`${id}-z`, "Logit z", -20, 20, 0.1, root.dataset.logit || -3);
    const choice = labelChoice(`${id}-y`, "True label y", [0, 1], label0);
    const status = el("p", { class: "le-status", role: "status", "aria-live": "polite" });
    const clipNote = el("p", { class: "le-clip-note", hidden: "" });

    const table = el("table", { class: "le-table" });
    table.append(el("caption", {}, "Losses and gradients at the current point"));
    const head = el("tr");
    for (const h of ["Loss", "Value", "∂L/∂p", "∂L/∂z"]) head.append(el("th", { scope: "col" }, h));
    table.appendChild(el("thead")).append(head);
    const body = table.appendChild(el("tbody"));
    const rows = [["MSE", "mse", true], ["Binary cross-entropy, from p (Keras default)", "bce", true],
      ["Binary cross-entropy, from_logits=True", "bce_logits", false]];
    for (const [name, key, hasP] of rows) {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, name), valueCell(key));
      tr.append(hasP ? valueCell(`${key}_grad_p`) : el("td", {}, "—"), valueCell(`${key}_grad_z`));
      body.append(tr);
    }
    const pLine = el("p", { class: "le-probability" });
    pLine.append("Probability p = σ(z) = ", el("span", { "data-key": "probability" }));

    const y = () => Number(choice.querySelector("input:checked").value);
    const charts = el("div", { class: "le-charts" });
    let lossChart, gradChart;
    const draw = () => {
      const yy = y();
      lossChart = chart(`Loss against the logit z for label ${yy}: MSE stays below 1, cross-entropy grows with the error; from p it stops at ${fmt(-Math.log(EPS))} where p is clipped.`,
        [-20, 20], [0, 20], [
          { cls: "le-mse", f: (x) => binary(x, yy).mse },
          { cls: "le-bce", f: (x) => binary(x, yy).bce },
          { cls: "le-logits", f: (x) => binary(x, yy).bce_logits },
        ])
      gradChart = chart(`Gradient with respect to z for label ${yy}: cross-entropy's is p − y, MSE's vanishes at both ends; from p it is 0 where p is clipped.`,
        [-20, 20], [-1, 1], [
          { cls: "le-mse", f: (x) => binary(x, yy).mse_grad_z },
          { cls: "le-bce", f: (x) => binary(x, yy).bce_grad_z },
          { cls: "le-logits", f: (x) => binary(x, yy).bce_logits_grad_z },
        ])
      const fig1 = el("figure"), fig2 = el("figure");
      fig1.append(lossChart, el("figcaption", {}, "Loss L against the logit z"));
      fig2.append(gradChart, el("figcaption", {}, "Gradient ∂L/∂z against the logit z"));
      charts.replaceChildren(fig1, fig2);
    };

    const update = (redraw) => {
      if (redraw) draw();
      const zv = Number(z.input.value), yv = y(), v = binary(zv, yv);
      z.out.textContent = zv.toFixed(1);
      z.input.setAttribute("aria-valuetext", `z = ${zv.toFixed(1)}, p = ${fmt(v.probability)}`);
      show(root, v);
      lossChart.move(zv);
      gradChart.move(zv);
      const cut = clipped(v.probability);
      clipNote.hidden = !cut;
      clipNote.textContent = cut
        ? `p = ${fmt(v.probability)} is outside [1e-7, 1 − 1e-7]: Keras clips it, so the loss from p is held at ${fmt(v.bce)} and its gradient is 0. From logits there is no clip.`
        : "";
      status.textContent = `z ${zv.toFixed(1).replace("-", "−")}, y ${yv}, p ${fmt(v.probability)}: MSE ${fmt(v.mse)}, ` +
        `gradient ${fmt(v.mse_grad_z)}; cross-entropy ${fmt(v.bce)}, gradient ${fmt(v.bce_grad_z)}` +
        (cut ? "; p clipped" : "") + ".";
    };

    const controls = el("div", { class: "le-controls" });
    controls.append(z.wrap, choice);
    root.replaceChildren(controls, pLine, status, clipNote, scroller(table), charts,
      legend([["le-mse", "MSE"], ["le-bce", "cross-entropy from p (clipped)"],
        ["le-logits", "cross-entropy from logits"], ["le-clip", "p clipped by Keras"]]));
    z.input.addEventListener("input", () => update(false));
    choice.addEventListener("change", () => update(true));
    update(true);
  }

  // ---- three classes ---------------------------------------------------------------------
  function buildClasses(root) {
    const id = `le${++made}`;
    const start = [2, 1, -1];
    const sliders = start.map((v, k) => slider(`${id}-z${k}`, `Logit of class ${k}`, -10, 10, 0.1, v));
    const choice = labelChoice(`${id}-y`, "True class", [0, 1, 2], 0);
    const status = el("p", { class: "le-status", role: "status", "aria-live": "polite" });
    const clipNote = el("p", { class: "le-clip-note", hidden: "" });

    const table = el("table", { class: "le-table" });
    table.append(el("caption", {}, "Softmax probabilities and gradients with respect to the logits"));
    const head = el("tr");
    for (const h of ["Class", "Probability", "∂CCE/∂z", "∂MSE/∂z"]) head.append(el("th", { scope: "col" }, h));
    table.appendChild(el("thead")).append(head);
    const body = table.appendChild(el("tbody"));
    for (let k = 0; k < 3; k++) {
      const tr = el("tr");
      tr.append(el("th", { scope: "row" }, String(k)), valueCell(`probabilities.${k}`),
        valueCell(`cce_grad_z.${k}`), valueCell(`mse_grad_z.${k}`));
      body.append(tr);
    }
    const losses = el("p", { class: "le-probability" });
    losses.append("Categorical cross-entropy = ", el("span", { "data-key": "cce" }),
      "; MSE on the one-hot label = ", el("span", { "data-key": "mse" }));

    const bars = el("svg:svg", { viewBox: "0 0 320 150", class: "le-chart le-bars", role: "img" });
    const update = () => {
      const logits = sliders.map((s) => Number(s.input.value));
      const label = Number(choice.querySelector("input:checked").value);
      const v = threeClass(logits, label);
      sliders.forEach((s, k) => {
        s.out.textContent = logits[k].toFixed(1);
        s.input.setAttribute("aria-valuetext", `${logits[k].toFixed(1)}, probability ${fmt(v.probabilities[k])}`);
      });
      show(root, v);
      clipNote.hidden = !v.clipped;
      clipNote.textContent = v.clipped
        ? `The true class has p = ${fmt(v.probabilities[label])} < 1e-7: Keras clips it, so the loss is held at ${fmt(v.cce)} and its gradient is 0.`
        : "";
      status.textContent = `True class ${label}, probabilities ${v.probabilities.map(fmt).join(", ")}: ` +
        `cross-entropy ${fmt(v.cce)}, MSE ${fmt(v.mse)}` + (v.clipped ? "; clipped" : "") + ".";
      // probability bars (top), gradient bars (bottom, -1..1) for each class
      bars.replaceChildren();
      bars.setAttribute("aria-label", `Bars: probability of each class, then each loss's gradient with respect to its logit. ${status.textContent}`);
      for (let k = 0; k < 3; k++) {
        const x = 40 + k * 100;
        bars.append(el("svg:rect", { class: k === label ? "le-bar le-true" : "le-bar", x, y: 60 - 50 * v.probabilities[k], width: 40, height: 50 * v.probabilities[k] }));
        bars.append(el("svg:text", { class: "le-tick", x: x + 20, y: 74, "text-anchor": "middle" }, `class ${k}`));
        for (const [i, key, cls] of [[0, "cce_grad_z", "le-bce"], [1, "mse_grad_z", "le-mse"]]) {
          const g = v[key][k];
          bars.append(el("svg:rect", { class: `le-gbar ${cls}`, x: x + i * 20, width: 18,
            y: 112 - Math.max(g, 0) * 30, height: Math.abs(g) * 30 }));
        }
      }
      bars.append(el("svg:line", { class: "le-axis", x1: 30, x2: 310, y1: 112, y2: 112 }));
      bars.append(el("svg:line", { class: "le-axis", x1: 30, x2: 310, y1: 60, y2: 60 }));
    };
    const controls = el("div", { class: "le-controls" });
    controls.append(...sliders.map((s) => s.wrap), choice);
    root.replaceChildren(controls, losses, status, clipNote, scroller(table), bars,
      legend([["le-true", "probability of the true class"], ["le-bar", "probability of another class"],
        ["le-bce", "cross-entropy gradient"], ["le-mse", "MSE gradient"]]));
    for (const s of sliders) s.input.addEventListener("input", update);
    choice.addEventListener("change", update);
    update();
  }

  function init() {
    for (const root of document.querySelectorAll(".loss-explorer:not([data-ready])")) {
      root.dataset.ready = "";
      (root.dataset.explorer === "classes" ? buildClasses : buildBinary)(root);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
