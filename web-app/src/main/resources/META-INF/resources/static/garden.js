// Garden page: draws each technique's habit strength as a small line chart from the figures table beside it.
// Progressive only: the figures stay in the table (and its data- attributes) with or without this file.
(function () {
    function draw() {
        document.querySelectorAll(".garden-technique").forEach(function (section) {
            var canvas = section.querySelector(".garden-chart canvas");
            if (!canvas) {
                return;
            }
            var rows = section.querySelectorAll(".garden-strengths tr[data-as-of]");
            var labels = [];
            var values = [];
            rows.forEach(function (row) {
                labels.push(row.getAttribute("data-as-of").slice(5));
                var exact = row.getAttribute("data-strength");
                values.push(exact === "" ? null : Math.round(parseFloat(exact) * 1000) / 10);
            });
            var previous = window.Chart.getChart(canvas);
            if (previous) {
                previous.destroy();
            }
            new window.Chart(canvas, {
                type: "line",
                data: { labels: labels, datasets: [{ label: "Habit strength (%)", data: values, spanGaps: true,
                    borderColor: "#2f7d4a", backgroundColor: "#2f7d4a", pointRadius: 3, tension: 0.2 }] },
                options: { animation: false, responsive: true, maintainAspectRatio: false,
                    scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
                    plugins: { legend: { display: false } } }
            });
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
