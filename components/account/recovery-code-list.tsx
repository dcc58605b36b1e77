/** Recovery codes, shown once, right after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <>
      <p className="text-muted">
        If your phone is ever lost, each of these codes lets you sign in once. Please keep them somewhere safe, like a password
        manager or a printed page. We show them only this once.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((c) => (
          <li key={c} className="rounded border border-line bg-white px-3 py-1.5">
            {c}
          </li>
        ))}
      </ul>
    </>
  );
}
