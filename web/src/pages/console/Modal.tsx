/**
 * A modal dialog in dkfds' look (`fds-modal`): the native `<dialog>` opened with `showModal()`, so
 * the rest of the page is inert; Tab and Shift+Tab go round inside it; Escape and the close button
 * close it; and the focus goes back to what opened it. Its heading names it for screen readers.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  id: string;
  heading: string;
  onClose: () => void;
  children: ComponentChildren;
}

export function Modal({ id, heading, onClose, children }: ModalProps) {
  const { texts } = useConsoleTexts();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (dialog.querySelector<HTMLElement>('[autofocus], textarea, input, select') ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected === true) opener.focus();
    };
  }, []);

  const trapTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || ref.current === null) return;
    const stops = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (first === undefined || last === undefined) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      id={id}
      class="fds-modal show-modal spire-modal"
      aria-labelledby={`${id}-heading`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={trapTab}
    >
      <div class="modal-content">
        <div class="modal-header">
          <h2 class="modal-title" id={`${id}-heading`}>
            {heading}
          </h2>
          <button type="button" class="modal-close function-link" onClick={onClose}>
            {texts.console.close}
          </button>
        </div>
        <div class="modal-body">{children}</div>
      </div>
    </dialog>
  );
}
