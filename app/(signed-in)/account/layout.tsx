import type { ReactNode } from "react";
import { DataProvider } from "@/components/trpc/provider";

/** The account pages' forms read and change through TanStack Query (each page brings its own shell). */
export default function AccountDataLayout({ children }: { children: ReactNode }) {
  return <DataProvider>{children}</DataProvider>;
}
