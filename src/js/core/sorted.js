// @ts-check
/** Binary search over sorted numbers, as Python's bisect module does it (check.py and tally.py use bisect). */

/**
 * Index of the first value in the sorted array `values` that is >= `x` (Python's bisect_left).
 * @param {number[]} values
 * @param {number} x
 */
export function bisectLeft(values, x) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the first value in the sorted array `values` that is > `x` (Python's bisect_right).
 * @param {number[]} values
 * @param {number} x
 */
export function bisectRight(values, x) {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
