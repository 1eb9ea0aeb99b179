/** The session's status for components: re-renders on sign-in, sign-out and redirects. */
import { useEffect, useState } from 'preact/hooks';
import { onSessionChange, sessionStatus, type SessionStatus } from './session.ts';

export function useSessionStatus(): SessionStatus {
  const [status, setStatus] = useState(sessionStatus);
  useEffect(() => onSessionChange(setStatus), []);
  return status;
}
