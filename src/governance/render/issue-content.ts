/** The kind-specific parts of a per-key issue, assembled by `renderKeyIssue`. */
export interface IssueContent {
  /** Ends the title and starts the body, e.g. "rotation overdue". */
  headline: string;
  /** What is wrong, what the policy says and why: Markdown paragraphs or bullets. */
  policy: string;
  /** The checklist that fixes it. */
  steps: string;
}
