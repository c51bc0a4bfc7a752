// The main menu's groups as disclosure buttons (the WAI-ARIA disclosure navigation
// pattern). Without this file every group simply shows its links.
(function () {
  "use strict";
  function setup() {
    var nav = document.querySelector(".main-nav");
    if (!nav) { return; }
    var groups = [];
    function setOpen(group, open) {
      group.button.setAttribute("aria-expanded", open ? "true" : "false");
      group.list.hidden = !open;
    }
    Array.prototype.forEach.call(nav.querySelectorAll("[data-nav-group]"), function (element) {
      var heading = element.querySelector(".main-nav__heading");
      var list = element.querySelector(".main-nav__list");
      if (!heading || !list) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "main-nav__button";
      button.id = heading.id;
      button.textContent = heading.textContent;
      button.setAttribute("aria-controls", list.id);
      if (heading.hasAttribute("aria-current")) {
        button.setAttribute("aria-current", heading.getAttribute("aria-current"));
      }
      heading.replaceWith(button);
      var group = { element: element, button: button, list: list };
      setOpen(group, false);
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        groups.forEach(function (other) { setOpen(other, false); });
        setOpen(group, open);
      });
      // Leaving a group with the keyboard closes it.
      element.addEventListener("focusout", function (event) {
        if (!event.relatedTarget || !element.contains(event.relatedTarget)) { setOpen(group, false); }
      });
      groups.push(group);
    });
    if (!groups.length) { return; }
    nav.classList.add("main-nav--js");
    // Escape closes the open group and returns focus to its button.
    nav.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      groups.forEach(function (group) {
        if (group.button.getAttribute("aria-expanded") === "true") {
          setOpen(group, false);
          group.button.focus();
        }
      });
    });
    // A click elsewhere on the page closes any open group.
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) { groups.forEach(function (group) { setOpen(group, false); }); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
