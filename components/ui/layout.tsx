import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        {description ? <p className="mt-1 max-w-prose text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ children, className = "", as: Tag = "section" }: { children: ReactNode; className?: string; as?: "section" | "div" | "article" | "li" }) {
  return <Tag className={`rounded-xl border border-line bg-white p-4 sm:p-5 ${className}`}>{children}</Tag>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-white/60 p-6 text-center">
      <p className="font-medium text-ink">{title}</p>
      {children ? <div className="mt-2 text-muted">{children}</div> : null}
    </div>
  );
}

export function Notice({ tone = "info", children, role }: { tone?: "info" | "warn" | "danger" | "success"; children: ReactNode; role?: "alert" | "status" }) {
  const tones = {
    info: "border-line bg-white text-ink",
    success: "border-accent/40 bg-accent-soft text-ink",
    warn: "border-warn/40 bg-warn-soft text-ink",
    danger: "border-danger/40 bg-danger-soft text-ink",
  } as const;
  return (
    <div role={role} className={`rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

export function StatCard({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl border border-line bg-white p-4">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold text-ink">{value}</dd>
    </div>
  );
}

/**
 * The main area of a page shown before or outside signing in: one narrow column, near the top of the screen rather
 * than centred. A centred column moves up while the rest of the page arrives, which a slow phone sees as a jump.
 */
export function PublicMain({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-start justify-center px-4 pb-10 pt-12 sm:pt-24">
      {children}
    </main>
  );
}
