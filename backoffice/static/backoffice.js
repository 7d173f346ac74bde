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
    selectedRowsAction(action.getAttribute("data-model-action"), action.textContent.trim());
  }
}, true); // capture: decided before any other handler, whatever it does with the event

// An action on the selected rows ("With selected" → "Delete") asks in the page's own dialog:
// it says when no row is selected, and asks the action's question before sending it.
function selectedRowsAction(name, label) {
  var box = document.getElementById("action-dialog");
  if (!box || !box.showModal) {
    window.modelActions.execute(name); // an old browser: Flask-Admin's own boxes
    return;
  }
  var checked = document.querySelectorAll("input.action-checkbox:checked");
  var questions = JSON.parse(document.getElementById("actions-confirmation-data").textContent);
  var confirm = box.querySelector("[data-action-confirm]");
  var text = box.querySelector(".action-dialog-text");
  if (checked.length && !questions[name]) {
    sendAction(name, checked);
    return;
  }
  text.textContent = checked.length
    ? questions[name]
    : JSON.parse(document.getElementById("message-data").textContent);
  confirm.hidden = !checked.length;
  confirm.setAttribute("data-action-confirm", name);
  confirm.textContent = label; // the button says what it does: "Delete"
  box.showModal();
  box.querySelector("[data-action-cancel]").focus();
}

function sendAction(name, checked) {
  var form = document.getElementById("action_form");
  form.querySelector("#action").value = name;
  form.querySelectorAll("input.action-checkbox").forEach(function (old) { old.remove(); });
  checked.forEach(function (box) { form.appendChild(box.cloneNode()); });
  form.submit();
}

document.addEventListener("click", function (event) {
  var box = document.getElementById("action-dialog");
  if (!box || !box.open) {
    return;
  }
  var confirm = event.target.closest("[data-action-confirm]");
  if (event.target.closest("[data-action-cancel]")) {
    box.close();
  } else if (confirm) {
    box.close();
    sendAction(
      confirm.getAttribute("data-action-confirm"),
      document.querySelectorAll("input.action-checkbox:checked")
    );
  }
});

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

// Deleting a record is asked in the page's own dialog, which names the record and lists the
// records referring to it (read from the server when it opens). Without the dialog element
// (an old browser), the form is simply sent: the server still refuses what others depend on.
(function () {
  var opener = null;
  function dialog() {
    return document.getElementById("delete-dialog");
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-delete-record]");
    var box = dialog();
    if (!button || !box || !box.showModal) {
      return;
    }
    event.preventDefault();
    opener = button;
    var confirm = box.querySelector("[data-dialog-confirm]");
    var text = box.querySelector(".delete-dialog-text");
    var list = box.querySelector(".delete-dialog-dependents");
    box.querySelector("h2").textContent = box.getAttribute("data-title").replace(
      "%(record)s", button.getAttribute("data-delete-record")
    );
    text.textContent = box.getAttribute("data-loading");
    list.textContent = "";
    confirm.hidden = false;
    confirm.disabled = true;
    box.showModal();
    box.querySelector("[data-dialog-cancel]").focus();
    fetch(button.getAttribute("data-dependents"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { dependents: [] };
      })
      .catch(function () {
        return { dependents: [] };
      })
      .then(function (answer) {
        if (answer.dependents.length) {
          text.textContent = box.getAttribute("data-blocked");
          answer.dependents.forEach(function (line) {
            var item = document.createElement("li");
            item.textContent = line;
            list.appendChild(item);
          });
          confirm.hidden = true;
        } else {
          text.textContent = box.getAttribute("data-free");
          confirm.disabled = false;
          confirm.focus();
        }
      });
  }, true);
  document.addEventListener("click", function (event) {
    var box = dialog();
    if (!box || !box.open) {
      return;
    }
    if (event.target.closest("[data-dialog-cancel]")) {
      box.close();
    } else if (event.target.closest("[data-dialog-confirm]") && opener) {
      box.close();
      // The bin's own name and value go with the form: on a list, one form serves every
      // row and the bin that opened the dialog says which record to delete.
      opener.form.requestSubmit(opener);
    }
  });
  document.addEventListener("close", function (event) {
    if (event.target === dialog() && opener && document.body.contains(opener)) {
      opener.focus();
    }
  }, true);
})();

// Select2 draws its own controls, which do not carry the label of the field they stand for:
// each is given the field's label, and each chosen item's cross says what it removes, so that
// a screen reader names them. Done once Select2 has drawn them (jQuery's ready), and again
// after every choice.
(function () {
  function nameOf(container) {
    var id = container.id.replace(/^s2id_/, "");
    var label = id && document.querySelector('label[for="' + id + '"]');
    var name = label ? label.textContent.replace(/\s*\*\s*$/, "").trim() : "";
    if (!name) {
      var field = id && document.getElementById(id);
      name = field ? field.getAttribute("aria-label") || field.getAttribute("placeholder") || "" : "";
    }
    return name;
  }
  function label() {
    var remove = document.body.getAttribute("data-remove-label") || "×";
    document.querySelectorAll(".select2-container").forEach(function (container) {
      var name = nameOf(container);
      if (name) {
        container.querySelectorAll("input.select2-focusser, input.select2-input").forEach(
          function (control) {
            control.setAttribute("aria-label", name);
            control.removeAttribute("aria-labelledby");
          }
        );
        // The focusser is a text box (typing opens the choices), not a button.
        container.querySelectorAll("input.select2-focusser[role=button]").forEach(function (box) {
          box.removeAttribute("role");
        });
        // The drawn choice: the field's name, then what it shows.
        container.querySelectorAll("a.select2-choice").forEach(function (choice) {
          var shown = choice.textContent.trim();
          choice.setAttribute("aria-label", shown ? name + " : " + shown : name);
        });
      }
      container.querySelectorAll(".select2-search-choice").forEach(function (choice) {
        var close = choice.querySelector(".select2-search-choice-close");
        if (close) {
          close.setAttribute("aria-label", remove + " " + choice.textContent.trim());
          close.setAttribute("role", "button");
        }
      });
    });
  }
  if (window.jQuery) {
    window.jQuery(function () {
      window.setTimeout(label, 0);
    });
    window.jQuery(document).on("change", function () {
      window.setTimeout(label, 0);
    });
  }
})();

// The menus open from the keyboard too: Enter or Space on a menu's toggle opens it (the two
// dropdown scripts Flask-Admin loads would otherwise both answer the click Enter makes).
document.addEventListener("keydown", function (event) {
  var toggle = event.target.closest('[data-toggle="dropdown"]');
  if (!toggle || (event.key !== "Enter" && event.key !== " ") || !window.jQuery) {
    return;
  }
  event.preventDefault();
  window.jQuery(toggle).dropdown("toggle");
});

// A field's help text under it is read with the field (Flask-Admin only places it there).
document.querySelectorAll("form.admin-form .form-group").forEach(function (group, index) {
  var help = group.querySelector(":scope > small.form-text, :scope > .input-group > small.form-text");
  var field = group.querySelector("input:not([type=hidden]), select, textarea");
  if (help && field) {
    help.id = help.id || "field-help-" + index;
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? described + " " + help.id : help.id);
  }
});
