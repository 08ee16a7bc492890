// Trunk's initializer for the WebAssembly (index.html's data-initializer). While it arrives, the
// first paint's loading line shows how much is here; if it cannot be had (the network failed, or
// the browser cannot run it), the first paint says so instead of loading for ever.
const paint = () => document.getElementById("first-paint");

const start = () => ({
  onProgress({ current, total }) {
    const bar = paint()?.querySelector(".first-paint-loading progress");
    if (bar && total > 0) bar.value = Math.min(current / total, 1);
  },
  onFailure() {
    const shell = paint();
    shell?.querySelector(".first-paint-loading")?.setAttribute("hidden", "");
    shell?.querySelector(".first-paint-failed")?.removeAttribute("hidden");
  },
});

export { start as default };
