// The map's frame (draw.frame) and the legend's room (draw.map_legend), in JavaScript.
  var RAD = Math.PI / 180, DEG = 180 / Math.PI;
  function ne(lon, lat) {  // Natural Earth (d3-geo's naturalEarth1Raw), degrees in
    var l = lon * RAD, p = lat * RAD, p2 = p * p, p4 = p2 * p2;
    return [l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
            p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))];
  }
  function vec(lon, lat) {
    var l = lon * RAD, p = lat * RAD;
    return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
  }
  // draw.projection's raw_bounds: plotly's range box, its edges great circles, each sampled in
  // arcSamples steps, both ends included (centred on the meridian 0: no longitude passes 180).
  function boxSize(half, lat0, lat1) {
    var x0 = -half + R.clipPad, x1 = half - R.clipPad, y0 = lat0 + R.clipPad, y1 = lat1 - R.clipPad;
    var q = (x1 - x0) / 4, n = R.arcSamples, i, k;
    var c = [[x0, y0], [x0, y1], [x0 + q, y1], [x0 + 2 * q, y1], [x0 + 3 * q, y1],
             [x1, y1], [x1, y0], [x1 - q, y0], [x1 - 2 * q, y0], [x1 - 3 * q, y0], [x0, y0]];
    var xs = [], ys = [];
    for (i = 0; i + 1 < c.length; i++) {
      var u = vec(c[i][0], c[i][1]), v = vec(c[i + 1][0], c[i + 1][1]);
      var w = Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])));
      var arc = w < 1e-12 ? [c[i], c[i + 1]] : [];
      for (k = 0; w >= 1e-12 && k <= n; k++) {
        var t = k / n, a = Math.sin((1 - t) * w), b = Math.sin(t * w), s = Math.sin(w);
        var x = (a * u[0] + b * v[0]) / s, y = (a * u[1] + b * v[1]) / s;
        var z = (a * u[2] + b * v[2]) / s;
        arc.push([Math.atan2(y, x) * DEG, Math.asin(Math.max(-1, Math.min(1, z))) * DEG]);
      }
      for (k = 0; k < arc.length; k++) {
        var pt = ne(arc[k][0], arc[k][1]);
        xs.push(pt[0]); ys.push(pt[1]);
      }
    }
    return [Math.max.apply(null, xs) - Math.min.apply(null, xs),
            Math.max.apply(null, ys) - Math.min.apply(null, ys)];
  }
  var WORLD = [0, -180, 180, R.world[2], R.world[3]];
  function naturalAspect(e) {
    e = e || WORLD;
    var s = boxSize((e[2] - e[1]) / 2, e[3], e[4]);
    return s[0] / s[1];
  }
  function bisect(tooSmall, lo, hi) {
    for (var i = 0; i < 40; i++) { var m = (lo + hi) / 2; if (tooSmall(m)) lo = m; else hi = m; }
    return hi;
  }
  function round3(v) { return Math.round(v * 1000) / 1000; }
  function geoFrame(e, aspect) {
    if (!e) return {rotation: 0, lon: [R.world[0], R.world[1]], lat: [R.world[2], R.world[3]]};
    var mid = (e[1] + e[2]) / 2, half = (e[2] - e[1]) / 2, lat0 = e[3], lat1 = e[4];
    var tooNarrow = function (h) { var s = boxSize(h, lat0, lat1); return s[0] / s[1] < aspect; };
    if (tooNarrow(half)) {
      half = bisect(tooNarrow, half, 180);
    } else {
      var taller = function (more) { return [Math.max(lat0 - more, -89), Math.min(lat1 + more, 89)]; };
      var tooShort = function (more) {
        var t = taller(more), s = boxSize(half, t[0], t[1]); return s[0] / s[1] > aspect; };
      var t = taller(bisect(tooShort, 0, 180));
      lat0 = t[0]; lat1 = t[1];
    }
    return {rotation: round3(mid), lon: [round3(mid - half), round3(mid + half)],
            lat: [round3(lat0), round3(lat1)]};
  }
  function boxHeight(e, width) {
    var highest = width < R.narrowPx ? R.phoneBoxMax : R.boxMax;
    return Math.round(Math.min(highest, Math.max(R.boxMin, width / naturalAspect(e))));
  }
  function legendRoom(labels, width) {
    var L = R.legend, items = labels.map(function (name) {
      var lines = name.split("<br>"), longest = 0;
      lines.forEach(function (line) {
        var text = new DOMParser().parseFromString(line, "text/html").documentElement.textContent;
        longest = Math.max(longest, text.length);
      });
      return [L.item + L.char * longest, lines.length];
    });
    if (!items.length) return 0;
    var sum = 0, column = 0;
    items.forEach(function (it) { sum += it[0]; column = Math.max(column, it[0]); });
    var oneRow = sum + L.gap * (items.length - 1) < width;
    var height = L.pad, x = 0, tallest = 0;
    items.forEach(function (it) {
      var step = oneRow ? it[0] : column;
      if (x && step + x - L.gap >= width) { height += tallest; x = 0; tallest = 0; }
      x += step + L.gap;
      tallest = Math.max(tallest, L.line * it[1] + L.entry);
    });
    return Math.floor(height + tallest);
  }
