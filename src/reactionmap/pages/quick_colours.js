// A stance switched on or off recolours the map already drawn, at once: the pill's pressed state
// changes in the page the moment it is clicked, tapped or pressed with the keyboard, long before
// the server's new map arrives (a round trip, a script run and a new chart). Each drawn country
// and small state's dot takes its stance's colour while its stance is shown, else the hidden
// colour: the map's own rule, from the hidden element the dashboard fills for the view. The
// server's map then replaces the drawing, with its hover texts and legend.
if (!window.rmQuickColours) {
  window.rmQuickColours = true;
  const pills = '[data-testid=stSidebar] [class*="st-key-stances-"] button[aria-pressed]';
  const recolour = () => {
    const data = document.getElementById("ELEMENT_ID");
    const plot = [...document.querySelectorAll(".st-key-map .js-plotly-plot")]
      .find((p) => !p.closest('[data-retained="true"]'));
    if (!data || !plot) return;  // no map, or one that plays the days (its frames are other days)
    const view = JSON.parse(data.dataset.view);
    const stanceOf = new Map();  // Maps, not objects: a label may be any word ("constructor")
    for (const [stance, codes] of Object.entries(view.stances)) {
      for (const code of codes.split(" ")) stanceOf.set(code, stance);
    }
    const labels = new Map(Object.entries(view.labels));
    const colours = new Map(Object.entries(view.colours));
    const shown = new Set();
    for (const pill of document.querySelectorAll(pills)) {
      const key = labels.get(pill.innerText.trim().split(/\s+/).join(" "));
      if (!key) return;  // a pill the view does not know: the server's map will tell
      if (pill.getAttribute("aria-pressed") === "true") shown.add(key);
    }
    const colour = (code) => {
      const stance = stanceOf.get(code);
      if (stance === undefined || !colours.has(stance)) return null;
      return shown.has(stance) ? colours.get(stance) : view.hidden;
    };
    const traceOf = (node) => { const t = node.closest("g.trace"); return t && t.__data__ && t.__data__[0] && t.__data__[0].trace; };
    for (const path of plot.querySelectorAll("g.trace path.choroplethlocation")) {
      const trace = traceOf(path);  // the countries' traces; not the sea, touch cells or outline
      const fill = trace && trace.coloraxis && path.__data__ && colour(path.__data__.loc);
      if (fill) path.setAttribute("fill", fill);  // as plotly sets it
    }
    for (const dot of plot.querySelectorAll("g.trace.scattergeo path.point")) {
      const trace = traceOf(dot);
      const row = trace && trace.customdata && dot.__data__ && trace.customdata[dot.__data__.i];
      const fill = row && colour(row[0]);
      if (fill) dot.style.fill = fill;  // as plotly sets it
    }
  };
  new MutationObserver((records) => {
    if (records.some((record) => record.target.matches(pills))) recolour();
  }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["aria-pressed"]});
}
