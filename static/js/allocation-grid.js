// Live totals of the allocation grid: children's sum (or weighted rate) against the parent, per-row share.
(function () {
  var totals = document.getElementById("allocation-totals");
  var grid = document.getElementById("allocation-grid");
  if (!totals || !grid) return;
  var parent = totals.dataset.parent === "" ? null : parseFloat(totals.dataset.parent);
  var isRate = totals.dataset.rate === "1";
  var digits = parseInt(totals.dataset.digits, 10) || 0;
  var locale = (document.documentElement.lang || "vi").indexOf("vi") === 0 ? "vi-VN" : "en-US";
  var format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  var percent = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var label = document.getElementById("allocation-state-label");

  function parse(text) {
    text = (text || "").replace(/\s/g, "");
    if (!text) return null;
    text = isRate ? text.replace(",", ".") : text.replace(/[.,]/g, "");
    var value = Number(text);
    return isFinite(value) && value >= 0 ? value : NaN;
  }

  function update() {
    var sum = 0, weighted = 0, weights = 0, count = 0, bad = false;
    grid.querySelectorAll("tbody tr").forEach(function (row) {
      var input = row.querySelector(".grid-input");
      if (!input) return;
      var value = parse(input.value);
      input.classList.toggle("invalid", Number.isNaN(value));
      if (Number.isNaN(value)) { bad = true; return; }
      if (value === null) return;
      var labour = parseFloat(row.querySelector("[data-labour]").dataset.labour) || 0;
      sum += value; weighted += value * labour; weights += labour; count += 1;
      var share = row.querySelector(".share");
      share.textContent = !isRate && parent ? percent.format(value * 100 / parent) + "%" : "";
    });
    var allocated = isRate ? (weights ? weighted / weights : (count ? sum / count : 0)) : sum;
    document.getElementById("allocated-total").textContent = format.format(allocated);
    if (parent === null) return;
    var difference = Math.round((allocated - parent) * 100) / 100;
    document.getElementById("allocated-difference").textContent = format.format(difference);
    var state = difference > 0 ? "over" : difference < 0 ? "under" : "exact";
    var box = document.getElementById("allocation-state");
    box.classList.remove("over", "under", "exact", "no_plan");
    box.classList.add(bad ? "under" : state);
    label.textContent = label.dataset[state];
  }

  grid.addEventListener("input", update);
  update();
})();
