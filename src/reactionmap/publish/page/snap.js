// A tap on the sea on a touch screen: the nearest country within a finger.
  var touched = false;
  box.addEventListener("pointerdown", function (e) { touched = e.pointerType === "touch"; }, true);
  function targets(evt, reach) {  // the drawn countries and dots within reach of a tap
    var near = function (b) {
      return !(b.right < evt.clientX - reach || b.left > evt.clientX + reach ||
               b.bottom < evt.clientY - reach || b.top > evt.clientY + reach); };
    var paths = [], dots = [];
    box.querySelectorAll("path.choroplethlocation").forEach(function (p) {
      var loc = p.__data__ && p.__data__.loc, tr = p.parentNode.__data__ && p.parentNode.__data__[0].trace;
      if (!loc || loc === SEA_CODE || !tr || tr.hoverinfo === "skip" || tr.hoverinfo === "none") return;
      var b = p.getBoundingClientRect();
      if (near(b)) paths.push([loc, p, b, p.getScreenCTM().inverse()]);
    });
    box.querySelectorAll(".scattergeo path.point").forEach(function (d) {
      var b = d.getBoundingClientRect(), code = d.__data__ && d.__data__.data && d.__data__.data[0];
      if (code && near(b)) dots.push([code, b.x + b.width / 2, b.y + b.height / 2, b.width / 2]);
    });
    return {paths: paths, dots: dots};
  }
  function inside(c, x, y) {
    var svg = box.querySelector("svg.main-svg"), pt = svg.createSVGPoint();
    if (x < c[2].left || x > c[2].right || y < c[2].top || y > c[2].bottom) return false;
    pt.x = x; pt.y = y;
    return c[1].isPointInFill(pt.matrixTransform(c[3]));
  }
  function under(evt) {  // a dot, drawn over the countries, then the country under the finger
    var t = targets(evt, 8), best = null, x = evt.clientX, y = evt.clientY;
    t.dots.forEach(function (d) {
      var gap = Math.hypot(d[1] - x, d[2] - y);
      if (gap <= d[3] + 1 && (!best || gap < best[1])) best = [d[0], gap];
    });
    if (best) return best[0];
    for (var i = 0; i < t.paths.length; i++) if (inside(t.paths[i], x, y)) return t.paths[i][0];
    return null;
  }
  function nearest(evt) {
    var reach = R.touchPx, t = targets(evt, reach), paths = t.paths, dots = t.dots;
    var rings = [1, 2, 3, 4, 6, 8, 11, 14, 18, reach];
    for (var r = 0; r < rings.length; r++) {
      var votes = {}, R2 = rings[r], best = null;
      dots.forEach(function (d) {
        if (Math.hypot(d[1] - evt.clientX, d[2] - evt.clientY) <= R2 + d[3]) votes[d[0]] = (votes[d[0]] || 0) + 16;
      });
      for (var k = 0; k < 16; k++) {
        var x = evt.clientX + R2 * Math.cos(k * Math.PI / 8), y = evt.clientY + R2 * Math.sin(k * Math.PI / 8);
        paths.forEach(function (c) { if (inside(c, x, y)) votes[c[0]] = (votes[c[0]] || 0) + 1; });
      }
      Object.keys(votes).forEach(function (c) { if (!best || votes[c] > votes[best]) best = c; });
      if (best) return best;
    }
    return null;
  }
