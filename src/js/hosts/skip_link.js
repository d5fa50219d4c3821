// @ts-check
// "Skip to the Tagger" on a book page: the theme's skip bar (the first Tab shows it) gets a second link
// that puts focus on the first Tagger's article, so a keyboard gets there in three keys (Tab, Tab,
// Enter) instead of Tabbing through the book's navigation and the page's header buttons.

/** The theme's bar of skip links (pydata-sphinx-theme, under the Jupyter Book theme). */
const SKIP_BAR = "pst-skip-link";

/**
 * Add the link for the page's first Tagger, once; nothing when the page has no Tagger or no skip bar.
 * @param {Document} doc
 */
export function addSkipToTagger(doc = document) {
  const bar = doc.getElementById(SKIP_BAR);
  const mount = /** @type {HTMLElement | null} */ (doc.querySelector("[data-medialit-tagger][data-state=ready]"));
  const article = /** @type {HTMLElement | null} */ (mount?.querySelector(".mt-article"));
  if (!bar || !mount || !article || bar.querySelector(".medialit-skip")) return;
  const link = doc.createElement("a");
  link.className = "medialit-skip";
  link.href = `#${mount.id}`; // where the link goes when the click is not handled here
  link.textContent = "Skip to the Tagger";
  link.style.marginInlineStart = "2em"; // apart from the theme's link, whose focus ring would touch it
  link.addEventListener("click", (e) => {
    e.preventDefault();
    mount.scrollIntoView({ block: "start" });
    article.focus({ preventScroll: true });
  });
  bar.append(link);
}
