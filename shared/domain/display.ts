/** The waiting-area screen: ticket numbers and desk names only, never a person's name. */
export interface DisplayCall {
  number: string;
  deskName: string;
  calledAt: number;
  recall: boolean;
}

export interface DisplayState {
  siteName: string;
  /** Newest first. */
  recentCalls: DisplayCall[];
  waiting: Array<{ serviceName: string; letter: string; count: number }>;
}
