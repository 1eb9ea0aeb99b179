/** What the idea page says after a change made on it (an answer sent, a withdrawal), above the idea read again. */
export interface Notice {
  variant: 'success' | 'info';
  text: 'answered' | 'notWaiting' | 'withdrawn' | 'tooLateToWithdraw';
}
