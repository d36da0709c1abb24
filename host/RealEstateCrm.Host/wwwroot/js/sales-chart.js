// Sales-control chart: choosing another project or building shows it at once (the filters still need "Show").
document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("chart-filters");
    if (!form) return;
    for (const id of ["project", "building"]) {
        document.getElementById(id)?.addEventListener("change", () => form.requestSubmit());
    }
});
