// What every chart shares: the page's language on the mode bar (the project's translations, from the
// #plotly-locale JSON; dates from plotly.js-locales) and no plotly logo. Load after plotly.js.
(function () {
  if (typeof Plotly === "undefined") return;
  var source = document.getElementById("plotly-locale");
  var locale = source ? JSON.parse(source.textContent) : { name: "en", dictionary: {} };
  if (locale.name !== "en") {
    Plotly.register({ moduleType: "locale", name: locale.name, dictionary: locale.dictionary });
  }
  Plotly.setPlotConfig({ locale: locale.name, displaylogo: false });
})();
