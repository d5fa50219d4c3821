// @ts-check
// The class-report page's Web Worker: it reads, checks and tallies the hand-in files away from the
// page, so that 150 files do not freeze it. It is sent the page's exercises once, then one request
// per report (the files, the exercise and what to measure), and answers with progress and the summary.

import { unpackExercise } from "../hosts/page_data.js";
import { summarize } from "./class_summary.js";

/** @type {any} */
const scope = self;
/** @type {Map<string, import("../core/types.js").Exercise>} */
const exercises = new Map();

scope.onmessage = async (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message.type === "exercises") {
    for (const data of message.exercises) {
      const exercise = unpackExercise(data);
      exercises.set(exercise.id, exercise);
    }
    scope.postMessage({ type: "ready" });
    return;
  }
  if (message.type !== "report") return;
  const { request, exercise, files, measure } = message;
  try {
    const summary = await summarize(/** @type {any} */ (exercises.get(exercise)), files, measure, {
      progress: (done, total) => {
        if (done === total || done % 10 === 0) scope.postMessage({ type: "progress", request, done, total });
      },
    });
    scope.postMessage({ type: "summary", request, summary });
  } catch (err) {
    scope.postMessage({ type: "error", request, message: err instanceof Error ? err.message : String(err) });
  }
};
