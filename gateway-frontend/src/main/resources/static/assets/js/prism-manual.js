// Prism highlights only what the page asks it to (the benchmark's code blocks), not the whole document on load.
window.Prism = window.Prism || {};
window.Prism.manual = true;
