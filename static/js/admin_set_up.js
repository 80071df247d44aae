/*
 * Starts Wagtail's admin widgets whose set-up Wagtail would write as an inline
 * script, which the Content-Security-Policy refuses (lms/core/admin_scripts.py).
 * Each such widget leaves <span data-lms-set-up="CALL" data-lms-args="[...]">;
 * CALL is "initDateChooser" (a function) or "new InlinePanel" (a constructor).
 * Only Wagtail's date pickers, task chooser, InlinePanel and *Chooser classes
 * may be called. Widgets an InlinePanel adds later are started as they appear.
 */
(() => {
  'use strict';

  const FUNCTIONS = new Set([
    'initDateChooser',
    'initTimeChooser',
    'initDateTimeChooser',
    'createTaskChooser',
  ]);
  const isConstructor = (name) => name === 'InlinePanel' || /^[A-Za-z]+Chooser$/.test(name);

  function setUp(element) {
    const call = element.dataset.lmsSetUp;
    element.removeAttribute('data-lms-set-up'); // once, whatever happens
    const args = JSON.parse(element.dataset.lmsArgs);
    const constructorName = call.startsWith('new ') ? call.slice(4) : null;
    const name = constructorName || call;
    const target = window[name];
    if (typeof target !== 'function') {
      console.error(`admin_set_up: ${name} is not loaded on this page`);
      return;
    }
    if (constructorName && isConstructor(name)) {
      // eslint-disable-next-line no-new, new-cap
      new target(...args);
    } else if (!constructorName && FUNCTIONS.has(name)) {
      target(...args);
    } else {
      console.error(`admin_set_up: ${call} is not allowed`);
    }
  }

  function setUpWithin(root) {
    if (root.matches('[data-lms-set-up]')) setUp(root);
    root.querySelectorAll('[data-lms-set-up]').forEach(setUp);
  }

  setUpWithin(document.documentElement);
  new MutationObserver((records) => {
    records.forEach((record) => {
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) setUpWithin(node);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
