"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const home = href.split("/").length <= 2;
  const active = home ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      // Every page is rendered per request, so a prefetch gets little ahead of time; yet the prefetches of a page's
      // links made the longest task of the client's home at load (99 ms at 4× CPU), and cost data on a phone.
      prefetch={false}
      aria-current={active ? "page" : undefined}
      className={`block rounded-lg px-3 py-2 text-sm ${active ? "bg-accent-soft font-medium text-accent-strong" : "text-ink hover:bg-stone-100"}`}
    >
      {children}
    </Link>
  );
}
