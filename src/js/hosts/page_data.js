// @ts-check
// The exercise data a book page carries, unpacked. The `{tagger}` directive writes the compiled
// exercise with its tokens and sentences packed (src/medialit/web/page_data.py); this gives back
// exactly the objects `Exercise.compile()` made, so the Tagger and Check read the usual shape.

/** @typedef {import("../core/types.js").Exercise} Exercise */
/** @typedef {import("../core/types.js").Token} Token */

export const PACKED_FORMAT = "medialit.packed/1";

/**
 * @typedef {object} Packed
 * @property {string} format PACKED_FORMAT
 * @property {number} first the first token's index in the whole article
 * @property {number[]} gaps code points from one token's end to the next one's start (the first: its start)
 * @property {number[]} lengths each token's length in code points
 * @property {number} tail the last token's white space, in code points
 * @property {number[]} paras pairs: the token (counted in the part) where a paragraph starts, and its index
 * @property {number[]} sentences start and end of each sentence, each number counted from the one before
 */

/**
 * 1-based line of each code point offset (Article.line_of): a list of line starts.
 * @param {string[]} chars
 */
function lineStarts(chars) {
  const starts = [0];
  chars.forEach((ch, i) => {
    if (ch === "\n") starts.push(i + 1);
  });
  return starts;
}

/**
 * The tokens of a packed article.
 * @param {Packed} packed
 * @param {string[]} chars the article's code points
 * @returns {Token[]}
 */
export function unpackTokens(packed, chars) {
  const starts = lineStarts(chars);
  /** @type {Token[]} */
  const tokens = [];
  let line = 0;
  let para = 0;
  let nextPara = 0;
  let end = 0;
  const count = packed.lengths.length;
  for (let k = 0; k < count; k++) {
    const start = end + packed.gaps[k];
    end = start + packed.lengths[k];
    const wsEnd = k + 1 < count ? end + packed.gaps[k + 1] : end + packed.tail;
    while (line + 1 < starts.length && starts[line + 1] <= start) line++;
    if (packed.paras[nextPara] === k) {
      para = packed.paras[nextPara + 1];
      nextPara += 2;
    }
    tokens.push({
      i: packed.first + k,
      start,
      end,
      text: chars.slice(start, end).join(""),
      ws: chars.slice(end, wsEnd).join(""),
      line: line + 1,
      para,
    });
  }
  return tokens;
}

/**
 * The compiled exercise from a book page's data: packed parts unpacked, anything else as it is.
 * @param {any} data
 * @returns {Exercise}
 */
export function unpackExercise(data) {
  const packed = data?.article?.packed;
  if (!packed) return data;
  if (packed.format !== PACKED_FORMAT)
    throw new Error(`its exercise data is packed as “${packed.format}”, which this page cannot read`);
  const { packed: _, ...article } = data.article;
  const chars = Array.from(/** @type {string} */ (article.text));
  let at = 0;
  /** @type {{start: number, end: number}[]} */
  const sentences = [];
  for (let n = 0; n + 1 < packed.sentences.length; n += 2) {
    const start = at + packed.sentences[n];
    at = start + packed.sentences[n + 1];
    sentences.push({ start, end: at });
  }
  return { ...data, article: { ...article, tokens: unpackTokens(packed, chars), sentences } };
}
