// Harvest page: draws the weekly effort, its adstock and the prospects found on one chart from the table below it,
// with the effort of the best lag's weeks earlier dashed. Progressive only: every figure stays in the table (and its
// data- attributes) with or without this file.
(function () {
    function draw() {
        var canvas = document.getElementById("harvest-chart");
        if (!canvas) {
            return;
        }
        var rows = document.querySelectorAll("#harvest-weeks tbody tr[data-week]");
        var labels = [];
        var effort = [];
        var adstock = [];
        var prospects = [];
        var lagged = [];
        rows.forEach(function (row) {
            labels.push(row.getAttribute("data-week").slice(5));
            effort.push(parseInt(row.getAttribute("data-effort-minutes"), 10));
            adstock.push(Math.round(parseFloat(row.getAttribute("data-adstock")) * 10) / 10);
            prospects.push(parseInt(row.getAttribute("data-prospects-found"), 10));
            var earlier = row.getAttribute("data-lagged-effort");
            lagged.push(earlier === "" ? null : parseInt(earlier, 10));
        });
        var best = canvas.getAttribute("data-best-lag");
        var datasets = [
            { type: "bar", label: "Effort (minutes)", data: effort, yAxisID: "minutes",
                backgroundColor: "rgba(47, 125, 74, 0.35)", borderColor: "#2f7d4a", borderWidth: 1, order: 3 },
            { type: "line", label: "Adstock (minutes still working)", data: adstock, yAxisID: "minutes",
                borderColor: "#2f7d4a", backgroundColor: "#2f7d4a", pointRadius: 2, tension: 0.25, order: 2 },
            { type: "line", label: "Prospects found", data: prospects, yAxisID: "prospects",
                borderColor: "#b35c00", backgroundColor: "#b35c00", pointRadius: 4, pointStyle: "rectRot",
                order: 1 }
        ];
        if (best !== "") {
            datasets.push({ type: "line", label: "Effort " + best + " weeks earlier (best lag)", data: lagged,
                yAxisID: "minutes", borderColor: "#555", borderDash: [6, 4], pointRadius: 0, spanGaps: false,
                order: 0 });
        }
        var previous = window.Chart.getChart(canvas);
        if (previous) {
            previous.destroy();
        }
        new window.Chart(canvas, {
            data: { labels: labels, datasets: datasets },
            options: { animation: false, responsive: true, maintainAspectRatio: false,
                interaction: { mode: "index", intersect: false },
                scales: {
                    minutes: { type: "linear", position: "left", beginAtZero: true,
                        title: { display: true, text: "minutes" } },
                    prospects: { type: "linear", position: "right", beginAtZero: true, ticks: { precision: 0 },
                        grid: { drawOnChartArea: false }, title: { display: true, text: "prospects" } }
                },
                plugins: { legend: { position: "bottom" } } }
        });
    }

    // After htmx swapped the page in, both scripts are added anew and load in any order: wait for Chart.js.
    if (window.Chart) {
        draw();
    } else {
        var library = document.querySelector("script[src*='chart.umd']");
        if (library) {
            library.addEventListener("load", draw);
        }
    }
})();
