/*
 * SIKAP Jakarta Pusat — the quiz attempt page. Plain ES2017, no libraries;
 * loaded with <script src=".../js/quiz.js" defer> by
 * quizzes/templates/quizzes/attempt.html (never on the editor's preview).
 *
 * The page is one form that works without JavaScript (Save posts every
 * answer; Submit asks the server to confirm). This script adds what a
 * participant on a cheap phone and dropping hall Wi-Fi needs:
 *
 * 1. Autosave. Each change builds that question's response, bumps its
 *    revision (the server ignores a revision lower than the one it holds, so
 *    a late older save never overwrites a newer one) and puts it in a queue
 *    kept in localStorage under the form's data-storage-key. The queue is
 *    sent in one request; acknowledged entries leave it. Offline, or when a
 *    request fails, the queue stays and is sent again on the `online` event
 *    and on a timer that backs off from 10 s, with some randomness so that a
 *    hall of phones does not come back at the same instant. A busy server
 *    (503, e.g. while the database restarts; see lms/db_faults.py) counts
 *    as no connection, not as an error. On reload, queued answers newer than
 *    what the server rendered are put back into the fields and sent.
 * 2. Countdown. The server owns the clock: remaining time is the deadline
 *    minus the server's "now" when it rendered the page, counted down with
 *    performance.now() (the phone's own clock may be wrong). Screen readers
 *    hear 5 minutes and 1 minute left; under a minute it turns urgent; at
 *    zero the queue is sent and the attempt submitted.
 * 3. Submit. "Submit answers" sends the queue first, then opens a dialog
 *    listing the unanswered questions. If answers cannot be sent, the dialog
 *    says so and its button submits only what the server has saved. The
 *    dialog's submit is sent once by the page and, while the server is busy
 *    or unreachable, sent again until it is received (submitting twice grades
 *    once); then the attempt's page opens, which the server sends on to the
 *    result. Anything else the server says is shown by posting the form.
 *
 * Hooks (all in attempt.html): form#attempt-form[data-attempt] with
 * data-autosave-url, data-submit-url, data-storage-key, data-deadline and
 * data-server-now; fieldset[data-question][data-type][data-revision];
 * [data-answered-count], [data-answered-meter], [data-countdown],
 * [data-save-status], a[data-navigator-for], [data-submit-button],
 * [data-save-button]; dialog[data-confirm-dialog] with [data-confirm-form],
 * [data-confirm-all], [data-confirm-missing], [data-confirm-list],
 * [data-confirm-unsent], [data-confirm-cancel]; template[data-message=...]
 * for every text this script shows.
 */
