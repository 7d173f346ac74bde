// Behaviour Flask-Admin writes as inline handlers, bound here instead so that the
// Content-Security-Policy can forbid inline scripts.
window.addEventListener("click", function (event) {
  var confirmed = event.target.closest("[data-confirm]");
  if (confirmed && !window.confirm(confirmed.getAttribute("data-confirm"))) {
    event.preventDefault();
    return;
  }
  // Flask-Admin's menu toggles and filter links point nowhere (javascript: URLs, which
  // the policy refuses to run): their own scripts act on the click; the link must not.
  if (event.target.closest('a.filter, a[href^="javascript:"]')) {
    event.preventDefault();
  }
  var action = event.target.closest("[data-model-action]");
  if (action && window.modelActions) {
    event.preventDefault();
    window.modelActions.execute(action.getAttribute("data-model-action"));
  }
}, true); // capture: decided before any other handler, whatever it does with the event

// Date fields are plain text, typed as the page's language writes dates (31/12/2026,
// 31.12.2026) and never rewritten while typed. The calendar button opens the browser's
// own date picker, which gives back a whole date, written into the field in that format.
(function () {
  function pad(number) {
    return String(number).padStart(2, "0");
  }
  function asIso(text, separator) {
    var parts = text.trim().split(separator);
    if (parts.length !== 3 || parts[2].length !== 4) {
      return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : "";
    }
    return parts[2] + "-" + pad(parts[1]) + "-" + pad(parts[0]);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".date-calendar");
    if (!button) {
      return;
    }
    var field = document.getElementById(button.getAttribute("data-date-for"));
    var picker = button.parentNode.querySelector(".date-calendar-picker");
    if (!field || !picker || !picker.showPicker) {
      field && field.focus();
      return;
    }
    picker.value = asIso(field.value, field.getAttribute("data-date-separator"));
    picker.onchange = function () {
      var parts = picker.value.split("-"); // always yyyy-mm-dd, whatever the browser's language
      if (parts.length === 3) {
        var separator = field.getAttribute("data-date-separator");
        field.value = parts[2] + separator + parts[1] + separator + parts[0];
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
      field.focus();
    };
    try {
      picker.showPicker();
    } catch (error) {
      field.focus(); // no picker here: typing always works
    }
  });
})();
