import Link from "next/link";

type RosterClient = { id: string; name: string; email: string; disabled: boolean };

/** The coach's clients; each card opens that client's page. */
export function ClientRoster({ clients }: { clients: RosterClient[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {clients.map((client) => (
        <li key={client.id} className="relative rounded-xl border border-line bg-white p-4 hover:border-accent focus-within:border-accent">
          <Link href={`/coach/clients/${client.id}`} className="font-medium text-accent-strong underline-offset-4 hover:underline after:absolute after:inset-0">
            {client.name}
          </Link>
          <p className="break-all text-sm text-muted">{client.email}</p>
          {client.disabled ? <p className="mt-1 text-sm text-muted">This account is switched off for now.</p> : null}
        </li>
      ))}
    </ul>
  );
}
