// @ts-check
// Chapter 7 (reading laterally): the search-results choice and the claim chain.
// Plain forms in the page do the work; this script only adds checking and feedback.
// It needs no tagger widget and no network, and writes text with textContent only.

const GOOD_REASON =
  /\b(about him|other people|others|independent|who wrote|written by|reference|source|fact.?check|not (by )?him|agency|plain|neutral|evidence)/i;

/**
 * What to say for each choice of the link the article never shows, by the radio button's value.
 * @type {Record<string, string>}
 */
const MISSING_LINK_FEEDBACK = {
  1: "Not quite. Bild is named, so you could find its article. Which link does our article say exists but never show you, with no date and no address?",
  2: "Yes. The article says there is a tweet and sums up what it alleged (L194), but it never shows the tweet, its date or a link to it. Only one word might be the tweet's own: ‘information’, in quotation marks, and even those marks may only show doubt. Finding the original tweet is the first thing a fact-checker would do: it shows exactly what Romanenko wrote, and when.",
  3: "Not quite. Romanenko is named, so you can read about him (see the cards). Which link does our article say exists but never show you?",
  4: "Close: the agents are unnamed, so nobody can check them. But the article never says it heard from them. Which link does the article say it has, yet never shows you?",
};

/**
 * The element under `parent` that the chapter's markup always has (this script runs on that page only), typed as
 * the caller uses it; a missing one fails where it is first used.
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {T}
 */
function part(parent, selector) {
  return /** @type {T} */ (parent.querySelector(selector));
}

/**
 * Put a message in the form's polite live region as a fresh paragraph, so it is announced every time.
 * @param {HTMLFormElement} form
 * @param {string} text
 */
function announce(form, text) {
  const p = document.createElement("p");
  p.textContent = text;
  part(form, ".lateral-live").replaceChildren(p);
}

/**
 * Return the element's child with the given class, creating an empty paragraph at the end if there is none.
 * @param {Element} parent
 * @param {string} className
 * @returns {Element}
 */
function resultSlot(parent, className) {
  let slot = parent.querySelector(`:scope > .${className}`);
  if (!slot) {
    slot = document.createElement("p");
    slot.className = className;
    parent.append(slot);
  }
  return slot;
}

/**
 * The search-results choice: check the chosen result and the reason written for it, or show every result's feedback.
 * @param {HTMLFormElement} form
 */
function setUpResults(form) {
  /** @type {HTMLTextAreaElement} */
  const reason = part(form, "textarea");
  const results = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".lateral-result"))];

  part(form, '[data-action="check-result"]').addEventListener("click", () => {
    /** @type {HTMLInputElement | null} */
    const chosen = form.querySelector('input[type="radio"]:checked');
    if (!chosen) {
      announce(form, "Choose one result first.");
      part(form, 'input[type="radio"]').focus();
      return;
    }
    if (!reason.value.trim()) {
      announce(form, "Write one sentence first: why would you open this result?");
      reason.focus();
      return;
    }
    for (const result of results) {
      const isChosen = result.contains(chosen);
      result.classList.toggle("lateral-chosen", isChosen);
      part(result, ".lateral-result-feedback").hidden = !isChosen;
      const badge = result.querySelector(".lateral-choice-badge");
      if (badge) badge.remove();
      if (isChosen) {
        const mark = document.createElement("span");
        mark.className = "lateral-choice-badge";
        mark.textContent = "Your choice";
        part(result, "label").prepend(mark);
      }
    }
    const feedback = part(/** @type {Element} */ (chosen.closest(".lateral-result")), ".lateral-result-feedback");
    const aboutReason = GOOD_REASON.test(reason.value)
      ? "Your reason is about who wrote the page or where its facts come from: that is what fact-checkers look at."
      : "Now look at your reason: does it say who wrote the page, and whether the page is about him or by him? That is what fact-checkers look at.";
    announce(form, `${feedback.textContent} ${aboutReason}`);
  });

  part(form, '[data-action="show-all-results"]').addEventListener("click", () => {
    for (const result of results) part(result, ".lateral-result-feedback").hidden = false;
    announce(form, "Feedback is now shown under every result.");
  });
}

/**
 * The claim chain: compare each link written in with the model answer, and the link marked missing with ours.
 * @param {HTMLFormElement} form
 */
function setUpChain(form) {
  part(form, '[data-action="check-chain"]').addEventListener("click", () => {
    const links = [.../** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".lateral-link"))];
    let filled = 0;
    let matching = 0;
    for (const link of links) {
      /** @type {HTMLInputElement} */
      const box = part(link, 'input[type="text"]');
      const answer = box.value.trim();
      const slot = resultSlot(link, "lateral-link-result");
      if (!answer) {
        slot.textContent = "Empty: fill in this link first.";
        continue;
      }
      filled += 1;
      if (new RegExp(/** @type {string} */ (link.dataset.expect), "i").test(answer)) {
        matching += 1;
        slot.textContent = `Yes. ${link.dataset.answer}`;
      } else {
        slot.textContent = `Compare with: ${link.dataset.answer}`;
      }
    }
    /** @type {HTMLInputElement | null} */
    const missing = form.querySelector('input[name="lateral-missing"]:checked');
    const missingText = missing
      ? MISSING_LINK_FEEDBACK[missing.value]
      : "Now mark the link that the article says exists but never shows you.";
    const summary = filled
      ? `${matching} of ${links.length} links match the model answer.`
      : "Fill in the links first.";
    announce(form, `${summary} ${missingText}`);
  });
}

/** Wire up every chapter 7 form on the page and show its buttons, which stay hidden when this script does not run. */
function setUp() {
  for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll("form[data-lateral]"))) {
    form.addEventListener("submit", (event) => event.preventDefault());
    if (form.dataset.lateral === "results") setUpResults(form);
    if (form.dataset.lateral === "chain") setUpChain(form);
    const actionRows = /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll(".lateral-actions"));
    for (const actions of actionRows) actions.hidden = false;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
