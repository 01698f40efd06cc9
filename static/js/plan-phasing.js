// The phasing chart of the plan overview: cumulative monthly targets of each version and the actuals.
(function () {
  var holder = document.getElementById("phasing-chart");
  var source = document.getElementById("phasing-data");
  if (!holder || !source || typeof Plotly === "undefined") return;
  var data = JSON.parse(source.textContent);
  var vietnamese = (document.documentElement.lang || "vi").indexOf("vi") === 0;
  var traces = data.plans.map(function (plan) {
    return { x: data.months, y: plan.values, name: plan.name, type: "scatter", mode: "lines+markers" };
  });
  if (data.actual.length) {
    traces.push({ x: data.months.slice(0, data.actual.length), y: data.actual, name: data.actual_name,
                  type: "bar", opacity: 0.6, marker: { color: data.actual_colour } });
  }
  if (!traces.length) { holder.style.display = "none"; return; }
  Plotly.newPlot(holder, traces, {
    margin: { t: 20, r: 10, b: 40, l: 60 }, height: 320, separators: vietnamese ? ",." : ".,",
    legend: { orientation: "h", y: -0.2 }, yaxis: { rangemode: "tozero", ticksuffix: data.percent ? "%" : "", separatethousands: true },
  }, { responsive: true });
})();
