/** The assertive live region that speaks new critical alerts to screen reader users. */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div class="visually-hidden" role="alert" aria-atomic="true">
      {message}
    </div>
  );
}
