// The entry form: instant personal-ID lookup, villages of the chosen commune, and the contribution
// computed by the server (the same rules as the saved payment) while the form is filled.
(function () {
  var form = document.getElementById("entry-form");
  if (!form) return;
  var timer = null;

  function field(name) { return form.elements[name]; }
  function value(name) {
    var el = field(name);
    if (!el) return "";
    if (el instanceof RadioNodeList || (el.length && !el.tagName)) {
      for (var i = 0; i < el.length; i++) if (el[i].checked) return el[i].value;
      return "";
    }
    return el.value;
  }

  function toggleMonths() {
    var row = form.querySelector('[data-row="months"]');
    if (!row) return;
    var method = value("method");
    row.hidden = !(method === "years_in_advance" || method === "lump_sum");
  }

  function filterVillages() {
    var commune = field("commune"), village = field("village");
    if (!commune || !village) return;
    for (var i = 0; i < village.options.length; i++) {
      var option = village.options[i];
      if (!option.value) continue;
      option.hidden = option.dataset.commune !== commune.value;
      if (option.hidden && option.selected) village.value = "";
    }
  }

  function show(name, text) {
    var el = form.querySelector('#contribution [data-amount="' + name + '"]');
    if (el) el.textContent = text;
  }

  function preview() {
    if (!form.dataset.previewUrl) return;  // the correction form computes nothing
    var params = new URLSearchParams();
    ["paid_on", "method", "months", "monthly_income", "support_category"].forEach(function (name) {
      params.set(name, value(name));
    });
    if (form.dataset.participant) params.set("participant", form.dataset.participant);
    fetch(form.dataset.previewUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var panel = document.getElementById("contribution");
        if (!data.ok) {
          ["months", "gross", "state_support", "local_support", "net"].forEach(function (n) { show(n, "—"); });
          show("error", Object.keys(data.errors).map(function (k) { return data.errors[k]; }).join(" "));
          panel.classList.add("invalid");
          return;
        }
        panel.classList.remove("invalid");
        show("error", "");
        ["months", "gross", "state_support", "local_support", "net", "rule", "floor", "ceiling", "adjustment"].forEach(function (n) {
          show(n, data[n]);
        });
        show("fund_return", data.fund_return ? "(" + data.fund_return + ")" : "");
        panel.querySelectorAll("[data-several-years]").forEach(function (el) { el.hidden = !data.fund_return; });
        show("support_rate", "(" + data.support_rate + ")");
      })
      .catch(function () { /* the saved form is checked again on the server */ });
  }

  function lookup() {
    var box = document.getElementById("lookup-result");
    if (!box || !form.dataset.lookupUrl) return;
    var typed = value("personal_id").replace(/\D/g, "");
    if (typed.length !== 12) { box.innerHTML = ""; return; }
    fetch(form.dataset.lookupUrl + "?personal_id=" + typed, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        box.innerHTML = "";
        if (!data.found && !data.limited) return;
        var p = document.createElement("p");
        p.className = data.in_scope ? "messages-info" : "errorlist";
        p.textContent = data.message + " ";
        if (data.url) {
          var a = document.createElement("a");
          a.href = data.url;
          a.id = "lookup-open";
          a.textContent = box.dataset.openLabel || "→";
          p.appendChild(a);
        }
        box.appendChild(p);
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 250);
  }

  form.addEventListener("input", function (event) {
    if (event.target.name === "personal_id") lookup();
    if (event.target.name === "method") toggleMonths();
    schedule();
  });
  form.addEventListener("change", function (event) {
    if (event.target.name === "commune") filterVillages();
    if (event.target.name === "method") toggleMonths();
    schedule();
  });
  toggleMonths();
  filterVillages();
  preview();
  lookup();
})();
