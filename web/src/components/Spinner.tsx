/** The dkfds spinner with its status text, announced politely: what the page is waiting for. */
export function Spinner({ label }: { label: string }) {
  return (
    <div class="spinner-box my-5">
      <div class="spinner" aria-hidden="true" />
      <div class="spinner-status" role="status">
        {label}
      </div>
    </div>
  );
}
