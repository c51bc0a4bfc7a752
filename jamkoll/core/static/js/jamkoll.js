// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  function focusErrorSummary() {
    var summary = document.querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", focusErrorSummary);
  document.addEventListener("htmx:afterSwap", focusErrorSummary);
  // Confirmation for destructive buttons marked with data-confirm.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.dataset.confirm) || event.target.dataset.confirm;
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });
  // A status box that refreshes itself (hx-trigger="every 2s") is not the user being
  // active: mark its requests so the idle timeout (core/sessions.py) ignores them.
  document.addEventListener("htmx:configRequest", function (event) {
    var trigger = event.detail.elt && event.detail.elt.getAttribute("hx-trigger");
    if (trigger && /^\s*every\s/.test(trigger)) { event.detail.headers["X-Jamkoll-Poll"] = "1"; }
  });
  // Auto-submit selects marked data-autosubmit (the organisation switcher keeps its button).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-autosubmit]")) { event.target.form.requestSubmit(); }
  });
})();
