// @ts-check
// The Tagger with its author tools, as an anywidget front-end module: what Jupyter (widget.py)
// loads for Tagger(..., mode="author").

import { AUTHOR_TOOLS } from "../tagger/author_tools.js";
import { render } from "../tagger/tagger.js";

/** @param {Parameters<typeof render>[0]} host */
const renderAuthor = (host) => render(host, AUTHOR_TOOLS);

export default { render: renderAuthor };
