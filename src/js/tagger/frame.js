// @ts-check
// Redraws batched into one animation frame: changes say what to draw, the frame draws it once. Every
// browser that runs the bundles (ES2020) has animation frames, so no timer stands in for them.

/**
 * A one-frame batcher: `request()` asks for `draw` before the next paint; several requests in
 * one frame draw once. `flush()` draws now when a draw is pending (before focus moves to
 * something the draw creates).
 * @param {() => void} draw
 */
export function frameBatcher(draw) {
  let pending = false;
  let handle = 0;
  const run = () => {
    if (!pending) return;
    pending = false;
    draw();
  };
  return {
    request() {
      if (pending) return;
      pending = true;
      handle = requestAnimationFrame(run);
    },
    flush() {
      if (!pending) return;
      cancelAnimationFrame(handle);
      run();
    },
    cancel() {
      cancelAnimationFrame(handle);
      pending = false;
    },
  };
}
