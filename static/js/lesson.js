/* Lesson page, progressive enhancement: every part works without this file.
 *
 * - The outline ("In this course") opens by itself on wide screens, where it sits beside the
 *   text; a phone keeps it closed above the lesson.
 * - Knowledge checks are marked in place, without a round trip (without scripts "Check" asks
 *   the server, which shows the page again marked). Nothing is sent or stored.
 * - Checklist ticks are remembered in this browser (localStorage, one entry per lesson and
 *   language-independent), and the checklist's note says so.
 */
(function () {
  "use strict";

  var WIDE = "(min-width: 60rem)";
  var STORAGE_PREFIX = "frontline:checklist:";

  function enhanceOutline() {
    var outline = document.querySelector("[data-lesson-outline]");
    if (!outline) return;
    outline.setAttribute("data-enhanced", "");
    if (window.matchMedia && window.matchMedia(WIDE).matches) outline.open = true;
  }

  function show(element, visible) {
    if (element) element.hidden = !visible;
  }

  function markCheck(section) {
    var chosen = section.querySelector("input[type=radio]:checked");
    var choices = section.querySelectorAll(".kc-choice");
    var answered = Boolean(chosen);
    var correct = answered && chosen.closest(".kc-choice").hasAttribute("data-correct");
    choices.forEach(function (choice) {
      var isChosen = answered && choice.contains(chosen);
      var isCorrect = choice.hasAttribute("data-correct");
      choice.classList.toggle("is-chosen", isChosen);
      choice.classList.toggle("is-correct", answered && isCorrect);
      show(choice.querySelector(".kc-mark-right"), answered);
      show(choice.querySelector(".kc-mark-wrong"), isChosen && !isCorrect);
    });
    section.classList.toggle("is-answered", answered);
    show(section.querySelector(".kc-verdict-right"), correct);
    show(section.querySelector(".kc-verdict-wrong"), answered && !correct);
    show(section.querySelector(".kc-verdict-missing"), !answered);
    show(section.querySelector(".kc-explanation"), answered);
  }

  function enhanceChecks() {
    document.querySelectorAll("[data-knowledge-check]").forEach(function (section) {
      var form = section.querySelector("form");
      if (!form) return;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        markCheck(section);
      });
    });
  }

  function storage() {
    try {
      var probe = STORAGE_PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage switched off: ticks last as long as the page
    }
  }

  function enhanceChecklists() {
    var lesson = document.querySelector("[data-lesson]");
    var store = storage();
    if (!lesson || !store) return;
    var key = STORAGE_PREFIX + lesson.getAttribute("data-lesson");
    var ticked = {};
    try {
      ticked = JSON.parse(store.getItem(key) || "{}") || {};
    } catch (error) {
      ticked = {};
    }

    function save() {
      var any = Object.keys(ticked).length > 0;
      if (any) store.setItem(key, JSON.stringify(ticked));
      else store.removeItem(key);
    }

    document.querySelectorAll("[data-checklist]").forEach(function (list) {
      var boxes = list.querySelectorAll("input[data-checklist-item]");
      boxes.forEach(function (box) {
        box.checked = Boolean(ticked[box.id]);
        box.addEventListener("change", function () {
          if (box.checked) ticked[box.id] = 1;
          else delete ticked[box.id];
          save();
        });
      });
      show(list.querySelector("[data-checklist-note-plain]"), false);
      show(list.querySelector("[data-checklist-note-saved]"), true);
      var clear = list.querySelector("[data-checklist-clear]");
      if (clear) {
        clear.addEventListener("click", function () {
          boxes.forEach(function (box) {
            box.checked = false;
            delete ticked[box.id];
          });
          save();
        });
      }
    });
  }

  enhanceOutline();
  enhanceChecks();
  enhanceChecklists();
})();
