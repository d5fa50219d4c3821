// @ts-check
// Enter and Ctrl+Z in the Tagger's boxes inside Jupyter. JupyterLab and Notebook 7 (JupyterFrontEnd.evtKeydown
// in @jupyterlab/application) cancel the line break of every Enter typed inside a notebook cell, so that
// Shift+Enter runs the cell without adding a line; JupyterLab also cancels the browser's own undo and redo
// anywhere in a notebook, whose own undo is for its cells. A widget in a cell's output is inside both, and the
// `data-lm-suppress-shortcuts` its boxes carry does not stop it. Cancelled, Enter in a text box does nothing
// (the name box is not saved: the browser sends no change; a text area gets no new line), nor does Ctrl+Z.

/** What the browser does for those keys in a box, as a `beforeinput` event names it. */
const BOX_OWN = new Set(["insertLineBreak", "historyUndo", "historyRedo"]);

/**
 * A render that keeps those keys in the widget's boxes the boxes' own: their input stops at the widget's
 * element, before the listener Jupyter puts on the box can cancel it. No Jupyter shortcut runs from the
 * widget's boxes (dom.js), so none waits for those keys.
 * @template {{el: HTMLElement}} P
 * @template R
 * @param {(props: P) => R} render
 * @returns {(props: P) => R}
 */
export const keepKeysInBoxes = (render) => (props) => {
  props.el.addEventListener(
    "beforeinput",
    (e) => {
      if (BOX_OWN.has(e.inputType)) e.stopPropagation();
    },
    true,
  );
  return render(props);
};
