/*
 * The hall screen's heartbeat: asks the server for the current code and count
 * (the JSON endpoint in <main data-state-url>) every few seconds, and right
 * after the code changes, and swaps them in place. The server owns the clock:
 * the page never computes a code, it only shows what it was given.
 *
 * A code stays valid until 30 seconds after it leaves the screen. If the
 * server cannot be reached for that long, the QR code fades and a notice says
 * so, rather than leaving participants scanning a code that is refused.
 * When the event ends the endpoint answers {"open": false} and the page
 * reloads, to say that check-in has closed.
 * Without JavaScript the page reloads itself (<noscript> meta refresh).
 */
(function () {
  "use strict";

  var POLL_MS = 5000;
  var RETRY_MS = 3000;
  var WINDOW_MS = 30000;

  var screen = document.querySelector("[data-state-url]");
  if (!screen || !window.fetch) {
    return;
  }
  var url = screen.getAttribute("data-state-url");
  var qr = document.getElementById("check-in-qr");
  var token = document.getElementById("check-in-token");
  var count = document.getElementById("check-in-count");
  var stale = document.getElementById("check-in-stale");
  var script = document.currentScript;
  var secondsLeft = parseFloat(script && script.getAttribute("data-seconds-left"));

  // When the code on screen stops being accepted (its window plus the next).
  var validUntil = Date.now() + ((isNaN(secondsLeft) ? 0 : secondsLeft) * 1000) + WINDOW_MS;

  function showStale(isStale) {
    screen.classList.toggle("screen--stale", isStale);
    stale.hidden = !isStale;
  }

  function apply(state) {
    if (qr.getAttribute("data-scan-url") !== state.scan_url) {
      qr.src = state.qr;
      qr.setAttribute("data-scan-url", state.scan_url);
      token.textContent = state.token;
    }
    count.textContent = state.count_text;
    validUntil = Date.now() + state.seconds_left * 1000 + WINDOW_MS;
    showStale(false);
  }

  function schedule(ms) {
    window.setTimeout(poll, ms);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        if (state.open === false) {
          // Scanning has closed: the reloaded page says so, without a code.
          window.location.reload();
          return;
        }
        apply(state);
        // Poll again soon, and just after the code changes.
        schedule(Math.min(POLL_MS, state.seconds_left * 1000 + 300));
      })
      .catch(function () {
        // Logged out or offline: the response is not JSON, or there is none.
        showStale(Date.now() > validUntil - RETRY_MS);
        schedule(RETRY_MS);
      });
  }

  schedule(Math.min(POLL_MS, (isNaN(secondsLeft) ? 0 : secondsLeft) * 1000 + 300));
})();
