// Live SLA countdowns for the service pages: every <time class="sla" data-due data-warn> shows the time left or how
// long it is overdue, turning amber at its warn time and red at its due time. The words come from #sla-words, which
// the page renders in the user's language; the first text is the server's, so the page reads right without script.
(function () {
    const words = document.getElementById('sla-words');
    const clocks = Array.from(document.querySelectorAll('time.sla[data-due]'));
    if (!words || clocks.length === 0) return;
    const fill = (template, ...args) => args.reduce((text, arg, i) => text.replace('{' + i + '}', arg), template);

    function duration(ms) {
        const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
        if (d >= 1) return fill(words.dataset.days, d, h);
        if (h >= 1) return fill(words.dataset.hours, h, m);
        return fill(words.dataset.minutes, m, s % 60);
    }

    function tick() {
        const now = Date.now();
        for (const clock of clocks) {
            const due = Date.parse(clock.dataset.due), warn = Date.parse(clock.dataset.warn);
            const overdue = now >= due;
            clock.textContent = overdue ? fill(words.dataset.overdue, duration(now - due)) : fill(words.dataset.left, duration(due - now));
            clock.classList.toggle('bad', overdue);
            clock.classList.toggle('warn', !overdue && now >= warn);
        }
    }

    tick();
    setInterval(tick, 1000);
})();
