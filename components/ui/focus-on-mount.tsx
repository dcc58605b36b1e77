"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * Takes focus once when it appears: the result of an action that led to a new page (after a
 * navigation, focus would otherwise sit at the top of the page, far from what just happened).
 */
export function FocusOnMount({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className={className}>
      {children}
    </div>
  );
}
