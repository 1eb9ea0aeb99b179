/** The signed-in person for components: undefined while looked up or when nobody is signed in; read again on every sign-in. */
import { useEffect, useState } from 'preact/hooks';
import { signedInPerson, type SignedInPerson } from './person.ts';
import { useSessionStatus } from './useSession.ts';

export function usePerson(): { person: SignedInPerson | undefined; known: boolean } {
  const status = useSessionStatus();
  const [state, setState] = useState<{ person: SignedInPerson | undefined; known: boolean }>({ person: undefined, known: false });
  useEffect(() => {
    let current = true;
    if (status !== 'signed-in') {
      setState({ person: undefined, known: status !== 'checking' });
      return;
    }
    void signedInPerson().then(
      (person) => current && setState({ person, known: true }),
      () => current && setState({ person: undefined, known: true }),
    );
    return () => {
      current = false;
    };
  }, [status]);
  return state;
}
