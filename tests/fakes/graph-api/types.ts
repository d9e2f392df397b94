export interface GraphRequest {
  readonly method: string;
  /** the path after the version, split: ['104…', 'feed'] */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: Record<string, any>;
  readonly url: URL;
  /** `${origin}/${version}`, for paging URLs */
  readonly base: string;
  /** the page whose token authorized the call */
  readonly pageId: string;
  readonly now: number;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}
