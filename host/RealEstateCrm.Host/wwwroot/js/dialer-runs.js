// Live figures of the progressive dialling page: every two seconds the page's Figures handler gives each run's counts,
// written into the cells marked data-figure of the run's row. A run that stopped meanwhile (a supervisor elsewhere, or
// completed with nothing left to dial) reloads the page, which shows it as such.
(function () {
    const table = document.querySelector('table.dialer-runs[data-figures]');
    if (!table) return;

    async function refresh() {
        try {
            const response = await fetch(table.dataset.figures, { headers: { Accept: 'application/json' } });
            if (!response.ok) return;
            for (const run of await response.json()) {
                const row = table.querySelector('tr[data-run="' + run.id + '"]');
                if (!row) continue;
                if (!run.running && row.querySelector('form')) {
                    location.reload();
                    return;
                }
                for (const [name, value] of Object.entries(run.figures)) {
                    const cell = row.querySelector('[data-figure="' + name + '"]');
                    if (cell) cell.textContent = value;
                }
            }
        } catch (e) {
            // Offline for a moment: the next round tries again.
        }
    }

    setInterval(refresh, 2000);
})();
