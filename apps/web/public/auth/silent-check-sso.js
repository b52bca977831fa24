// The identity provider's answer to the app's silent session check (a code, or an error such
// as login_required) is this frame's address; the app, at the same origin, reads it there.
// A file of its own because the content security policy allows no inline script.
globalThis.parent.postMessage(globalThis.location.href, globalThis.location.origin);
