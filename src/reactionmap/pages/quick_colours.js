// A stance switched on or off, As of moved, or a region picked redraws the map already drawn at
// once: the pill's pressed state, the slider's day and the Region list's choice change in the
// page the moment they are clicked, tapped, dragged or pressed with the keyboard, long before the
// server's new map arrives (a round trip, a script run and a new chart). Each drawn country and
// small state's dot takes its stance's colour while its stance is shown, else the hidden colour:
// the map's own rule, from the hidden elements the dashboard fills (the view's colours; each
// day's stances; each region's frame and countries). A region turns the map to the region's
// frame and shows its countries only. The server's map then replaces the drawing, with its hover
// texts and legend.
if (!window.rmQuickColours) {
  window.rmQuickColours = true;
  const pills = '[data-testid=stSidebar] [class*="st-key-stances-"] button[aria-pressed]';
  const slider = '[data-testid=stSidebar] [class*="st-key-as_of-"] input[type=range]';
  const regionBox = '[data-testid=stSidebar] .st-key-region input[role=combobox]';
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
  const regionsOf = () => {  // each region's frame and countries, by the Region list's labels
    const box = document.getElementById("REGIONS_ID");
    return box ? new Map(Object.entries(JSON.parse(box.dataset.regions))) : new Map();
  };
  // What the map drawn shows: a view, then what was asked of it (pills and day; region).
  let drawn = {view: null, asked: null, region: null};
  const mapNow = () => {  // the map shown (not a copy Streamlit keeps) and its view, or null
    const data = document.getElementById("ELEMENT_ID");
    const plot = [...document.querySelectorAll(".st-key-map .js-plotly-plot")]
      .find((p) => !p.closest('[data-retained="true"]'));
    if (!data || !plot) return null;  // no map, or one that plays the days (its frames are other days)
    const view = JSON.parse(data.dataset.view);
    if (drawn.view !== data.dataset.view) {
      drawn = {view: data.dataset.view, asked: view.asked, region: view.region};
    }
    return {plot, view};
  };
  const shownNow = (view) => {  // the stances the pills show, or null for a pill the view does not know
    const labels = new Map(Object.entries(view.labels));  // a Map: a label may be any word ("constructor")
    const shown = new Set();
    for (const pill of document.querySelectorAll(pills)) {
      const key = labels.get(pill.innerText.trim().split(/\s+/).join(" "));
      if (!key) return null;  // the server's map will tell
      if (pill.getAttribute("aria-pressed") === "true") shown.add(key);
    }
    return shown;
  };
  const traceOf = (node) => {
    const group = node.closest("g.trace");
    return group && group.__data__ && group.__data__[0] && group.__data__[0].trace;
  };
  // Colours every country and dot by the map's rule; with ``codes`` (a region's), shows only
  // those of ``every`` country code that are in it (the sea is none of them) and hides the
  // leader lines (``lines``: the drawn view's own are shown again).
  const paint = (plot, view, shown, stanceOf, region) => {
    const colours = new Map(Object.entries(view.colours));
    const colour = (code) => {
      const stance = stanceOf.get(code);
      if (stance === undefined || !colours.has(stance)) return null;
      return shown.has(stance) ? colours.get(stance) : view.hidden;
    };
    const drawnHere = (code) => !region || !region.every.has(code) || region.codes.has(code);
    for (const path of plot.querySelectorAll("g.trace path.choroplethlocation")) {
      const trace = traceOf(path);
      const code = path.__data__ && path.__data__.loc;
      if (region && code) path.style.display = drawnHere(code) ? "" : "none";
      // the countries' traces: not the sea, touch cells or outline
      const fill = trace && trace.coloraxis && code && colour(code);
      if (fill) path.setAttribute("fill", fill);  // as plotly sets it
    }
    for (const group of plot.querySelectorAll("g.trace.scattergeo")) {
      const trace = traceOf(group.firstElementChild || group);
      if (region && trace && trace.mode === "lines") group.style.display = region.lines ? "" : "none";
    }
    for (const dot of plot.querySelectorAll("g.trace.scattergeo path.point")) {
      const trace = traceOf(dot);
      const row = trace && trace.customdata && dot.__data__ && trace.customdata[dot.__data__.i];
      if (!row) continue;
      if (region) dot.style.display = drawnHere(row[0]) ? "" : "none";
      const fill = colour(row[0]);
      if (fill) dot.style.fill = fill;  // as plotly sets it
    }
  };
  const recolour = () => {
    const now = mapNow();
    const shown = now && shownNow(now.view);
    if (!shown) return;
    // React sets a widget's attributes again on every render, unchanged: only a change counts.
    const asked = [...shown].sort().join(" ") + "|" + (dayOf(document.querySelector(slider)) || "");
    if (asked === drawn.asked) return;
    drawn.asked = asked;
    const stanceOf = stancesShown(now.view);
    if (stanceOf) paint(now.plot, now.view, shown, stanceOf, null);
  };
  // Streamlit sizes a chart to its place in the page, which keeps the server's map's height:
  // the place takes the region's height until the server's next map is drawn (or the same
  // map's run is over: its view's colours come again).
  const holdHeight = (plot, height) => {
    const place = plot.closest(".st-key-map"), view = document.getElementById("ELEMENT_ID");
    if (!place || !view) return;
    const asked = view.dataset.view;
    place.style.height = `${height}px`;
    place.style.flex = `0 0 ${height}px`;  // its flex basis, in Streamlit's column
    const release = () => {
      const now = mapNow();
      if (!now || now.plot !== plot || view.dataset.view !== asked || !view.isConnected) {
        place.style.height = place.style.flex = "";
      } else requestAnimationFrame(release);
    };
    requestAnimationFrame(release);
  };
  // A region picked (the list closed on it): plotly turns the drawn map to the region's frame,
  // as the server's map will draw it, and only the region's countries are shown. Left to the
  // server: a map zoomed to a country, a phone's world map (its dots sit elsewhere), a day or a
  // pill the page does not know.
  const reframe = () => {
    const box = document.querySelector(regionBox);
    const now = box && box.getAttribute("aria-expanded") !== "true" && mapNow();
    if (!now || box.value === drawn.region || !window.Plotly) return;
    const regions = regionsOf(), to = regions.get(box.value), from = regions.get(drawn.region);
    const shown = shownNow(now.view), stanceOf = stancesShown(now.view);
    if (!to || !from || to.narrow || from.narrow || now.view.zoomed || !shown || !stanceOf) return;
    drawn.region = box.value;
    const margin = now.plot.layout.margin || {}, room = margin.b || 0;
    const height = (margin.t || 0) + to.box + room;
    // A region's map holds the world's other countries in a hidden trace: shown for any other
    // region (the page hides those outside it), hidden again back on the map's own region.
    const label = box.value, lines = label === now.view.region;
    const elsewhere = now.plot.data.find((trace) => trace.name === "ELSEWHERE_NAME");
    // The figure Streamlit holds is the one plotly draws (the same objects): changed in place,
    // and drawn by Plotly.react, which tells Streamlit nothing (a relayout would make it size
    // the chart to its place's old height at once). The chart's place takes the new height,
    // which Streamlit measures a frame or two later and then finds the figure's own.
    const layout = now.plot.layout, geo = layout.geo;
    geo.projection = {...geo.projection, rotation: {...(geo.projection || {}).rotation, lon: to.rotation}};
    geo.lonaxis = {...geo.lonaxis, range: to.lon};
    geo.lataxis = {...geo.lataxis, range: to.lat};
    layout.height = height;
    // the legend hung from the map's foot, as the server's (draw.map_legend.legend_layout)
    layout.legend = {...layout.legend, y: Math.round((room / height) * 1e4) / 1e4};
    if (elsewhere) elsewhere.visible = !lines;
    holdHeight(now.plot, height);
    const drawing = window.Plotly.react(now.plot, now.plot.data, layout);
    // plotly draws the shapes it holds (a promise all the same); then the map's colours, and
    // only the region's countries. The plot tells when it is done ("rm-redrawn").
    const every = new Set(regions.get(regions.keys().next().value).codes.split(" "));
    const codes = new Set(to.codes.split(" "));
    Promise.resolve(drawing).then(() => {
      if (drawn.region !== label) return;  // another region picked meanwhile
      paint(now.plot, now.view, shown, stanceOf, {codes, every, lines});
      now.plot.dispatchEvent(new CustomEvent("rm-redrawn", {detail: label}));
    });
  };
  new MutationObserver((records) => {
    if (records.some((r) => r.target.matches(pills) || r.target.matches(slider))) recolour();
    if (records.some((r) => r.target.matches(regionBox))) reframe();
  }).observe(document.body, {subtree: true, attributes: true,
                             attributeFilter: ["aria-pressed", "aria-valuetext", "value", "aria-expanded"]});
}
