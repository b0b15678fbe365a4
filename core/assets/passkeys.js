// Roster's one script: the passkey ceremonies of the pages (WebAuthn exists only as a browser script
// API). Static and first-party (CSP `script-src 'self'`), no framework; loaded only by the pages
// that hold a passkey control. Every control it drives is `hidden` in the HTML: a browser without
// WebAuthn (or without script) never sees them, and the rest of the page works without it.
//
// What it does, by what the page holds:
// - `[data-passkey-only]`: shown when the browser has WebAuthn; `[data-passkey-missing]`: hidden then.
// - `form[data-passkey-create]` (the "Add a passkey" page): its button runs
//   `navigator.credentials.create()` with the options in `#passkey-options` (a JSON data block the
//   server wrote), puts the answer in the form's `credential` field and submits the form.
// - `form[data-passkey-get]` (sign-in, and the second step of a sign-in): its button asks the server
//   for options (`data-options`, a same-origin POST carrying the form's `csrf_token`), runs
//   `navigator.credentials.get()`, puts the ceremony and the answer in the form and submits it. On
//   the sign-in page (`data-conditional`), a browser that offers passkey autofill on the email
//   field gets a waiting request for it when the field first takes the focus; the button
//   cancels it first.
// Any failure is written into the form's `[data-passkey-error]` (role="alert") and nothing is sent.
(function () {
  "use strict";

  var supported =
    typeof window.PublicKeyCredential === "function" &&
    !!navigator.credentials &&
    typeof navigator.credentials.create === "function";

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  each("[data-passkey-missing]", function (el) {
    el.hidden = supported;
  });
  if (!supported) return;
  each("[data-passkey-only]", function (el) {
    el.hidden = false;
  });

  // base64url (WebAuthn's JSON) to bytes and back.
  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var raw = atob(b64);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out.buffer;
  }
  function text(buffer) {
    if (!buffer) return null;
    var view = new Uint8Array(buffer);
    var raw = "";
    for (var i = 0; i < view.length; i++) raw += String.fromCharCode(view[i]);
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(json) {
    var o = Object.assign({}, json.publicKey);
    o.challenge = bytes(o.challenge);
    o.user = Object.assign({}, o.user, { id: bytes(o.user.id) });
    o.excludeCredentials = (o.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return o;
  }
  function requestOptions(json) {
    var o = Object.assign({}, json.publicKey);
    o.challenge = bytes(o.challenge);
    o.allowCredentials = (o.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: bytes(c.id) });
    });
    return o;
  }

  function created(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      response: {
        clientDataJSON: text(r.clientDataJSON),
        attestationObject: text(r.attestationObject),
        transports: typeof r.getTransports === "function" ? r.getTransports() : [],
      },
      extensions: {},
    };
  }
  function asserted(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: text(r.authenticatorData),
        clientDataJSON: text(r.clientDataJSON),
        signature: text(r.signature),
        userHandle: text(r.userHandle),
      },
      extensions: {},
    };
  }

  function say(form, message) {
    var box = form.querySelector("[data-passkey-error]");
    if (box) {
      box.textContent = message;
      box.hidden = false;
    }
  }
  // The words come from the page, in its language: the error box's data-cancelled,
  // data-exists and data-failed (where "%s" stands for the browser's own reason).
  function why(form, error) {
    var box = form.querySelector("[data-passkey-error]");
    var words = (box && box.dataset) || {};
    if (error && error.name === "NotAllowedError") {
      return words.cancelled || "The passkey was not used.";
    }
    if (error && error.name === "InvalidStateError") {
      return words.exists || "This device already holds a passkey for your login.";
    }
    var detail = error && error.message ? error.message : String(error);
    return (words.failed || "The passkey did not work here (%s).").replace("%s", detail);
  }
  function field(form, name) {
    return form.querySelector('[name="' + name + '"]');
  }

  // The "Add a passkey" page.
  each("form[data-passkey-create]", function (form) {
    var data = document.getElementById("passkey-options");
    if (!data) return;
    form.addEventListener("submit", function (event) {
      if (field(form, "credential").value) return;
      event.preventDefault();
      var options;
      try {
        options = creationOptions(JSON.parse(data.textContent));
      } catch (e) {
        say(form, why(form, e));
        return;
      }
      navigator.credentials.create({ publicKey: options }).then(
        function (credential) {
          field(form, "credential").value = JSON.stringify(created(credential));
          form.submit();
        },
        function (error) {
          say(form, why(form, error));
        }
      );
    });
  });

  // Sign-in with a passkey (alone, or as the second step).
  each("form[data-passkey-get]", function (form) {
    var waiting = null;

    function options() {
      var body = new URLSearchParams();
      body.set("csrf_token", field(form, "csrf_token").value);
      return fetch(form.getAttribute("data-options"), {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        body: body,
      }).then(function (answer) {
        return answer.json().then(function (json) {
          if (!answer.ok) throw new Error(json.detail || json.title || answer.statusText);
          return json;
        });
      });
    }

    function run(mediation) {
      var abort = new AbortController();
      if (mediation) waiting = abort;
      return options().then(function (began) {
        var request = { publicKey: requestOptions(began.options), signal: abort.signal };
        if (mediation) request.mediation = mediation;
        return navigator.credentials.get(request).then(function (credential) {
          field(form, "ceremony").value = began.ceremony;
          field(form, "credential").value = JSON.stringify(asserted(credential));
          form.submit();
        });
      });
    }

    form.addEventListener("submit", function (event) {
      if (field(form, "credential").value) return;
      event.preventDefault();
      if (waiting) {
        waiting.abort();
        waiting = null;
      }
      run(null).catch(function (error) {
        say(form, why(form, error));
      });
    });

    // Passkey autofill: asked for when the person first goes to the email field (not as the
    // page opens, so that a ceremony is begun only for someone signing in).
    var email = document.querySelector('input[autocomplete~="webauthn"]');
    if (
      email &&
      form.hasAttribute("data-conditional") &&
      typeof PublicKeyCredential.isConditionalMediationAvailable === "function"
    ) {
      email.addEventListener(
        "focus",
        function () {
          PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
            // Autofill that fails or is cancelled says nothing: the forms are still there.
            if (available && !waiting) run("conditional").catch(function () {});
          });
        },
        { once: true }
      );
    }
  });
})();
