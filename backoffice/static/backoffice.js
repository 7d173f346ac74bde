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

// Day and month names and the first day of the week for the date picker, in the page's
// language (given by the server from Babel; moment.js ships English only).
(function () {
  var data = document.getElementById("calendar-data");
  if (!data || !window.moment) {
    return;
  }
  var calendar = JSON.parse(data.getAttribute("data-calendar"));
  window.moment.updateLocale("en", {
    weekdaysMin: calendar.weekdaysMin,
    monthsShort: calendar.monthsShort,
    week: { dow: calendar.firstDay, doy: 4 },
  });
})();
