// Draws the dashboard's plotly figures; a click on a bar or a table row opens that unit's dashboard.
(function () {
  function go(url) { if (url) { window.location.href = url; } }

  // The charts on the first screen are drawn first; the others one after another once those are on
  // screen, so the first open shows where things stand without waiting for every chart. bench/first_open.py
  // reads the marks: charts-start (plotly.js loaded), first-chart-drawn, view-charts-drawn, charts-drawn.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
  var marks = window.performance && performance.mark ? function (name) { performance.mark(name); } : function () {};
  marks("charts-start");
  var inView = boxes.filter(function (box) { return box.getBoundingClientRect().top < window.innerHeight; });
  var later = boxes.filter(function (box) { return inView.indexOf(box) < 0; });
  var drawnCount = 0;

  function drawn() {
    drawnCount += 1;
    if (drawnCount === 1) marks("first-chart-drawn");
    if (drawnCount === inView.length) { marks("view-charts-drawn"); setTimeout(drawNext, 0); }
    if (drawnCount === boxes.length) marks("charts-drawn");
  }

  function drawNext() {
    var box = later.shift();
    if (!box) return;
    draw(box).then(function () { setTimeout(drawNext, 0); });
  }

  function draw(box) {
    var source = document.getElementById(box.dataset.chart);
    if (!source || typeof Plotly === "undefined") { drawn(); return Promise.resolve(); }
    var figure = JSON.parse(source.textContent);
    // Only the mode bar's download button: the axes are fixed (no zoom on a phone).
    var config = { responsive: true, modeBarButtons: [["toImage"]], toImageButtonOptions: { filename: box.id } };
    var done = Plotly.newPlot(box, figure.data, figure.layout, config).then(function () {
      box.dataset.rendered = "1";
      drawn();
    });
    box.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      var data = point && point.customdata;
      var url = Array.isArray(data) ? data[0] : data;  // a ranking bar carries [url, status]
      if (typeof url === "string") go(url);
    });
    return done;
  }

  if (inView.length) { inView.forEach(draw); } else { drawNext(); }

  document.querySelectorAll("tr[data-href]").forEach(function (row) {
    row.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      go(row.dataset.href);
    });
  });

  var run = document.getElementById("recompute-run");
  if (run && run.dataset.finished !== "1") {
    var poll = function () {
      fetch(run.dataset.statusUrl, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          var bar = document.getElementById("recompute-bar");
          bar.style.width = data.percent + "%";
          bar.textContent = data.percent + "%";
          document.getElementById("recompute-status").textContent = data.status_label;
          document.getElementById("recompute-message").textContent = data.message || "";
          if (data.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
        })
        .catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 500);
  }
})();
