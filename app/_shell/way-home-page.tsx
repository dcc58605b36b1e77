import Link from "next/link";
import type { ReactNode } from "react";

/** A page that can't be shown (not found, another role's): what happened, and the way home. */
export function WayHomePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-3 text-muted">{children}</p>
      <p className="mt-6">
        <Link href="/" className="font-medium text-accent-strong underline underline-offset-4">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
