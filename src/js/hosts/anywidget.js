// @ts-check
// The Tagger as an anywidget front-end module: what Jupyter (widget.py) loads for a student.
// Author mode's Tagger is anywidget_author.js.

import { render } from "../tagger/tagger.js";
import { keepEnterInBoxes } from "./jupyter_enter.js";

export default { render: keepEnterInBoxes(render) };
