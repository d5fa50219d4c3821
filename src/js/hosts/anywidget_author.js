// @ts-check
// The Tagger with its author tools, as an anywidget front-end module: what Jupyter (widget.py)
// loads for Tagger(..., mode="author").

import { renderWithAuthorTools } from "../tagger/author_tools.js";
import { keepKeysInBoxes } from "./jupyter_keys.js";

export default { render: keepKeysInBoxes(renderWithAuthorTools) };
