// Draws every <canvas data-chart="..."> with Chart.js (served by the backoffice itself).
// Each chart has a table next to it with the same figures, for screen readers and print.
(function () {
  if (!window.Chart) {
    return;
  }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute("data-chart"));
    // Counts (sessions, actions, children) have whole-number ticks: never "0.2 actions".
    var ticks = spec.counts ? { precision: 0 } : {};
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        animation: false, // drawn at once: printable as soon as the page is there
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: spec.stacked
          ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: ticks } }
          : { y: { beginAtZero: true, max: spec.max, ticks: ticks } },
      },
    });
  });
})();
