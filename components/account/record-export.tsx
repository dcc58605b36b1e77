"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";

/** Records one export (data.exported) per opening of the printable page; the page's read writes nothing. */
export function RecordExport({ format }: { format: "html" }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.clientData.recordExport.mutationOptions());
  const recorded = useRef(false);
  useEffect(() => {
    if (recorded.current) return;
    recorded.current = true;
    mutate({ format });
  }, [format, mutate]);
  return null;
}
