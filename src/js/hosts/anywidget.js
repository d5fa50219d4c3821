// @ts-check
// The Tagger as an anywidget front-end module: what Jupyter (widget.py) loads for a student.
// Author mode's Tagger is anywidget_author.js.

import { render } from "../tagger/tagger.js";
import { keepKeysInBoxes } from "./jupyter_keys.js";

export default { render: keepKeysInBoxes(render) };