(function () {
  "use strict";

  const TYPING_PAUSE_MS = 600; // a text answer is saved after this pause
  const RETRY_FIRST_MS = 10000;
  const RETRY_MAX_MS = 60000;
  const RETRY_SPREAD = 0.5; // each wait is 75-125% of the backoff
  const REQUEST_TIMEOUT_MS = 15000; // hall Wi-Fi can hang rather than fail
  const SUBMIT_TIMEOUT_MS = 30000; // grading waits its turn when a hall submits
  const SUBMIT_WAIT_MS = 8000; // how long "Submit" waits for the queue
  const DEADLINE_WAIT_MS = 5000; // the server accepts answers 10 s late
  const SAVING_TEXT_DELAY_MS = 400; // fast saves never flash "Saving…"
  const LOW_SECONDS = 300;
  const URGENT_SECONDS = 60;
  const CLOCK_DRIFT_MS = 3000;

  /* ------------------------------------------------------------------------
     Small helpers
     ------------------------------------------------------------------------ */

  function message(name) {
    const template = document.querySelector('template[data-message="' + name + '"]');
    return template ? template.content.textContent.trim() : "";
  }

  function delay(ms, value) {
    return new Promise(function (resolve) {
      setTimeout(function () {
        resolve(value);
      }, ms);
    });
  }

  function within(promise, ms, fallback) {
    return Promise.race([promise, delay(ms, fallback)]);
  }

  // Python's isoformat() gives microseconds; Date.parse wants milliseconds.
  function parseIso(text) {
    if (!text) {
      return NaN;
    }
    return Date.parse(text.replace(/(\.\d{3})\d+/, "$1"));
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function formatRemaining(seconds) {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = seconds % 60;
    return hours
      ? hours + ":" + pad(minutes) + ":" + pad(rest)
      : pad(minutes) + ":" + pad(rest);
  }

  // The time of a save, as the phone shows the time (in its own words).
  function clockTime() {
    const lang = document.documentElement.lang || undefined;
    try {
      return new Date().toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    } catch (error) {
      const now = new Date();
      return pad(now.getHours()) + "." + pad(now.getMinutes());
    }
  }

  function readCookie(name) {
    const match = document.cookie.match(new RegExp("(?:^|;\\s*)" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* ------------------------------------------------------------------------
     Questions: reading and writing each type's fields
     ------------------------------------------------------------------------ */

  function readResponse(question) {
    const fieldset = question.fieldset;
    let checked;
    switch (question.type) {
      case "single_choice":
        checked = fieldset.querySelector('input[type="radio"]:checked');
        return checked ? checked.value : null;
      case "true_false":
        checked = fieldset.querySelector('input[type="radio"]:checked');
        return checked ? checked.value === "true" : null;
      case "multiple_choice":
        return Array.prototype.map.call(
          fieldset.querySelectorAll('input[type="checkbox"]:checked'),
          function (input) {
            return input.value;
          }
        );
      case "short_answer":
      case "numeric":
        checked = fieldset.querySelector("input[type='text'], input:not([type]), textarea");
        return checked ? checked.value : "";
      case "matching": {
        const matches = {};
        fieldset.querySelectorAll("select[data-matching-prompt]").forEach(function (select) {
          if (select.value) {
            matches[select.getAttribute("data-matching-prompt")] = select.value;
          }
        });
        return matches;
      }
      default:
        return null;
    }
  }

  function writeResponse(question, response) {
    const fieldset = question.fieldset;
    switch (question.type) {
      case "single_choice":
      case "true_false": {
        const wanted =
          response === null || response === undefined ? null : String(response);
        fieldset.querySelectorAll('input[type="radio"]').forEach(function (input) {
          input.checked = input.value === wanted;
        });
        break;
      }
      case "multiple_choice": {
        const chosen = Array.isArray(response) ? response : [];
        fieldset.querySelectorAll('input[type="checkbox"]').forEach(function (input) {
          input.checked = chosen.indexOf(input.value) !== -1;
        });
        break;
      }
      case "short_answer":
      case "numeric": {
        const input = fieldset.querySelector("input[type='text'], input:not([type]), textarea");
        if (input) {
          input.value = typeof response === "string" ? response : "";
        }
        break;
      }
      case "matching": {
        const matches = response && typeof response === "object" ? response : {};
        fieldset.querySelectorAll("select[data-matching-prompt]").forEach(function (select) {
          select.value = matches[select.getAttribute("data-matching-prompt")] || "";
          // For matching.js, which writes out a long choice; "input" is not
          // an answer here (only text questions save on it).
          select.dispatchEvent(new Event("input", { bubbles: true }));
        });
        break;
      }
      default:
        break;
    }
  }

  // The same rule as the server's: empty means unanswered.
  function isAnswered(response) {
    if (response === null || response === undefined) {
      return false;
    }
    if (Array.isArray(response)) {
      return response.length > 0;
    }
    if (typeof response === "string") {
      return response.trim() !== "";
    }
    if (typeof response === "object") {
      return Object.keys(response).length > 0;
    }
    return true;
  }

  function isTextQuestion(question) {
    return question.type === "short_answer" || question.type === "numeric";
  }

  /* ------------------------------------------------------------------------
     The page
     ------------------------------------------------------------------------ */

  function initAttempt(form) {
    const autosaveUrl = form.getAttribute("data-autosave-url");
    const storageKey = form.getAttribute("data-storage-key");
    const statusElement = document.querySelector("[data-save-status]");
    const countElement = document.querySelector("[data-answered-count]");
    const meterElement = document.querySelector("[data-answered-meter]");
    const submitButton = form.querySelector("[data-submit-button]");
    const dialog = document.querySelector("dialog[data-confirm-dialog]");
    const confirmForm = dialog ? dialog.querySelector("[data-confirm-form]") : null;
    const confirmButton = confirmForm
      ? confirmForm.querySelector('button[type="submit"], button:not([type])')
      : null;
    const confirmButtonText = confirmButton ? confirmButton.textContent : "";
    const canUseDialog = Boolean(
      dialog && confirmForm && typeof dialog.showModal === "function"
    );

    const questions = [];
    const byKey = {};
    const links = {};
    document.querySelectorAll("a[data-navigator-for]").forEach(function (link) {
      links[link.getAttribute("data-navigator-for")] = link;
    });
    form.querySelectorAll("fieldset[data-question]").forEach(function (fieldset, index) {
      const question = {
        key: fieldset.getAttribute("data-question"),
        type: fieldset.getAttribute("data-type"),
        number: index + 1,
        revision: parseInt(fieldset.getAttribute("data-revision"), 10) || 0,
        fieldset: fieldset,
        typingTimer: null,
        last: "",
      };
      question.link = links[question.key] || null;
      question.last = JSON.stringify(readResponse(question));
      questions.push(question);
      byKey[question.key] = question;
    });

    /* -- Pending queue, mirrored in localStorage ----------------------------- */

    let pending = {};

    function hasPending() {
      return Object.keys(pending).length > 0;
    }

    function loadStored() {
      try {
        const data = JSON.parse(window.localStorage.getItem(storageKey) || "null");
        return data && data.pending && typeof data.pending === "object" ? data.pending : {};
      } catch (error) {
        return {};
      }
    }

    // Storage can be full or switched off; the queue in memory still works.
    function persist() {
      try {
        if (hasPending()) {
          window.localStorage.setItem(
            storageKey,
            JSON.stringify({ version: 1, pending: pending })
          );
        } else {
          window.localStorage.removeItem(storageKey);
        }
      } catch (error) {
        /* nothing to do: the answers are still queued in memory */
      }
    }

    function forgetStored() {
      try {
        window.localStorage.removeItem(storageKey);
      } catch (error) {
        /* see persist() */
      }
    }

    /* -- Progress: count, bar and navigator ---------------------------------- */

    function updateProgress() {
      const answeredText = message("answered");
      let answered = 0;
      questions.forEach(function (question) {
        const done = isAnswered(readResponse(question));
        if (done) {
          answered += 1;
        }
        if (question.link) {
          question.link.classList.toggle("is-answered", done);
          const state = question.link.querySelector(".navigator__state");
          if (state) {
            state.textContent = done && answeredText ? " (" + answeredText + ")" : "";
          }
        }
      });
      if (countElement) {
        countElement.textContent = String(answered);
      }
      if (meterElement) {
        meterElement.value = answered;
      }
      return answered;
    }

    /* -- Save status ---------------------------------------------------------- */

    let savingTimer = null;
    let everSaved = false;
    let lastOutcome = "";
    let timeUp = false; // once time is up, "Time is up" stays on screen

    function showStatus(state, text) {
      if (savingTimer) {
        clearTimeout(savingTimer);
        savingTimer = null;
      }
      if (!statusElement || (timeUp && state !== "closed")) {
        return;
      }
      statusElement.setAttribute("data-state", state);
      statusElement.textContent = text;
    }

    function showSaving() {
      if (savingTimer || !statusElement) {
        return;
      }
      savingTimer = setTimeout(function () {
        savingTimer = null;
        if (timeUp) {
          return;
        }
        statusElement.setAttribute("data-state", "saving");
        statusElement.textContent = message("saving");
      }, SAVING_TEXT_DELAY_MS);
    }

    function showSaved() {
      everSaved = true;
      lastOutcome = "saved";
      showStatus("saved", message("saved") + " · " + clockTime());
    }

    function showOffline() {
      lastOutcome = "offline";
      showStatus("offline", message("offline"));
    }

    function showError() {
      lastOutcome = "error";
      showStatus("error", message("error"));
    }

    /* -- Recording a change ---------------------------------------------------- */

    let closed = false;

    function record(question) {
      if (closed) {
        return false;
      }
      const response = readResponse(question);
      const serialised = JSON.stringify(response);
      if (serialised === question.last) {
        return false;
      }
      question.last = serialised;
      question.revision += 1;
      pending[question.key] = {
        question: question.key,
        response: response,
        revision: question.revision,
      };
      persist();
      updateProgress();
      return true;
    }

    function commit(question) {
      if (question.typingTimer) {
        clearTimeout(question.typingTimer);
        question.typingTimer = null;
      }
      if (record(question)) {
        flush();
      }
    }

    function commitTyping() {
      questions.filter(isTextQuestion).forEach(function (question) {
        if (question.typingTimer) {
          clearTimeout(question.typingTimer);
          question.typingTimer = null;
        }
        record(question);
      });
    }

    function questionOf(element) {
      const fieldset = element.closest ? element.closest("fieldset[data-question]") : null;
      return fieldset ? byKey[fieldset.getAttribute("data-question")] : null;
    }

    form.addEventListener("change", function (event) {
      const question = questionOf(event.target);
      if (question) {
        commit(question);
      }
    });

    form.addEventListener("input", function (event) {
      const question = questionOf(event.target);
      if (!question || !isTextQuestion(question)) {
        return;
      }
      if (question.typingTimer) {
        clearTimeout(question.typingTimer);
      }
      question.typingTimer = setTimeout(function () {
        question.typingTimer = null;
        commit(question);
      }, TYPING_PAUSE_MS);
    });

    form.addEventListener("focusout", function (event) {
      const question = questionOf(event.target);
      if (question && isTextQuestion(question)) {
        commit(question);
      }
    });

    // Enter in a field would submit the whole quiz (the first button is
    // "Submit answers"). Here it only saves that answer.
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || event.target.tagName !== "INPUT") {
        return;
      }
      event.preventDefault();
      const question = questionOf(event.target);
      if (question) {
        commit(question);
      }
    });

    /* -- Sending the queue ---------------------------------------------------- */

    let inflight = null;
    let again = false;
    let retryTimer = null;
    let retryDelay = RETRY_FIRST_MS;
    let onDeadlineChange = null; // set by the countdown

    function csrfToken() {
      // The cookie is the fresher: logging in again in another tab rotates it.
      const input = form.querySelector('input[name="csrfmiddlewaretoken"]');
      return readCookie("csrftoken") || (input ? input.value : "");
    }

    // A same-origin POST that gives up after `timeoutMs`; `read` reads the
    // response before the timer stops.
    async function postWithin(url, timeoutMs, options, read) {
      const controller = window.AbortController ? new AbortController() : null;
      const timer = controller
        ? setTimeout(function () {
            controller.abort();
          }, timeoutMs)
        : null;
      try {
        const response = await fetch(
          url,
          Object.assign({ method: "POST", credentials: "same-origin" }, options, {
            signal: controller ? controller.signal : undefined,
          })
        );
        return await read(response);
      } finally {
        if (timer) {
          clearTimeout(timer);
        }
      }
    }

    // The server is there but cannot answer now (its database restarting, a
    // proxy in front timing out): nothing was saved, so send it again later.
    function isBusy(status) {
      return status === 502 || status === 503 || status === 504;
    }

    // Milliseconds from a Retry-After header in seconds, or 0.
    function retryAfter(response) {
      const seconds = parseInt(response.headers.get("Retry-After") || "", 10);
      return seconds > 0 ? seconds * 1000 : 0;
    }

    function post(answers) {
      const options = {
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": csrfToken(),
        },
        body: JSON.stringify({ answers: answers }),
      };
      return postWithin(autosaveUrl, REQUEST_TIMEOUT_MS, options, async function (response) {
        let data = null;
        // A login page (session expired) comes back as HTML: not a reply.
        if ((response.headers.get("Content-Type") || "").indexOf("application/json") !== -1) {
          try {
            data = await response.json();
          } catch (error) {
            data = null;
          }
        }
        return {
          status: response.status,
          data: data,
          date: response.headers.get("Date"),
          retryAfter: retryAfter(response),
        };
      });
    }

    function acknowledge(saved) {
      saved.forEach(function (item) {
        if (!item || typeof item.question !== "string") {
          return;
        }
        const revision = Number(item.revision) || 0;
        const entry = pending[item.question];
        if (entry && entry.revision <= revision) {
          delete pending[item.question];
        }
        const question = byKey[item.question];
        // Another tab saved a newer answer: count on from there.
        if (question && question.revision < revision) {
          question.revision = revision;
        }
      });
      persist();
    }

    // The server could not read one answer: find it, drop it, keep the rest.
    async function sendOneByOne(batch) {
      let dropped = false;
      for (const item of batch) {
        const reply = await post([item]);
        if (reply.status === 200 && reply.data && Array.isArray(reply.data.saved)) {
          acknowledge(reply.data.saved);
        } else if (reply.status === 409) {
          handleClosed();
          return false;
        } else if (reply.status === 400) {
          const entry = pending[item.question];
          if (entry && entry.revision === item.revision) {
            delete pending[item.question];
          }
          dropped = true;
        } else {
          throw new Error("autosave failed: " + reply.status);
        }
      }
      persist();
      if (dropped) {
        showError();
      }
      return !dropped;
    }

    // The next wait of the backoff, spread so that phones do not retry together.
    function nextWait(atLeast) {
      const wait = retryDelay * (1 - RETRY_SPREAD / 2 + Math.random() * RETRY_SPREAD);
      retryDelay = Math.min(Math.round(retryDelay * 1.5), RETRY_MAX_MS);
      return Math.max(Math.round(wait), atLeast || 0);
    }

    function scheduleRetry(atLeast) {
      if (retryTimer || closed) {
        return;
      }
      retryTimer = setTimeout(function () {
        retryTimer = null;
        flush();
      }, nextWait(atLeast));
    }

    function resetRetry() {
      if (retryTimer) {
        clearTimeout(retryTimer);
        retryTimer = null;
      }
      retryDelay = RETRY_FIRST_MS;
    }

    // One request with everything queued. True when the server has it all.
    async function sendPending() {
      const batch = Object.keys(pending).map(function (key) {
        return pending[key];
      });
      if (!batch.length) {
        return true;
      }
      if (navigator.onLine === false) {
        showOffline();
        scheduleRetry();
        return false;
      }
      showSaving();
      let reply;
      try {
        reply = await post(batch);
        if (reply.status === 400 && batch.length > 1) {
          const ok = await sendOneByOne(batch);
          resetRetry();
          if (ok && !hasPending()) {
            showSaved();
          }
          return ok;
        }
      } catch (error) {
        // No connection, a timeout, or the server gone: keep the queue.
        showOffline();
        scheduleRetry();
        return false;
      }
      if (reply.status === 200 && reply.data && Array.isArray(reply.data.saved)) {
        acknowledge(reply.data.saved);
        resetRetry();
        if (onDeadlineChange) {
          onDeadlineChange(reply.data.deadline, reply.date);
        }
        if (!hasPending()) {
          showSaved();
        }
        return true;
      }
      if (reply.status === 409) {
        handleClosed();
        return false;
      }
      if (isBusy(reply.status)) {
        showOffline();
        scheduleRetry(reply.retryAfter);
        return false;
      }
      if (reply.status === 400) {
        // A single answer the server cannot read would block the queue forever.
        const entry = pending[batch[0].question];
        if (entry && entry.revision === batch[0].revision) {
          delete pending[batch[0].question];
          persist();
        }
        showError();
        return false;
      }
      // Logged out, a refused token, a server error: try again later.
      showError();
      scheduleRetry();
      return false;
    }

    async function runFlush() {
      let ok = true;
      let rounds = 0;
      do {
        again = false;
        ok = await sendPending();
        rounds += 1;
      } while (ok && !closed && (again || hasPending()) && rounds < 5);
      if (ok && hasPending()) {
        scheduleRetry();
      }
      refreshDialog();
      return !hasPending();
    }

    // Sends the queue; resolves true when nothing is left unsent.
    function flush() {
      if (closed) {
        return Promise.resolve(!hasPending());
      }
      if (inflight) {
        again = true;
        return inflight;
      }
      inflight = runFlush().then(
        function (result) {
          inflight = null;
          return result;
        },
        function () {
          inflight = null;
          return false;
        }
      );
      return inflight;
    }

    window.addEventListener("online", function () {
      resetRetry();
      if (hasPending()) {
        flush();
      } else if (lastOutcome === "offline") {
        if (everSaved) {
          // Nothing was waiting: the last save still holds (no new time).
          lastOutcome = "saved";
          showStatus("saved", message("saved"));
        } else {
          lastOutcome = "";
          showStatus("", "");
        }
      }
    });

    window.addEventListener("offline", function () {
      if (!closed) {
        showOffline();
      }
    });

    /* -- Submitting ------------------------------------------------------------ */

    let submitted = false;

    // Readies the confirmed submit, once: a fresh token, no second tap.
    function prepareConfirm() {
      submitted = true;
      const token = csrfToken();
      const input = confirmForm.querySelector('input[name="csrfmiddlewaretoken"]');
      if (input && token) {
        input.value = token;
      }
      if (confirmButton) {
        confirmButton.disabled = true;
        confirmButton.setAttribute("aria-disabled", "true");
      }
      if (submitButton) {
        submitButton.disabled = true;
      }
    }

    function submitConfirmed() {
      if (submitted || !confirmForm) {
        return;
      }
      prepareConfirm();
      sendSubmit();
    }

    // Sends the confirmed submit until the server has it (see the top of this
    // file). The phone keeps its queue until then, in case of a reload.
    async function sendSubmit() {
      const body = new FormData(confirmForm);
      for (;;) {
        let response = null;
        try {
          response = await postWithin(
            confirmForm.action,
            SUBMIT_TIMEOUT_MS,
            { body: body, redirect: "manual" },
            function (reply) {
              return reply;
            }
          );
        } catch (error) {
          response = null; // no connection, or no answer in time
        }
        if (response && response.type === "opaqueredirect") {
          forgetStored();
          window.location.replace(form.action); // the server sends it on to the result
          return;
        }
        if (response && !isBusy(response.status)) {
          confirmForm.submit(); // the server's own page says what is wrong
          return;
        }
        if (dialog && dialog.open) {
          dialog.close(); // uncover the status line, which says why
        }
        showOffline();
        await delay(nextWait(response ? retryAfter(response) : 0));
      }
    }

    function handleClosed() {
      if (closed) {
        return;
      }
      closed = true;
      resetRetry();
      pending = {};
      lastOutcome = "closed";
      showStatus("closed", message("closed"));
      questions.forEach(function (question) {
        question.fieldset.disabled = true;
      });
      if (stopCountdown) {
        stopCountdown();
      }
      submitConfirmed();
    }

    function unanswered() {
      return questions.filter(function (question) {
        return !isAnswered(readResponse(question));
      });
    }

    function refreshDialog() {
      if (!dialog || !dialog.open) {
        return;
      }
      const unsent = dialog.querySelector("[data-confirm-unsent]");
      if (unsent) {
        unsent.hidden = !hasPending();
      }
      if (confirmButton) {
        const label = message("submit-saved");
        confirmButton.textContent = hasPending() && label ? label : confirmButtonText;
      }
    }

    function fillDialog() {
      const missing = unanswered();
      const all = dialog.querySelector("[data-confirm-all]");
      const missingBox = dialog.querySelector("[data-confirm-missing]");
      const list = dialog.querySelector("[data-confirm-list]");
      if (all) {
        all.hidden = missing.length > 0;
      }
      if (missingBox) {
        missingBox.hidden = missing.length === 0;
      }
      if (list) {
        while (list.firstChild) {
          list.removeChild(list.firstChild);
        }
        const word = message("question");
        missing.forEach(function (question) {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = "#" + question.fieldset.id;
          link.textContent = (word ? word + " " : "") + question.number;
          link.setAttribute("data-confirm-go", question.key);
          item.appendChild(link);
          list.appendChild(item);
        });
      }
    }

    function openDialog() {
      fillDialog();
      dialog.showModal();
      refreshDialog();
      // Start reading at the dialog's title, not at its first link.
      const heading = dialog.querySelector("h2");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }

    let preparing = false;

    async function startSubmit() {
      if (preparing || submitted || closed) {
        return;
      }
      preparing = true;
      if (submitButton) {
        submitButton.setAttribute("aria-busy", "true");
      }
      try {
        commitTyping();
        if (hasPending()) {
          await within(flush(), SUBMIT_WAIT_MS, false);
        }
        if (!closed) {
          openDialog();
        }
      } finally {
        preparing = false;
        if (submitButton) {
          submitButton.removeAttribute("aria-busy");
        }
      }
    }

    async function saveNow() {
      commitTyping();
      if (!hasPending()) {
        if (navigator.onLine === false) {
          showOffline();
        } else {
          showSaved();
        }
        return;
      }
      resetRetry();
      await flush();
    }

    // Chrome before 81 has no event.submitter: remember the button pressed,
    // also one outside the form that belongs to it (form="attempt-form").
    let lastButton = null;
    document.addEventListener("click", function (event) {
      const button = event.target.closest ? event.target.closest("button") : null;
      lastButton = button && button.form === form ? button : null;
    });

    form.addEventListener("submit", function (event) {
      const submitter = event.submitter || lastButton;
      lastButton = null;
      if (submitter && submitter.hasAttribute("data-save-button")) {
        // After an error the plain form is the surer way: let it post.
        if (lastOutcome === "error") {
          return;
        }
        event.preventDefault();
        saveNow();
        return;
      }
      if (!submitter || submitter.hasAttribute("data-submit-button")) {
        if (!canUseDialog) {
          return; // the server asks for confirmation instead
        }
        event.preventDefault();
        startSubmit();
      }
      // Other buttons (the server's "Submit anyway") post the form as it is.
    });

    if (canUseDialog) {
      confirmForm.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!submitted) {
          prepareConfirm();
          sendSubmit();
        }
      });

      const cancel = dialog.querySelector("[data-confirm-cancel]");
      if (cancel) {
        cancel.addEventListener("click", function () {
          dialog.close();
        });
      }

      // A link to an unanswered question closes the dialog and goes there.
      dialog.addEventListener("click", function (event) {
        const link = event.target.closest ? event.target.closest("[data-confirm-go]") : null;
        if (!link) {
          return;
        }
        const question = byKey[link.getAttribute("data-confirm-go")];
        dialog.close();
        if (!question) {
          return;
        }
        event.preventDefault();
        question.fieldset.scrollIntoView({ block: "start" });
        if (window.history && window.history.replaceState) {
          window.history.replaceState(null, "", "#" + question.fieldset.id);
        }
        const field = question.fieldset.querySelector("input, select, textarea");
        if (field) {
          field.focus({ preventScroll: true });
        }
      });

      dialog.addEventListener("close", function () {
        if (!submitted && submitButton && document.activeElement === document.body) {
          submitButton.focus();
        }
      });
    }

    /* -- Countdown ------------------------------------------------------------ */

    let stopCountdown = null;

    function startCountdown() {
      const display = document.querySelector("[data-countdown]");
      let deadline = parseIso(form.getAttribute("data-deadline"));
      const serverNow = parseIso(form.getAttribute("data-server-now"));
      if (!display || isNaN(deadline) || isNaN(serverNow) || !window.performance) {
        return;
      }
      const box = display.parentElement || display;
      const announcer = document.createElement("span");
      announcer.className = "visually-hidden";
      announcer.setAttribute("aria-live", "polite");
      announcer.setAttribute("data-time-announcer", "");
      box.appendChild(announcer);

      // Counted from when the server's reply arrived, if the browser knows.
      let origin = performance.now();
      const navigation =
        performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
      if (navigation && navigation.responseStart > 0 && navigation.responseStart <= origin) {
        origin = navigation.responseStart;
      }
      let remainingAtOrigin = deadline - serverNow;
      let timer = null;
      let previous = null;
      let expired = false;

      function remaining() {
        return remainingAtOrigin - (performance.now() - origin);
      }

      function announce(name) {
        const text = message(name);
        if (text) {
          announcer.textContent = text;
        }
      }

      function expire() {
        if (expired) {
          return;
        }
        expired = true;
        showStatus("closed", message("closed"));
        timeUp = true;
        commitTyping();
        within(flush(), DEADLINE_WAIT_MS, false).then(function () {
          if (!closed) {
            handleClosed();
          }
        });
      }

      function tick() {
        timer = null;
        const left = remaining();
        const seconds = Math.max(0, Math.ceil(left / 1000));
        display.textContent = formatRemaining(seconds);
        box.classList.toggle("is-low", seconds <= LOW_SECONDS && seconds > URGENT_SECONDS);
        box.classList.toggle("is-urgent", seconds <= URGENT_SECONDS);
        if (previous !== null) {
          if (previous > LOW_SECONDS && seconds <= LOW_SECONDS && seconds > URGENT_SECONDS) {
            announce("time-5");
          } else if (previous > URGENT_SECONDS && seconds <= URGENT_SECONDS && seconds > 0) {
            announce("time-1");
          }
        }
        previous = seconds;
        if (left <= 0) {
          expire();
          return;
        }
        // Wake when the shown second changes.
        timer = setTimeout(tick, left - (seconds - 1) * 1000 + 20);
      }

      function restart() {
        if (timer) {
          clearTimeout(timer);
        }
        if (!expired) {
          tick();
        }
      }

      stopCountdown = function () {
        expired = true;
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
      };

      // An organiser may move the deadline; a page from the cache may be old.
      onDeadlineChange = function (iso, dateHeader) {
        const moved = parseIso(iso);
        if (!isNaN(moved) && moved !== deadline) {
          remainingAtOrigin += moved - deadline;
          deadline = moved;
        }
        // The reply's Date is before the true "now", so the time it leaves is
        // an upper bound: only ever shorten the countdown with it.
        const serverDate = Date.parse(dateHeader || "");
        if (!isNaN(serverDate)) {
          const most = deadline - serverDate;
          if (remaining() > most + CLOCK_DRIFT_MS) {
            remainingAtOrigin -= remaining() - most;
          }
        }
        restart();
      };

      // Timers sleep in a background tab or a locked phone.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") {
          restart();
        }
      });
      window.addEventListener("pageshow", restart);

      tick();
    }

    /* -- Start ------------------------------------------------------------------ */

    // Answers queued before a reload or a lost connection, newer than the
    // server's copy, go back into the fields and are sent again.
    const stored = loadStored();
    Object.keys(stored).forEach(function (key) {
      const entry = stored[key];
      const question = byKey[key];
      if (!question || !entry || typeof entry.revision !== "number") {
        return;
      }
      if (entry.revision <= question.revision) {
        return; // the server has this answer, or a newer one
      }
      writeResponse(question, entry.response);
      question.revision = entry.revision;
      const response = readResponse(question);
      question.last = JSON.stringify(response);
      pending[key] = { question: key, response: response, revision: entry.revision };
    });
    persist();
    const answeredAtLoad = updateProgress();

    if (form.hasAttribute("data-deadline")) {
      startCountdown();
    }

    // Questions jumped to (navigator, dialog) land below the sticky bar,
    // whose height changes with the status it shows (quiz.css reads this).
    const bar = form.querySelector(".attempt__bar");
    if (bar && window.ResizeObserver) {
      new ResizeObserver(function () {
        form.style.setProperty("--attempt-bar-height", bar.offsetHeight + "px");
      }).observe(bar);
    }

    // A submit that reached the server before this script ran comes back
    // with the server's own confirmation notice: start reading there.
    const serverConfirm = document.getElementById("confirm-unanswered");
    if (serverConfirm) {
      serverConfirm.focus();
    }

    if (hasPending()) {
      flush();
    } else if (navigator.onLine === false) {
      showOffline();
    } else if (answeredAtLoad > 0) {
      // What the server rendered is saved, by definition (no time: not just now).
      everSaved = true;
      lastOutcome = "saved";
      showStatus("saved", message("saved"));
    }

    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) {
        return;
      }
      if (submitted) {
        // "Back" after submitting: the server shows the result instead.
        window.location.reload();
      } else if (hasPending()) {
        flush();
      }
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && hasPending()) {
        resetRetry();
        flush();
      }
    });
  }

  function init() {
    const form = document.querySelector("form#attempt-form[data-attempt]");
    if (!form || !window.fetch || !window.Promise || !form.closest) {
      return;
    }
    initAttempt(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
