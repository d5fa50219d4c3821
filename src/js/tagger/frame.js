// @ts-check
// Redraws batched into one animation frame: changes say what to draw, the frame draws it once.

/**
 * A one-frame batcher: `request()` asks for `draw` before the next paint; several requests in
 * one frame draw once. `flush()` draws now when a draw is pending (before focus moves to
 * something the draw creates).
 * @param {() => void} draw
 */
export function frameBatcher(draw) {
  let pending = false;
  let handle = 0;
  const hasFrames = typeof requestAnimationFrame === "function";
  const run = () => {
    if (!pending) return;
    pending = false;
    draw();
  };
  return {
    request() {
      if (pending) return;
      pending = true;
      handle = hasFrames ? requestAnimationFrame(run) : Number(setTimeout(run, 0));
    },
    flush() {
      if (!pending) return;
      if (hasFrames) cancelAnimationFrame(handle);
      else clearTimeout(handle);
      run();
    },
    cancel() {
      if (hasFrames) cancelAnimationFrame(handle);
      else clearTimeout(handle);
      pending = false;
    },
  };
}
