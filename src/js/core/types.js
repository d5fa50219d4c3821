// @ts-check
// The shapes the front end shares with the Python library (see book/instructors/formats.md):
// the compiled exercise (`medialit.exercise/1`), tags and hand-ins. Types only, no code.

/**
 * One token of the article: code-point offsets, its text and the white space after it.
 * @typedef {{i: number, start: number, end: number, text: string, ws: string, line: number, para: number}} Token
 */

/**
 * One label of the exercise; `attrs` maps an attribute to its choices, or "text" for free text.
 * `noun`/`plural` name one or more of its tags in a sentence; `test` is its one-line test.
 * @typedef {{name: string, title: string, help?: string, test?: string, noun?: string, plural?: string,
 *   shortcut?: string, letter?: string, attrs?: Record<string, string[] | "text">}} Label
 */

/**
 * A key item or distractor as the compiled exercise carries it.
 * @typedef {{id: string, label: string, start: number, end: number, quote: string, line?: number,
 *   attrs?: Record<string, any>, entity?: string | null, source_ids?: string[] | null, why?: string,
 *   hints?: string[], accept?: {start: number, end: number, quote: string}[], optional?: boolean,
 *   labels?: string[], draft?: boolean, reason?: string, confidence?: number, mentions?: string[],
 *   why_message?: Message}} KeyItem
 */

/**
 * A distractor being written in author mode (widget ids d1, d2 … until it is saved).
 * @typedef {{id: string, start: number, end: number, quote: string, labels: string[], why: string,
 *   draft?: boolean}} Distractor
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
 *   tolerance?: number, article: Article, labels: Label[], all_labels?: Label[], key: KeyItem[], distractors: KeyItem[],
 *   context?: KeyItem[], voice_runs?: [number, number, string][],
 *   reported_runs?: number[][]}} Exercise
 */

/**
 * One student tag (or, in author mode, one key item being written; `listed` holds the lists of values
 * its attributes stand for, their first value in `attrs`; `draft`, `reason` and `confidence` are an
 * unreviewed suggestion's).
 * @typedef {{id: string, label: string, start: number, end: number, quote: string,
 *   attrs: Record<string, any>, source_ids: string[], note: string, why?: string, entity?: string,
 *   hints?: string[], optional?: boolean, accept?: {start: number, end: number, quote: string}[],
 *   listed?: Record<string, string[]>, draft?: boolean, reason?: string, confidence?: number}} Tag
 */

/**
 * A hand-in file (`medialit.handin/1`).
 * @typedef {{format: string, exercise: string, article_sha256: string, student: string, created: string,
 *   updated: string, tags: Tag[], answers?: Record<string, {question: string, text: string}>}} HandIn
 */

/**
 * The anywidget model API the Tagger uses (Jupyter's, or the book page's stand-in).
 * @typedef {{get(name: string): any, set(name: string, value: any): void, save_changes(): void,
 *   on(event: string, handler: (...args: any[]) => void): void,
 *   off(event: string, handler?: (...args: any[]) => void): void, send(message: any): any}} Model
 */

/**
 * A finding about one tag: a code from the checker and the values its message needs.
 * @typedef {{code: string, args: Record<string, any>}} Finding
 */

/**
 * One attribute of a key item against the student's choice.
 * @typedef {{expected: string[], given: any, verdict: string}} AttrResult
 */

/**
 * Which sources a claim is linked to, by entity.
 * @typedef {{expected: string[], given: string[], verdict: string, expected_quotes: string[],
 *   expected_lines: number[]}} AttributionResult
 */

/**
 * One key item in a Report (`medialit.report/2`).
 * @typedef {{key_id: string, label: string, line: number | undefined, start: number, end: number, quote: string,
 *   optional: boolean, verdict: string, tag_id: string | null, tag_label: string | null, tag_quote: string | null,
 *   overlap: number, attrs: Record<string, AttrResult>, attribution: AttributionResult | null, why: string | undefined,
 *   hints: string[], why_message: Message | null, reported: boolean}} ItemResult
 */

/**
 * One of the student's tags in a Report.
 * @typedef {{tag_id: string, label: string, line: number, start: number, end: number, quote: string,
 *   verdict: string, key_id: string | null, key_label: string | null, key_quote: string | null,
 *   key_line: number | null | undefined, overlap: number, why: string | undefined, findings: Finding[],
 *   why_message: Message | null}} TagResult
 */

/**
 * One label's numbers in a Report.
 * @typedef {{precision: number, recall: number, f1: number, credit: number, tags: number, required: number,
 *   found: number, tagged: number, tagged_in_key: number, attrs_right: number, attrs_asked: number}} Score
 */

/**
 * A tag left out of a hand-in before checking.
 * @typedef {{place: string, code: string, args: Record<string, any>}} Orphan
 */

/**
 * What Check returns (`medialit.report/2`): data only.
 * @typedef {{format: string, exercise: string, article_sha256: string, difficulty: string, labels: string[],
 *   lines: number[] | null, items: ItemResult[], tags: TagResult[], scores: Record<string, Score>,
 *   orphans: Orphan[]}} Report
 */

/**
 * One message to render: a code of the message table and the values its template names.
 * @typedef {{code: string, args: Record<string, any>}} Message
 */

export {};
