// The published page's map: a template whose capitalised names publish/webpage.py fills in.
(function () {
  var read = function (id) { return JSON.parse(document.getElementById(id).textContent); };
  var fig = read("rm-figure"), topo = read("rm-shapes"), view = read("rm-view");
  var shapes = topojson.feature(topo, topo.objects.countries);
  // plotly asks for its base map whenever a choropleth is drawn. Of its layers only the
  // ocean is on: a stand-in holds just that (nothing is fetched), the countries on top.
  window.PlotlyGeoAssets = {topojson: {world_110m: OCEAN}};
  window.PlotlyGeoAssets[SHAPES_KEY] = shapes;
  var names = {};
  shapes.features.forEach(function (f) { names[f.properties.iso3] = f.properties.name; });
  Object.keys(view.names).forEach(function (code) { names[code] = names[code] || view.names[code]; });
  var box = document.getElementById("rm-map");
  var R = RULES, extent = view.extent;
FRAME_JS
  // Play and Pause as the page's own buttons, over the map's left corner (plotly's are SVG,
  // which neither Tab nor a screen reader reaches; and the map is one image to them).
  var menu = (fig.layout.updatemenus || [])[0], bar = document.getElementById("rm-play");
  fig.layout.updatemenus = [];
  if (menu) {
    menu.buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b.label;
      button.setAttribute("aria-label", PLAY_NAMES[b.label] || b.label);
      button.addEventListener("click", function () { Plotly.animate(box, b.args[0], b.args[1]); });
      bar.appendChild(button);
    });
    bar.hidden = false;
  }
  var legendNames = fig.data.filter(function (t) { return t.showlegend; })
      .map(function (t) { return t.name; });
  var measured = 0;  // the legend's height as plotly drew it, when more than reckoned
  var top = R.top + view.play;  // the play control's room above the map
  function layoutFor(width) {
    var inner = boxHeight(extent, width);
    var room = Math.max(legendRoom(legendNames, width), measured);
    var height = top + inner + room, frame = geoFrame(extent, width / inner);
    var layout = Object.assign({}, fig.layout, {height: height,
        margin: {l: 0, r: 0, t: top, b: room},
        legend: Object.assign({}, fig.layout.legend, {y: room / height})});
    layout.geo = Object.assign({}, fig.layout.geo, {
        projection: {type: "natural earth", rotation: {lon: frame.rotation}},
        lonaxis: {range: frame.lon}, lataxis: {range: frame.lat}});
    return layout;
  }
  // The dashboard's rule: a phone's world map takes the dots placed for its scale.
  function dataFor(width) {
    var kind = !extent && width < R.narrowPx ? "narrow" : "wide";
    box.dataset.dots = kind;
    var at = view.dots_at;
    return fig.data.slice(0, at).concat(view.dots[kind], fig.data.slice(at));
  }
  // The play's frames: a small state's dot, moved from one trace to another as its stance
  // changes, goes where this map's dots are placed (the frames are the desktop's).
  function framesFor(kind) {
    var places = {};
    view.dots[kind].forEach(function (t) {
      (t.customdata || []).forEach(function (c, i) { places[c[0]] = [t.lon[i], t.lat[i]]; });
    });
    return (fig.frames || []).map(function (f) {
      return Object.assign({}, f, {data: (f.data || []).map(function (d) {
        if (kind === "wide" || !d.customdata || !d.lon) return d;
        return Object.assign({}, d, {
          lon: d.customdata.map(function (c) { return places[c[0]][0]; }),
          lat: d.customdata.map(function (c) { return places[c[0]][1]; })});
      })});
    });
  }
  var config = {displaylogo: false, scrollZoom: false, responsive: true, displayModeBar: false,
                topojsonURL: "./"};
  var drawnWidth = 0;
  function draw(first) {
    var width = box.clientWidth;
    drawnWidth = width;
    var data = dataFor(width), kind = box.dataset.dots;
    var done = (first ? Plotly.newPlot : Plotly.react)(box, {data: data, layout: layoutFor(width),
        config: config, frames: framesFor(kind)});
    return done.then(function () {
      var legend = box._fullLayout.legend, room = box._fullLayout.margin.b;
      if (legend && legend._height > room + 1) {  // a label wider than reckoned
        measured = Math.ceil(legend._height) + 2;
        return draw(false);
      }
      box.dataset.drawn = String(width);
    });
  }
  draw(true);
  window.addEventListener("resize", function () {
    if (box.clientWidth !== drawnWidth) draw(false);
  });
SNAP_JS
  var picked = document.getElementById("rm-picked"), showing = 0;
  function show(code, text) {
    picked.replaceChildren();
    showing++;
    if (!code || code === SEA_CODE) return;  // a click on the sea clears
    var card = null;
    document.querySelectorAll("#rm-cards .rm-card").forEach(function (c) {
      if (!card && c.dataset.iso3 === code) card = c;
    });
    if (card) {
      picked.appendChild(card.cloneNode(true));
      picked.firstElementChild.removeAttribute("tabindex");
    } else if (window.rmCard) {  // a card not shown yet: from the page's packed cards
      var asked = showing;
      window.rmCard(code).then(function (found) {
        if (asked !== showing) return;  // another country was picked meanwhile
        if (!found) return noStatement(code, text);
        var holder = document.createElement("div");
        holder.innerHTML = found;
        picked.appendChild(holder.firstElementChild);
      });
    } else {
      noStatement(code, text);
    }
  }
  function noStatement(code, text) {
    var p = document.createElement("p");
    p.className = "rm-note";
    p.dataset.iso3 = code;
    p.textContent = (names[code] || text || code) + ": " + NO_STATEMENT;
    picked.appendChild(p);
  }
  // A pointer: plotly's hover says what is under it.
  box.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (!point || touched) return;
    show(point.location || (point.customdata && point.customdata[0]) || "", point.text);
  });
  // A finger: what is drawn where it lands (plotly reads a tap from the mouse move the browser
  // makes up for it, which a second tap within half a second may lack), or, on the sea, the
  // nearest country or dot within a finger's reach.
  // (Listened for on the way down: plotly's map stops the click from rising to the box.)
  box.addEventListener("click", function (event) {
    var map = box._fullLayout.geo._subplot.bgRect.node();  // the map, not its legend
    if (touched && event.target === map) show(under(event) || nearest(event) || "");
  }, true);
})();
