// The agent desktop: listens on /hubs/agent for the rings of this agent's phone and shows each caller's panel, swaps
// in what the desktop's forms answer (every form marked data-async), ticks the time in the current state, refreshes
// the seat and the queue figures every few seconds, and the status line of a dialled call every second while it is on
// (the disposition is taken once the call has ended).
(function () {
    "use strict";
    const desk = document.getElementById("desk");
    if (!desk) return;
    const page = "/Agent/Desktop";
    const token = () => document.querySelector("input[name=__RequestVerificationToken]").value;

    // Replaces the element the answer names by its id (a form's answer may be its whole panel), else the target.
    function swap(target, html) {
        const holder = document.createElement("div");
        holder.innerHTML = html.trim();
        const next = holder.firstElementChild;
        if (!next) return;
        const named = next.id ? document.getElementById(next.id) : null;
        (named || target).replaceWith(next);
        tick();
    }

    async function fetchInto(target, url) {
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.ok) swap(target, await response.text());
        return response.ok;
    }

    // Forms post through fetch so a ringing caller's panel stays on screen while the agent works.
    document.addEventListener("submit", async function (event) {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-async")) return;
        event.preventDefault();
        const data = new FormData(form, event.submitter);
        const response = await fetch(form.getAttribute("action"), {
            method: "POST", body: data, credentials: "same-origin",
            headers: { "RequestVerificationToken": token() },
        });
        const target = form.closest("[data-swap]");
        // 400 answers carry the form with the problems next to their fields.
        if (response.ok || response.status === 400) swap(target, await response.text());
    });

    async function showPop(callId) {
        const area = document.getElementById("pop-area");
        const response = await fetch(page + "?handler=Pop&callId=" + encodeURIComponent(callId), { credentials: "same-origin" });
        if (!response.ok) return;
        area.innerHTML = await response.text();
        area.dataset.call = callId;
        area.dataset.shownAt = String(Date.now());
        tick();
        refreshSeat();
    }

    function refreshSeat() {
        const seat = document.getElementById("seat");
        // Not while the agent types a pause reason.
        if (seat && !seat.contains(document.activeElement)) fetchInto(seat, page + "?handler=Seat");
    }

    function refreshQueue() {
        const queue = document.getElementById("queue-figures");
        if (queue) fetchInto(queue, page + "?handler=Queue");
    }

    function refreshDialStatus() {
        const status = document.querySelector("#dial-status[data-state=OnTheLine]");
        if (status) fetchInto(status, page + "?handler=DialStatus&callId=" + encodeURIComponent(status.dataset.call));
    }

    function tick() {
        for (const time of document.querySelectorAll("time.elapsed[data-since]")) {
            const seconds = Math.max(0, Math.floor((Date.now() - Number(time.dataset.since)) / 1000));
            const m = Math.floor(seconds / 60), s = seconds % 60;
            time.textContent = (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
        }
    }

    const hub = new signalR.HubConnectionBuilder().withUrl("/hubs/agent").withAutomaticReconnect().build();
    hub.on("ringing", function (ring) { showPop(ring.callId); });
    hub.onreconnected(function () { desk.dataset.hub = "connected"; });
    hub.onreconnecting(function () { desk.dataset.hub = "reconnecting"; });
    hub.start().then(function () { desk.dataset.hub = "connected"; }, function () { desk.dataset.hub = "failed"; });

    tick();
    setInterval(tick, 1000);
    setInterval(function () { refreshSeat(); refreshQueue(); }, 3000);
    setInterval(refreshDialStatus, 1000);
})();
