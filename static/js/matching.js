/*
 * SIKAP Jakarta Pusat — matching questions on a phone. Plain ES2017, no
 * libraries; loaded with defer by quizzes/templates/quizzes/attempt.html, on
 * the attempt page and the editor's preview alike.
 *
 * A closed <select> shows one line, cut off at the edge of a 360 px screen.
 * When the chosen match is longer than the select can show, it is written out
 * in full under it ([data-matching-chosen], hidden otherwise). It is there for
 * the eye only (aria-hidden): a screen reader reads the whole option from the
 * select. It follows the select's input event, which quiz.js also sends when
 * it puts back answers kept on the phone, and the width of the screen.
 */
(function () {
  "use strict";

  const SELECT = "select[data-matching-prompt]";
  let canvas = null;

  function textWidth(text, style) {
    canvas = canvas || document.createElement("canvas").getContext("2d");
    canvas.font = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(" ");
    return canvas.measureText(text).width;
  }

  function showChosen(select) {
    const chosen = select.parentNode.querySelector("[data-matching-chosen]");
    if (!chosen) {
      return;
    }
    const option = select.options[select.selectedIndex];
    const text = option && option.value ? option.text : "";
    const style = window.getComputedStyle(select);
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    chosen.textContent = text;
    chosen.hidden = !text || textWidth(text, style) <= room;
  }

  function showAll() {
    document.querySelectorAll(SELECT).forEach(showChosen);
  }

  function followChoice(event) {
    if (event.target.matches && event.target.matches(SELECT)) {
      showChosen(event.target);
    }
  }

  function init() {
    showAll();
    document.addEventListener("input", followChoice);
    document.addEventListener("change", followChoice);
    window.addEventListener("resize", showAll);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
