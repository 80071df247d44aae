/*
 * A print job's progress bar: asks the JSON endpoint (data-state-url) every two
 * seconds how far the worker has got and fills in the bar, the "12 of 300" text
 * and, once done, the download links. It stops when the job is finished. A
 * failed request is simply retried on the next tick; without JavaScript the
 * page refreshes itself instead (<noscript> meta refresh).
 */
(function () {
  "use strict";

  var POLL_MS = 2000;

  var root = document.querySelector("[data-print-job]");
  if (!root || !window.fetch || root.getAttribute("data-finished") === "true") {
    return;
  }
  var url = root.getAttribute("data-state-url");
  var bar = root.querySelector("progress");
  var text = root.querySelector("[data-print-text]");
  var status = root.querySelector("[data-print-status]");
  var error = root.querySelector("[data-print-error]");
  var downloads = root.querySelector("[data-print-downloads]");

  function apply(state) {
    bar.max = Math.max(state.total, 1);
    bar.value = state.done;
    bar.textContent = state.progress_text;
    text.textContent = state.progress_text;
    status.textContent = state.status_label;
    if (state.error) {
      root.querySelector("[data-print-error-text]").textContent = state.error;
      error.hidden = false;
    }
    if (state.pdf_url) {
      root.querySelector("[data-print-pdf]").href = state.pdf_url;
      root.querySelector("[data-print-zip]").href = state.zip_url;
      downloads.hidden = false;
    }
    return state.finished;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (state) {
        if (!apply(state)) {
          window.setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () {
        window.setTimeout(poll, POLL_MS);
      });
  }

  window.setTimeout(poll, POLL_MS);
})();
