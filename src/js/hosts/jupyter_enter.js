// @ts-check
// Enter in the Tagger's boxes inside Jupyter. JupyterLab and Notebook 7 (JupyterFrontEnd.evtKeydown in
// @jupyterlab/application) cancel the line break of every Enter typed inside a notebook cell, so that
// Shift+Enter runs the cell without adding a line; a widget in the cell's output is inside the cell too,
// and the `data-lm-suppress-shortcuts` its boxes carry does not stop it. Cancelled, Enter in a text box
// does nothing: the name box is not saved (the browser sends no change) and a text area gets no new line.

/**
 * A render that keeps Enter in the widget's boxes the boxes' own: the line break stops at the widget's
 * element, before the listener Jupyter puts on the box can cancel it. No Jupyter shortcut runs from the
 * widget's boxes (dom.js), so none waits for that Enter.
 * @template {{el: HTMLElement}} P
 * @template R
 * @param {(props: P) => R} render
 * @returns {(props: P) => R}
 */
export const keepEnterInBoxes = (render) => (props) => {
  props.el.addEventListener(
    "beforeinput",
    (e) => {
      if (e.inputType === "insertLineBreak") e.stopPropagation();
    },
    true,
  );
  return render(props);
};
