// The error summary after a failed submit (templates/includes/form_fields.html). Without this
// file the summary still works: autofocus moves the focus to it and its links jump to the
// fields. This makes sure the focus lands on it in every browser, and makes a link focus its
// field with the field's label in view (a bare jump to the input hides the label above it).
(function () {
  "use strict";

  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary || summary.dataset.errorSummaryReady) {
      return;
    }
    summary.dataset.errorSummaryReady = "1";
    // Never take the focus from a field the user has already moved to.
    var active = document.activeElement;
    if (!active || active === document.body) {
      summary.focus();
    }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var input = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!input) {
        return;
      }
      event.preventDefault();
      var field = input.closest(".field") || input;
      field.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
