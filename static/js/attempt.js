// The attempt page, enhanced: answers are saved on every change, and the time left counts down.
// Without this script the page still works: the buttons save (and submit) the form, and the
// time left is a sentence exact when the page was served.
(function () {
  "use strict";

  var form = document.querySelector("form.assessment-form[data-save-url]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var saveUrl = form.getAttribute("data-save-url");
  var status = form.querySelector("[data-save-status]");
  var SAVE_DELAY_MS = 400; // a run of clicks (several boxes ticked) is saved once
  var timer = null;
  var inFlight = false;
  var dirty = false; // changes not yet saved
  var submitting = false;

  function setStatus(text) {
    if (status && text) {
      status.textContent = text;
    }
  }

  function save() {
    timer = null;
    if (submitting) {
      return;
    }
    if (inFlight) {
      dirty = true; // saved again when the save under way answers: the newest answers win
      return;
    }
    inFlight = true;
    dirty = false;
    setStatus(status && status.getAttribute("data-saving"));
    fetch(saveUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      keepalive: true, // a save under way when the trainee follows a link still arrives
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { response: response, data: data };
        });
      })
      .then(function (answer) {
        if (answer.response.status === 409 && answer.data.url) {
          // Submitted in another tab, or the time is up: the result says what was graded.
          submitting = true;
          window.location.assign(answer.data.url);
          return;
        }
        if (!answer.response.ok) {
          throw new Error("save refused: " + answer.response.status);
        }
        setStatus(answer.data.message);
        if (typeof answer.data.seconds_left === "number") {
          clock.resync(answer.data.seconds_left);
        }
      })
      .catch(function () {
        dirty = true;
        setStatus(status && status.getAttribute("data-failed"));
      })
      .then(function () {
        inFlight = false;
        if (dirty && !submitting && !timer) {
          timer = window.setTimeout(save, SAVE_DELAY_MS);
        }
      });
  }

  function scheduleSave() {
    dirty = true;
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, SAVE_DELAY_MS);
  }

  form.addEventListener("change", function (event) {
    if (event.target && event.target.name && event.target.name.indexOf("q-") === 0) {
      scheduleSave();
    }
  });
  form.addEventListener("submit", function () {
    submitting = true; // the form's own request saves (or grades) the answers now
    if (timer) {
      window.clearTimeout(timer);
    }
  });
  window.addEventListener("online", function () {
    if (dirty && !timer) {
      scheduleSave();
    }
  });
  // Leaving with a change not yet saved (the phone locks, the tab closes): send it on the way out.
  window.addEventListener("pagehide", function () {
    if (dirty && !submitting && navigator.sendBeacon) {
      navigator.sendBeacon(saveUrl, new FormData(form));
      dirty = false;
    }
  });

  var clock = (function () {
    var box = document.querySelector(".attempt-clock[data-seconds-left]");
    var noop = { resync: function () {} };
    if (!box) {
      return noop;
    }
    var left = parseInt(box.getAttribute("data-seconds-left"), 10);
    if (isNaN(left)) {
      return noop;
    }
    var value = box.querySelector(".attempt-clock-value");
    var announcer = document.querySelector("[data-clock-announce]");
    var staticLine = document.querySelector(".attempt-timer-static");
    // The end as this browser's monotonic clock sees it: sleep, a slow tick or a wrong
    // system clock never make the count drift from the server's seconds.
    var end = performance.now() + left * 1000;
    var lastShown = left;
    var warnings = [
      { at: 300, text: box.getAttribute("data-warn-5") },
      { at: 60, text: box.getAttribute("data-warn-1") },
    ];
    var finished = false;

    function pad(n) {
      return (n < 10 ? "0" : "") + n;
    }

    function format(seconds) {
      var h = Math.floor(seconds / 3600);
      var m = Math.floor((seconds % 3600) / 60);
      var s = seconds % 60;
      return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
    }

    function announce(text) {
      if (announcer && text) {
        announcer.textContent = text;
      }
    }

    function timeUp() {
      finished = true;
      announce(box.getAttribute("data-time-up"));
      if (submitting) {
        return;
      }
      submitting = true;
      if (timer) {
        window.clearTimeout(timer);
      }
      // The time is up: submit what is on the page, blanks and all (the server grades the
      // saved answers instead if this arrives after the grace it allows).
      var confirm = document.createElement("input");
      confirm.type = "hidden";
      confirm.name = "confirm";
      confirm.value = "1";
      form.appendChild(confirm);
      form.submit();
    }

    function tick() {
      var now = Math.max(0, Math.ceil((end - performance.now()) / 1000));
      value.textContent = format(now);
      warnings.forEach(function (warning) {
        // Only the moment the line is crossed: a page opened with 3 minutes left says nothing
        // about five minutes, and a resync never repeats a warning.
        if (lastShown > warning.at && now <= warning.at) {
          announce(warning.text);
        }
      });
      box.classList.toggle("is-urgent", now <= 300);
      lastShown = now;
      if (now === 0) {
        if (!finished) {
          timeUp();
        }
        return;
      }
      window.setTimeout(tick, ((end - performance.now()) % 1000) + 20);
    }

    box.hidden = false;
    if (staticLine) {
      staticLine.hidden = true;
    }
    lastShown = left + 1;
    tick();
    return {
      resync: function (seconds) {
        end = performance.now() + seconds * 1000;
      },
    };
  })();
})();
