"""Pointing at the published page's map (tests/test_publish_browser.py): for each drawn shape
its deepest pixel, away from borders and every dot, found in the browser; each dot's centre;
plotly's answer to a pointer move. (The dashboard's test, tests/test_browser_hover.py, also grades
where a finger's tap lands; the published page answers a tap itself, by what is drawn under it.)"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from serving import MAP_JS

ANSWER_MS = 5_000  # plotly answers a move in ~50 ms; a point with no tooltip fails after this
# A shape is tested when some point of it lies at least this far (px) from its border, from
# any other shape and from any small-state dot: "above a few square pixels".
MIN_DEPTH = 1.5

# For each hoverable shape, the grid point deepest inside it that no other shape and no dot
# covers, in viewport pixels, with its depth (distance to the nearest point that is not
# exclusively this shape's).
POINTS_JS = f"""(minDepth) => {{
  const plot = ({MAP_JS})();
  // The map's visible area: the geo clip rectangle, in the space of the group it clips.
  const clip = [...plot.querySelectorAll('clipPath')].find(c => c.id.endsWith('geo'));
  const clipped = plot.querySelector(`[clip-path*="${{clip.id}}"]`);
  const rect = clip.querySelector('rect'), ctm = clipped.getScreenCTM();
  const corner = (x, y) => new DOMPoint(x, y).matrixTransform(ctm);
  const a = corner(+rect.getAttribute('x'), +rect.getAttribute('y'));
  const b = corner(+rect.getAttribute('x') + +rect.getAttribute('width'),
                   +rect.getAttribute('y') + +rect.getAttribute('height'));
  const area = {{left: a.x, top: a.y, right: b.x, bottom: b.y}};
  const view = {{x0: Math.max(area.left, 0), y0: Math.max(area.top, 0),
                x1: Math.min(area.right, innerWidth), y1: Math.min(area.bottom, innerHeight)}};
  const paths = [...plot.querySelectorAll('path.choroplethlocation')].filter(p => {{
      const trace = p.parentNode.__data__ && p.parentNode.__data__[0].trace;
      return trace && !['skip', 'none'].includes(trace.hoverinfo) && p.__data__
          && p.__data__.loc; }});  // countries only: not the outline, not the sea
  const boxes = paths.map(p => p.getBoundingClientRect());
  const dots = [...plot.querySelectorAll('.scattergeo path.point')].map(d => {{
      const b = d.getBoundingClientRect();
      return {{iso3: d.__data__.data && d.__data__.data[0], x: b.x + b.width / 2,
              y: b.y + b.height / 2, r: Math.max(b.width, b.height) / 2}}; }});
  const svg = plot.querySelector('svg.main-svg');
  const inFill = (path, x, y) => {{
      const q = svg.createSVGPoint(); q.x = x; q.y = y;
      return path.isPointInFill(q.matrixTransform(path.getScreenCTM().inverse())); }};
  const mine = (i, x, y, dotsHide = true) => {{
      if (x < view.x0 + 1 || x > view.x1 - 1 || y < view.y0 + 1 || y > view.y1 - 1) return false;
      if (!inFill(paths[i], x, y)) return false;
      // Nothing else on the page (the mode bar, a legend) lies over the point.
      const top = document.elementFromPoint(x, y);
      if (!top || !plot.contains(top) || top.closest('.modebar, .legend')) return false;
      // A dot hides what it lies over, but its own state: pointed at, it names that state.
      if (dotsHide) for (const d of dots)
          if (d.iso3 !== paths[i].__data__.loc && Math.hypot(d.x - x, d.y - y) < d.r + 1) return false;
      for (let j = 0; j < paths.length; j++) {{
          if (j === i) continue;
          const b = boxes[j];
          if (x < b.left || x > b.right || y < b.top || y > b.bottom) continue;
          if (inFill(paths[j], x, y)) return false;
      }}
      return true; }};
  const deepest = (i, dotsHide) => {{
    const b = boxes[i];
    const x0 = Math.max(b.left, view.x0), x1 = Math.min(b.right, view.x1);
    const y0 = Math.max(b.top, view.y0), y1 = Math.min(b.bottom, view.y1);
    if (x1 <= x0 || y1 <= y0) return null;
    let step = Math.min(8, Math.max(0.5, Math.min(x1 - x0, y1 - y0) / 16));
    let inside = [], outside = [];
    const grid = () => {{
      inside = []; outside = [];
      for (let y = y0 - step; y <= y1 + step; y += step)
        for (let x = x0 - step; x <= x1 + step; x += step)
          (mine(i, x, y, dotsHide) ? inside : outside).push([x, y]);
    }};
    grid();
    // A small shape in a wide box (the Netherlands and its Caribbean islands) may fall
    // between the grid's points: a finer grid.
    if (!inside.length && step > 1) {{ step = Math.max(1, step / 4); grid(); }}
    const rank = (ins, outs) => ins.map(([x, y]) => {{
      let depth = Infinity;
      for (const [u, v] of outs) depth = Math.min(depth, Math.hypot(u - x, v - y));
      return {{iso3: paths[i].__data__.loc, x, y, depth}};
    }}).sort((a, b) => b.depth - a.depth);
    // The grid is coarse on a large shape: a grid point that falls on a speck of it (New
    // Zealand's Tokelau) would seem as deep as a step. Take the deepest point that is the
    // shape's all round, at minDepth.
    const round = (p) => [...Array(8).keys()].every(k => mine(i,
        p.x + minDepth * Math.cos(k * Math.PI / 4), p.y + minDepth * Math.sin(k * Math.PI / 4),
        dotsHide));
    const ranked = rank(inside, outside);
    let best = ranked.slice(0, 40).find(p => p.depth >= minDepth && round(p));
    if (!best && step > 0.5) {{  // a thin shape in a wide box (Chile and its islands): look
      const fineIn = [], fineOut = [];  // again, finely, around the grid's points inside it
      for (const q of ranked.slice(0, 12))
        for (let y = q.y - step / 2; y <= q.y + step / 2; y += 0.5)
          for (let x = q.x - step / 2; x <= q.x + step / 2; x += 0.5)
            (mine(i, x, y, dotsHide) ? fineIn : fineOut).push([x, y]);
      best = rank(fineIn, fineOut).slice(0, 40).find(p => p.depth >= minDepth && round(p));
    }}
    return best || null;
  }};
  const points = [], covered = [];
  paths.forEach((path, i) => {{
    const best = deepest(i, true);
    if (best) points.push(best);
    else if (deepest(i, false)) covered.push(path.__data__.loc);  // only dots hide it
  }});
  return {{points, covered}};
}}"""

# Each small state's dot, at its centre, when no other dot lies over that centre (at world scale
# the Lesser Antilles' dots overlap: a reader reaches them in the Americas view).
DOTS_JS = f"""() => {{ const plot = ({MAP_JS})();
  const dots = [...plot.querySelectorAll('.scattergeo path.point')].map(d => {{
      const b = d.getBoundingClientRect();  // each dot's datum holds its customdata
      return {{iso3: d.__data__.data[0], x: b.x + b.width / 2,
              y: b.y + b.height / 2, r: Math.max(b.width, b.height) / 2}}; }});
  return dots.filter(d => d.x > 0 && d.y > 0 && d.x < innerWidth && d.y < innerHeight
      && dots.every(o => o === d || Math.hypot(o.x - d.x, o.y - d.y) > o.r + 1)
      && plot.contains(document.elementFromPoint(d.x, d.y))); }}"""

# The answer to the last move, once plotly has given one since ``n``.
ANSWER_JS = f"""(n) => {{ const plot = ({MAP_JS})(); const h = plot.rmHover;
    if (h.n <= n || !h.loc) return null;
    const label = plot.querySelector('.hoverlayer .hovertext');
    if (!label) return null;
    const first = label.querySelector('tspan.line') || label.querySelector('text');
    return {{loc: h.loc, name: first ? first.textContent : ''}}; }}"""


def hover_answer(page, x: float, y: float) -> dict:
    """Move the pointer off the map, then to (x, y), and wait for plotly's answer to it."""
    n = page.evaluate(f"() => ({MAP_JS})().rmHover.n")
    page.mouse.move(1, 1)
    page.mouse.move(x, y)
    try:
        return page.wait_for_function(ANSWER_JS, arg=n, timeout=ANSWER_MS).json_value()
    except PlaywrightTimeout:
        return {"loc": None, "name": "no tooltip"}
