// Unpacks plotly.js (gzip, base64) and runs it, then the map's own script.
(function () {
  var text = document.getElementById("rm-plotly").textContent;
  var bytes = Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  new Response(stream).text().then(function (code) {
    var script = document.createElement("script");
    script.textContent = code;
    document.head.appendChild(script);
    BOOT
  });
})();
