/** What the app writes to a governance issue or the dashboard. */
export interface RenderedIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}
