/*
 * SIKAP Jakarta Pusat — lesson page behaviour. Plain ES2017, no libraries;
 * load with <script src=".../js/lesson.js" defer>.
 *
 * 1. Video facades (lms/templates/lms/blocks/video_block.html): the page makes
 *    no request to YouTube or Vimeo until the participant presses "Play video";
 *    then the facade's screen is replaced by the player.
 * 2. Automatic "mark as done": when the end of the lesson ([data-lesson-end])
 *    scrolls into view, the completion form (form.lesson-completion
 *    [data-auto-complete]) is posted once in the background. On success the
 *    form gets .is-done and its status element reads the form's
 *    data-done-message. On any failure nothing changes: the button is still
 *    there to press.
 *
 * Everything here is an enhancement: without JavaScript the video block links
 * to the video and the form's button works as a normal form.
 */
(function () {
  "use strict";

  /* ------------------------------------------------------------------------
     1. Video facades
     ------------------------------------------------------------------------ */

  // Start playing on the same tap that loads the player (one tap, not two).
  function withAutoplay(url) {
    return url + (url.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
  }

  function loadPlayer(figure, screen) {
    const iframe = document.createElement("iframe");
    iframe.className = "lesson-video__player";
    iframe.src = withAutoplay(figure.getAttribute("data-video"));
    iframe.title = figure.getAttribute("data-video-title") || "";
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    // The site's own policy (Django's "same-origin") would send no referrer,
    // and YouTube's player refuses to play without one.
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");

    while (screen.firstChild) {
      screen.removeChild(screen.firstChild);
    }
    screen.classList.add("is-playing");
    screen.appendChild(iframe);
    // The button that had focus is gone: keep keyboard users on the video.
    iframe.focus();
  }

  function initVideo(figure) {
    const screen = figure.querySelector("[data-video-screen]");
    const button = figure.querySelector("[data-video-play]");
    if (!screen || !button || !figure.getAttribute("data-video")) {
      return;
    }
    screen.hidden = false;
    button.addEventListener(
      "click",
      function () {
        loadPlayer(figure, screen);
      },
      { once: true }
    );
  }

  /* ------------------------------------------------------------------------
     2. Automatic "mark as done" at the end of the lesson
     ------------------------------------------------------------------------ */

  async function postCompletion(form) {
    let data;
    try {
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        body: new FormData(form),
      });
      const type = response.headers.get("Content-Type") || "";
      // A login page (session expired) comes back as HTML: not a success.
      if (!response.ok || type.indexOf("application/json") === -1) {
        return;
      }
      data = await response.json();
    } catch (error) {
      return; // Offline or blocked: the button is still there.
    }
    if (!data || data.done !== true) {
      return;
    }
    form.removeAttribute("data-auto-complete");
    form.classList.add("is-done");
    const status = form.querySelector(".lesson-completion__status");
    const message = form.getAttribute("data-done-message");
    if (status && message) {
      status.textContent = message;
    }
    showProgress(data.progress);
  }

  // The module's progress under the form ("2 dari 4 materi selesai" and the
  // bar), as the server counted it after this lesson was marked.
  function showProgress(progress) {
    const box = document.querySelector("[data-module-progress]");
    if (!box || !progress) {
      return;
    }
    const label = box.querySelector(".progress__label");
    const bar = box.querySelector("progress");
    if (label && progress.label) {
      label.textContent = progress.label;
    }
    if (bar) {
      bar.max = progress.total;
      bar.value = progress.done;
    }
  }

  function initAutoComplete() {
    const form = document.querySelector("form.lesson-completion[data-auto-complete]");
    const end = document.querySelector("[data-lesson-end]");
    if (
      !form ||
      !end ||
      !form.getAttribute("action") ||
      !("IntersectionObserver" in window) ||
      !window.fetch ||
      !window.FormData
    ) {
      return;
    }

    let fired = false;
    const observer = new IntersectionObserver(function (entries) {
      if (fired) {
        return;
      }
      const seen = entries.some(function (entry) {
        return entry.isIntersecting;
      });
      if (!seen) {
        return;
      }
      fired = true;
      observer.disconnect();
      postCompletion(form);
    });

    // Pressing the button first (a normal submit) ends the automatic path.
    form.addEventListener("submit", function () {
      fired = true;
      observer.disconnect();
    });

    observer.observe(end);
  }

  /* ------------------------------------------------------------------------ */

  function init() {
    document.querySelectorAll("[data-video]").forEach(initVideo);
    initAutoComplete();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
