// Behaviour Flask-Admin writes as inline handlers, bound here instead so that the
// Content-Security-Policy can forbid inline scripts.
document.addEventListener("click", function (event) {
  var confirmed = event.target.closest("[data-confirm]");
  if (confirmed && !window.confirm(confirmed.getAttribute("data-confirm"))) {
    event.preventDefault();
    return;
  }
  var action = event.target.closest("[data-model-action]");
  if (action && window.modelActions) {
    event.preventDefault();
    window.modelActions.execute(action.getAttribute("data-model-action"));
  }
});
