"""The page recovers a map whose files failed to load: loads them again, redraws, or says why."""

from __future__ import annotations

import streamlit as st

KEY = "rm_recover"  # the hidden container the script is placed in (no room taken on the page)
TRIES = 5  # loads of one file before the reader is told
# Every half second, each map on the page that is not drawn (no country drawn after a grace of
# 1.5 s, so that a map loading normally is never fetched twice) is looked at: plotly.js 3
# fetches its GeoJSON and base-map TopoJSON once, and when that fetch fails, or another map
# waits more than 5 s for it (60 pages at once), it gives up with "Unexpected error while
# fetching" and draws nothing. The script loads each missing file itself (TRIES times, waiting
# longer each time) into plotly's own store (window.PlotlyGeoAssets), then redraws the map
# (Plotly.redraw, which keeps the app's click handlers, once the failed promise plotly keeps
# in gd._promises is dropped); when a file still fails, a notice over the
# map names it and why.
SCRIPT = """<script>
(() => {
  if (window.rmMapRecover) return;
  window.rmMapRecover = true;
  const TRIES = TRIES_VALUE, PAUSES = [250, 500, 1000, 2000], GRACE = 3, REDRAWS = 3;
  const loads = {};  // url -> {tries, loading, failed: why the last try failed, once all did}
  const assets = () => (window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}});
  function load(file) {
    const s = loads[file.url] || (loads[file.url] = {tries: 0, loading: false, failed: ""});
    if (s.loading || s.failed) return;
    s.loading = true;
    s.tries += 1;
    fetch(file.url, {cache: s.tries > 1 ? "reload" : "default"})
      .then((r) => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then((data) => { file.put(data); s.loading = false; })
      .catch((err) => {
        const why = (err && err.message) || String(err);
        if (s.tries >= TRIES) { s.failed = why; s.loading = false; return; }
        setTimeout(() => { s.loading = false; load(file); }, PAUSES[s.tries - 1] || 2000);
      });
  }
  function files(gd) {  // what the map reads: its traces' GeoJSON, its base map's TopoJSON
    const out = [], seen = new Set();
    (gd.data || []).forEach((t) => {
      const url = t.geojson;
      if (typeof url !== "string" || seen.has(url)) return;
      seen.add(url);
      out.push({url, have: () => typeof assets()[url] === "object",
                missing: () => assets()[url] === undefined,
                put: (d) => { assets()[url] = d; }});
    });
    const geo = gd._fullLayout && gd._fullLayout.geo, base = gd._context && gd._context.topojsonURL;
    if (geo && base) {
      const name = String(geo.scope).replace(/ /g, "-") + "_" + geo.resolution + "m";
      const store = () => (assets().topojson = assets().topojson || {});
      out.push({url: base + name + ".json", have: () => !!store()[name],
                missing: () => !store()[name], put: (d) => { store()[name] = d; }});
    }
    return out;
  }
  function notice(gd, why) {
    let box = gd.parentElement.querySelector(":scope > .rm-map-failed");
    if (!why) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.className = "rm-map-failed";
      box.setAttribute("role", "alert");
      box.style.cssText = "border:1px solid #b00020;border-radius:6px;padding:.6rem .8rem;" +
        "margin:.4rem 0;color:#111;background:#fff4f4";
      gd.parentElement.insertBefore(box, gd);
    }
    if (box.textContent !== why) box.textContent = why;
  }
  function look(gd) {
    const needed = files(gd);
    if (!needed.length || gd.querySelector("path.choroplethlocation")) {
      gd.rmWaited = 0;
      return notice(gd, "");
    }
    gd.rmWaited = (gd.rmWaited || 0) + 1;
    if (gd.rmWaited < GRACE) return;
    needed.forEach((f) => { if (f.missing()) load(f); });
    const failed = needed.filter((f) => !f.have() && loads[f.url] && loads[f.url].failed);
    if (failed.length) {
      const said = failed.map((f) => f.url.split("/").pop() + " (" + loads[f.url].failed + ")");
      return notice(gd, "The map could not be drawn: " + said.join(", ") + " did not load in " +
                    TRIES + " tries. Reload the page to try again.");
    }
    if (needed.every((f) => f.have()) && (gd.rmRedrawn || 0) < REDRAWS && window.Plotly) {
      gd.rmRedrawn = (gd.rmRedrawn || 0) + 1;
      gd.rmWaited = 0;
      gd._promises = [];  // the failed fetch's promise, which plotly keeps and every draw awaits
      Promise.resolve(window.Plotly.redraw(gd)).catch(() => {});
    }
  }
  setInterval(() => document.querySelectorAll(".js-plotly-plot").forEach(look), 500);
})();
</script>""".replace("TRIES_VALUE", str(TRIES))
HIDE_CSS = f"<style>.st-key-{KEY}{{display:none}}</style>"


def install() -> None:
    """Put the script on the page (it runs once per browser tab, whatever the page)."""
    st.html(HIDE_CSS)
    with st.container(key=KEY):
        st.html(SCRIPT, unsafe_allow_javascript=True)
