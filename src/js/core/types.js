// @ts-check
// The shapes the front end shares with the Python library (see book/instructors/formats.md):
// the compiled exercise (`medialit.exercise/1`), tags and hand-ins. Types only, no code.

/**
 * One token of the article: code-point offsets, its text and the white space after it.
 * @typedef {{i: number, start: number, end: number, text: string, ws: string, line: number, para: number}} Token
 */

/**
 * One label of the exercise; `attrs` maps an attribute to its choices, or "text" for free text.
 * @typedef {{name: string, title: string, help?: string, shortcut?: string, letter?: string,
 *   attrs?: Record<string, string[] | "text">}} Label
 */

/**
 * A key item or distractor as the compiled exercise carries it.
 * @typedef {{id: string, label: string, start: number, end: number, quote: string, line?: number,
 *   attrs?: Record<string, any>, entity?: string | null, source_ids?: string[] | null, why?: string,
 *   hints?: string[], accept?: {start: number, end: number, quote: string}[], optional?: boolean,
 *   labels?: string[]}} KeyItem
 */

/**
 * The compiled article. `part` is there when a chapter shows only some lines.
 * @typedef {{sha256: string, text: string, tokens: Token[],
 *   paragraphs: {index: number, line: number, start: number, end: number}[],
 *   sentences?: {start: number, end: number}[],
 *   part?: {lines: [number, number], start: number, end: number}}} Article
 */

/**
 * The compiled exercise (`Exercise.compile()`), what the widget and the checker read.
 * @typedef {{format: string, id: string, title: string, instructions: string, difficulty: string,
 *   tolerance?: number, article: Article, labels: Label[], key: KeyItem[], distractors: KeyItem[]}} Exercise
 */

/**
 * One student tag (or, in author mode, one key item being written).
 * @typedef {{id: string, label: string, start: number, end: number, quote: string,
 *   attrs: Record<string, any>, source_ids: string[], note: string, why?: string, entity?: string,
 *   hints?: string[], optional?: boolean, accept?: {start: number, end: number, quote: string}[]}} Tag
 */

/**
 * A hand-in file (`medialit.handin/1`).
 * @typedef {{format: string, exercise: string, article_sha256: string, student: string, created: string,
 *   updated: string, tags: Tag[]}} HandIn
 */

/**
 * The anywidget model API the Tagger uses (Jupyter's, or the book page's stand-in).
 * @typedef {{get(name: string): any, set(name: string, value: any): void, save_changes(): void,
 *   on(event: string, handler: (...args: any[]) => void): void,
 *   off(event: string, handler?: (...args: any[]) => void): void, send(message: any): any}} Model
 */

export {};
