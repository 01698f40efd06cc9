// Draws the dashboard's plotly figures; a click on a bar or a table row opens that unit's dashboard.
(function () {
  function go(url) { if (url) { window.location.href = url; } }

  var boxes = document.querySelectorAll("[data-chart]");
  var waiting = boxes.length;
  function drawn() {
    waiting -= 1;
    // Every chart is on screen: bench/first_open.py reads this mark.
    if (waiting === 0 && window.performance && performance.mark) performance.mark("charts-drawn");
  }

  boxes.forEach(function (box) {
    var source = document.getElementById(box.dataset.chart);
    if (!source || typeof Plotly === "undefined") return;
    var figure = JSON.parse(source.textContent);
    // Only the mode bar's download button: the axes are fixed (no zoom on a phone).
    var config = { responsive: true, modeBarButtons: [["toImage"]], toImageButtonOptions: { filename: box.id } };
    Plotly.newPlot(box, figure.data, figure.layout, config).then(function () {
      box.dataset.rendered = "1";
      drawn();
    });
    box.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      var data = point && point.customdata;
      var url = Array.isArray(data) ? data[0] : data;  // a ranking bar carries [url, status]
      if (typeof url === "string") go(url);
    });
  });

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
