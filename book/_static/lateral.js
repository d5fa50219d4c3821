// Chapter 7 (reading laterally): the search-results choice and the claim chain.
// Plain forms in the page do the work; this script only adds checking and feedback.
// It needs no tagger widget and no network, and writes text with textContent only.

const GOOD_REASON =
  /\b(about him|other people|others|independent|who wrote|written by|reference|source|fact.?check|not (by )?him|agency|plain|neutral|evidence)/i;

const MISSING_LINK_FEEDBACK = {
  1: "Not quite. Bild is named, so you could find its article. Which link does our article say exists but never show you, with no date and no address?",
  2: "Yes. The article says there is a tweet and sums up what it alleged (L194), but it never shows the tweet, its date or a link to it. Only one word might be the tweet's own: ‘information’, in quotation marks, and even those marks may only show doubt. Finding the original tweet is the first thing a fact-checker would do: it shows exactly what Romanenko wrote, and when.",
  3: "Not quite. Romanenko is named, so you can read about him (see the cards). Which link does our article say exists but never show you?",
  4: "Close: the agents are unnamed, so nobody can check them. But the article never says it heard from them. Which link does the article say it has, yet never shows you?",
};

/** Put a message in the form's polite live region as a fresh paragraph, so it is announced every time. */
function announce(form, text) {
  const p = document.createElement("p");
  p.textContent = text;
  form.querySelector(".lateral-live").replaceChildren(p);
}

/** Return the element's child with the given class, creating an empty paragraph at the end if there is none. */
function resultSlot(parent, className) {
  let slot = parent.querySelector(`:scope > .${className}`);
  if (!slot) {
    slot = document.createElement("p");
    slot.className = className;
    parent.append(slot);
  }
  return slot;
}

function setUpResults(form) {
  const reason = form.querySelector("textarea");
  const results = [...form.querySelectorAll(".lateral-result")];

  form.querySelector('[data-action="check-result"]').addEventListener("click", () => {
    const chosen = form.querySelector('input[type="radio"]:checked');
    if (!chosen) {
      announce(form, "Choose one result first.");
      form.querySelector('input[type="radio"]').focus();
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
      result.querySelector(".lateral-result-feedback").hidden = !isChosen;
      const badge = result.querySelector(".lateral-choice-badge");
      if (badge) badge.remove();
      if (isChosen) {
        const mark = document.createElement("span");
        mark.className = "lateral-choice-badge";
        mark.textContent = "Your choice";
        result.querySelector("label").prepend(mark);
      }
    }
    const feedback = chosen.closest(".lateral-result").querySelector(".lateral-result-feedback");
    const aboutReason = GOOD_REASON.test(reason.value)
      ? "Your reason is about who wrote the page or where its facts come from: that is what fact-checkers look at."
      : "Now look at your reason: does it say who wrote the page, and whether the page is about him or by him? That is what fact-checkers look at.";
    announce(form, `${feedback.textContent} ${aboutReason}`);
  });

  form.querySelector('[data-action="show-all-results"]').addEventListener("click", () => {
    for (const result of results) result.querySelector(".lateral-result-feedback").hidden = false;
    announce(form, "Feedback is now shown under every result.");
  });
}

function setUpChain(form) {
  form.querySelector('[data-action="check-chain"]').addEventListener("click", () => {
    const links = [...form.querySelectorAll(".lateral-link")];
    let filled = 0;
    let matching = 0;
    for (const link of links) {
      const answer = link.querySelector('input[type="text"]').value.trim();
      const slot = resultSlot(link, "lateral-link-result");
      if (!answer) {
        slot.textContent = "Empty: fill in this link first.";
        continue;
      }
      filled += 1;
      if (new RegExp(link.dataset.expect, "i").test(answer)) {
        matching += 1;
        slot.textContent = `Yes. ${link.dataset.answer}`;
      } else {
        slot.textContent = `Compare with: ${link.dataset.answer}`;
      }
    }
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

function setUp() {
  for (const form of document.querySelectorAll("form[data-lateral]")) {
    form.addEventListener("submit", (event) => event.preventDefault());
    if (form.dataset.lateral === "results") setUpResults(form);
    if (form.dataset.lateral === "chain") setUpChain(form);
    for (const actions of form.querySelectorAll(".lateral-actions")) actions.hidden = false;
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
