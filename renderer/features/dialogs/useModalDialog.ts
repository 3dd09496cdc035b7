import { useEffect, useRef } from 'react';

/**
 * A ref for a `<dialog>` shown modal while the component is mounted; Escape (the dialog's
 * `cancel` event) calls `onClose` instead of closing it behind React's back.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => dialog?.removeEventListener('cancel', onCancel);
  }, [onClose]);
  return ref;
}
