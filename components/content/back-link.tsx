import Link from "next/link";
import type { ReactNode } from "react";

/** The "Back to …" link above a page's heading. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} prefetch={false} className="text-accent-strong underline underline-offset-4">
        {children}
      </Link>
    </p>
  );
}
