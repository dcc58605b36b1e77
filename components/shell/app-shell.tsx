import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

export type NavItem = { href: string; label: string };

/** The frame every signed-in page sits in: skip link, brand, role-aware navigation, sign-out. */
export function AppShell({
  nav,
  userName,
  roleLabel,
  signOut,
  notifications,
  children,
}: {
  nav: NavItem[];
  userName: string;
  roleLabel: string;
  signOut: () => Promise<void>;
  /** The notifications button, for the roles that get notifications. */
  notifications?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to main content
      </a>
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" prefetch={false} className="text-lg font-semibold text-accent-strong">
            Hearth
          </Link>
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {nav.map((item) => (
                <li key={item.href}>
                  <NavLink href={item.href}>{item.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-muted sm:inline">
              {userName} · {roleLabel}
            </span>
            {notifications}
            <form action={signOut}>
              <button type="submit" className="rounded-lg border border-line px-3 py-1.5 text-ink hover:bg-stone-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
