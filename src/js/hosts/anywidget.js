// @ts-check
// The Tagger as an anywidget front-end module: what Jupyter (widget.py) loads.

import { render } from "../tagger/tagger.js";

export default { render };
