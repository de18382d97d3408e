/* kehu: charts drawn from data tables (progressive enhancement).
 *
 * A table marked <table class="data" data-chart="TYPE"> gets a chart drawn
 * from its own cells, placed beside it, so every number in the chart is in
 * the table too and the page still works without JavaScript. TYPE is bar,
 * hbar (horizontal bars), stacked (stacked bars) or doughnut. Labels come
 * from each body row's first cell; one data set per header cell marked
 * data-series, named by that cell's text; data-scale="log" on the table
 * gives the value axis a logarithmic scale; pareto: see pareto() below. Needs Chart.js 3 (global Chart,
 * Debian's libjs-chart.js at /javascript/chart.js/chart.min.js). */
(function () {
  "use strict";
  if (typeof window.Chart !== "function") return;

  var PALETTE = ["#1d5196", "#e08a1e", "#2f8f5b", "#8a5cc2", "#c0463c", "#3a9bb5",
                 "#a3a93a", "#7b8694", "#d46fa4", "#5c6bc0", "#8d6e63", "#26a69a",
                 "#9e9e9e"];

  function number(cell) {
    /* thousands separators, per cents and currency signs (¥1,234.00) */
    var t = (cell && cell.textContent || "").replace(/[,\s%¥￥]/g, "");
    var v = parseFloat(t);
    return isNaN(v) ? null : v;
  }

  function read(table) {
    var head = table.tHead && table.tHead.rows[0];
    var series = [];
    if (!head) return null;
    for (var i = 0; i < head.cells.length; i++) {
      if (head.cells[i].hasAttribute("data-series")) {
        series.push({ col: i, label: head.cells[i].textContent.trim(), data: [],
                      line: head.cells[i].hasAttribute("data-line") });
      }
    }
    var labels = [];
    var body = table.tBodies[0];
    for (var r = 0; body && r < body.rows.length; r++) {
      var row = body.rows[r];
      labels.push(row.cells[0].textContent.trim());
      series.forEach(function (s) { s.data.push(number(row.cells[s.col])); });
    }
    return series.length && labels.length ? { labels: labels, series: series } : null;
  }

  function config(type, d, log) {
    var round = type === "doughnut";
    var datasets = d.series.map(function (s, i) {
      return {
        label: s.label,
        data: s.data,
        backgroundColor: round ? d.labels.map(function (_, k) { return PALETTE[k % PALETTE.length]; })
                               : PALETTE[i % PALETTE.length],
        borderColor: round ? "#ffffff" : PALETTE[i % PALETTE.length],
        borderWidth: round ? 2 : 0,
        maxBarThickness: 42
      };
    });
    var stacked = type === "stacked";
    var many = d.series.length > 1 || round;
    var opts = {
      responsive: true,
      maintainAspectRatio: false,
      animation: window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
      plugins: { legend: { display: many, position: "bottom", labels: { boxWidth: 12 } } }
    };
    if (!round) {
      opts.indexAxis = type === "hbar" ? "y" : "x";
      /* data-scale="log": values of very different sizes (hours to first
       * response beside hours to close) stay readable side by side */
      var value = log ? { type: "logarithmic" }
                      : { beginAtZero: true, stacked: stacked, ticks: { precision: 0 } };
      var cat = { stacked: stacked, ticks: { autoSkip: type !== "hbar" } };
      opts.scales = type === "hbar" ? { x: value, y: cat } : { x: cat, y: value };
    }
    return { type: round ? "doughnut" : "bar", data: { labels: d.labels, datasets: datasets }, options: opts };
  }

  /* pareto: the running share (header cell marked data-line) against the
   * column marked data-label (the running share of customers) on two
   * 0-100 % axes, so the curve keeps its true shape; each group's own
   * share (the other data-series) as thin bars at the group's end. The
   * horizontal axis is titled by the table's data-x-title. */
  function pareto(table, d, xTitle) {
    var body = table.tBodies[0], xs = [0];
    var labelCol = 0, head = table.tHead.rows[0];
    for (var i = 0; i < head.cells.length; i++) if (head.cells[i].hasAttribute("data-label")) labelCol = i;
    for (var r = 0; r < body.rows.length; r++) xs.push(number(body.rows[r].cells[labelCol]));
    var datasets = d.series.map(function (s, i) {
      var colour = PALETTE[(i + 1) % 2];
      var points = s.data.map(function (v, k) { return { x: xs[k + 1], y: v }; });
      return s.line ? { type: "line", label: s.label, data: [{ x: 0, y: 0 }].concat(points),
                        borderColor: colour, backgroundColor: colour, pointRadius: 2, order: 0 }
                    : { type: "bar", label: s.label, data: points, backgroundColor: colour,
                        barThickness: 5, order: 1 };
    });
    function pct(title) {
      return { type: "linear", min: 0, max: 100, title: { display: !!title, text: title },
               ticks: { callback: function (v) { return v + "%"; } } };
    }
    return {
      type: "bar",
      data: { datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: true, position: "bottom", labels: { boxWidth: 12 } } },
        scales: { x: pct(xTitle), y: pct("") }
      }
    };
  }

  function draw(table) {
    var type = table.getAttribute("data-chart");
    var d = read(table);
    if (!d) return;
    var wrap = table.closest(".table-wrap") || table;
    var box = document.createElement("div");
    box.className = "chart-box chart-" + type;
    if (type === "hbar") box.style.height = Math.max(200, d.labels.length * 30 + 40) + "px";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", table.getAttribute("aria-label") || "");
    box.appendChild(canvas);
    wrap.parentNode.insertBefore(box, wrap);
    if (wrap.parentNode.classList.contains("chart-pair")) wrap.parentNode.classList.add("has-chart");
    new window.Chart(canvas, type === "pareto" ? pareto(table, d, table.getAttribute("data-x-title"))
                                               : config(type, d, table.getAttribute("data-scale") === "log"));
  }

  function start() {
    var css = window.getComputedStyle(document.body);
    window.Chart.defaults.font.family = css.fontFamily;
    window.Chart.defaults.color = "#5a6573";
    var tables = document.querySelectorAll("table[data-chart]");
    for (var i = 0; i < tables.length; i++) draw(tables[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
