// @ts-check
// The tag list as immutable data: add, remove, change one tag, reading order. Every change
// returns a new array in which untouched tags are the same objects, so the views can tell what
// changed by identity (see tag_index.js).

/** @typedef {import("../core/types.js").Tag} Tag */

/**
 * The next free id of the form t<n>.
 * @param {Tag[]} tags
 */
export function nextTagId(tags) {
  return `t${Math.max(0, ...tags.map((t) => Number(/^t(\d+)$/.exec(t.id)?.[1] || 0))) + 1}`;
}

/**
 * Add a tag unless the same label already covers exactly the same range.
 * @param {Tag[]} tags
 * @param {Tag} tag
 * @returns {{tags: Tag[], error: null | "duplicate", twin?: Tag}}
 */
export function addTag(tags, tag) {
  const twin = tags.find((t) => t.label === tag.label && t.start === tag.start && t.end === tag.end);
  return twin ? { tags, error: "duplicate", twin } : { tags: [...tags, tag], error: null };
}

/**
 * Remove a tag and every claim's link to it.
 * @param {Tag[]} tags
 * @param {string} id
 * @returns {Tag[]}
 */
export function removeTag(tags, id) {
  return tags
    .filter((t) => t.id !== id)
    .map((t) => ((t.source_ids || []).includes(id) ? { ...t, source_ids: t.source_ids.filter((s) => s !== id) } : t));
}

/**
 * Replace some fields of one tag.
 * @param {Tag[]} tags
 * @param {string} id
 * @param {Partial<Tag>} patch
 * @returns {Tag[]}
 */
export function updateTag(tags, id, patch) {
  return tags.map((t) => (t.id === id ? { ...t, ...patch } : t));
}

/**
 * Tags in reading order: by start, longer first.
 * @template {{id: string, start: number, end: number}} T
 * @param {T[]} tags
 * @returns {T[]}
 */
export function sortTags(tags) {
  return [...tags].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
}
