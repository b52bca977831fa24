// Angular's own packages (core, the browser platform, the router, HTTP, forms): on the return
// from the login main.ts imports this before the rest of the signed-in application, so that
// they are evaluated in a task of their own (import-in-stages.ts). What it exports is only
// what makes the bundler put them here; nothing imports it for its values.
export { ApplicationRef } from '@angular/core';
export { createApplication } from '@angular/platform-browser';
export { Router, provideRouter } from '@angular/router';
export { provideHttpClient } from '@angular/common/http';
export { FormControl } from '@angular/forms';
