import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hearth", template: "%s · Hearth" },
  description: "A calm place for reflection between sessions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f6a62" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so Next.js can put this response's CSP nonce (proxy.ts) on its scripts;
  // a page prerendered at build time (the 404 page was one) would carry none, and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        {children}
      </body>
    </html>
  );
}
