/** The dkfds footer: what Spire is, in one sentence. */
import { useTexts } from '../i18n/texts.tsx';

export function Footer() {
  const { texts } = useTexts();
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <p>{texts.common.footer}</p>
        </div>
      </div>
    </footer>
  );
}
