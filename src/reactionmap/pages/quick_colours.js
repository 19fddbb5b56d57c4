// A stance switched on or off, or As of moved, recolours the map already drawn at once: the
// pill's pressed state and the slider's day change in the page the moment they are clicked,
// tapped, dragged or pressed with the keyboard, long before the server's new map arrives (a
// round trip, a script run and a new chart). Each drawn country and small state's dot takes its
// stance's colour while its stance is shown, else the hidden colour: the map's own rule, from the
// hidden elements the dashboard fills (the view's colours; each day's stances). The server's map
// then replaces the drawing, with its hover texts and legend.
if (!window.rmQuickColours) {
  window.rmQuickColours = true;
  const pills = '[data-testid=stSidebar] [class*="st-key-stances-"] button[aria-pressed]';
  const slider = '[data-testid=stSidebar] [class*="st-key-as_of-"] input[type=range]';
  const byCode = (groups) => {  // {stance: "codes"} -> Map(code -> stance)
    const stances = new Map();
    for (const [stance, codes] of Object.entries(groups)) {
      for (const code of codes.split(" ")) stances.set(code, stance);
    }
    return stances;
  };
  const dayOf = (range) => range ? new Date(Number(range.value) / 1000).toISOString().slice(0, 10) : null;
  const stancesShown = (view) => {  // the day's stances, or null when the page has not got them
    const day = dayOf(document.querySelector(slider));
    if (day === null || day === view.day) return byCode(view.stances);
    const box = document.getElementById("DAYS_ID");
    const days = box ? JSON.parse(box.dataset.days) : {};
    return Object.hasOwn(days, day) ? byCode(days[day]) : null;
  };
  let drawn = {view: null, asked: null};  // what the map drawn shows: a view, then what was asked
  const recolour = () => {
    const data = document.getElementById("ELEMENT_ID");
    const plot = [...document.querySelectorAll(".st-key-map .js-plotly-plot")]
      .find((p) => !p.closest('[data-retained="true"]'));
    if (!data || !plot) return;  // no map, or one that plays the days (its frames are other days)
    const view = JSON.parse(data.dataset.view);
    const labels = new Map(Object.entries(view.labels));  // Maps, not objects: a label may be
    const colours = new Map(Object.entries(view.colours));  // any word ("constructor")
    const shown = new Set();
    for (const pill of document.querySelectorAll(pills)) {
      const key = labels.get(pill.innerText.trim().split(/\s+/).join(" "));
      if (!key) return;  // a pill the view does not know: the server's map will tell
      if (pill.getAttribute("aria-pressed") === "true") shown.add(key);
    }
    // React sets a widget's attributes again on every render, unchanged: only a change counts.
    const asked = [...shown].sort().join(" ") + "|" + (dayOf(document.querySelector(slider)) || "");
    if (drawn.view !== data.dataset.view) drawn = {view: data.dataset.view, asked: view.asked};
    if (asked === drawn.asked) return;
    drawn.asked = asked;
    const stanceOf = stancesShown(view);
    if (!stanceOf) return;
    const colour = (code) => {
      const stance = stanceOf.get(code);
      if (stance === undefined || !colours.has(stance)) return null;
      return shown.has(stance) ? colours.get(stance) : view.hidden;
    };
    const traceOf = (node) => {
      const group = node.closest("g.trace");
      return group && group.__data__ && group.__data__[0] && group.__data__[0].trace;
    };
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
    if (records.some((r) => r.target.matches(pills) || r.target.matches(slider))) recolour();
  }).observe(document.body, {subtree: true, attributes: true,
                             attributeFilter: ["aria-pressed", "aria-valuetext"]});
}
