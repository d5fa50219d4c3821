// @ts-check
// The Tagger with its author tools, as an anywidget front-end module: what Jupyter (widget.py)
// loads for Tagger(..., mode="author").

import { renderWithAuthorTools } from "../tagger/author_tools.js";
import { keepEnterInBoxes } from "./jupyter_enter.js";

export default { render: keepEnterInBoxes(renderWithAuthorTools) };
