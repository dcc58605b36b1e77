"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { appTrpc, type AppTrpcClient } from "./app-client";

type CallState<Input, Output> = {
  status: "idle" | "pending" | "success" | "error";
  input?: Input;
  output?: Output;
  error?: Error;
};

/**
 * A change sent through the tab's plain tRPC client, for the client's pages, which go without TanStack Query
 * (decision 0033): `useCall((trpc) => trpc.answers.setSharing.mutate, { onSuccess })`. It tells what was asked,
 * whether it is on its way and how it ended, under the names of TanStack's `useMutation`, so a component reads the
 * same either way. Like `useMutation`'s own handlers, `onSuccess` and `onError` run for every call.
 */
export function useCall<Input, Output>(
  pick: (trpc: AppTrpcClient) => (input: Input) => Promise<Output>,
  handlers: { onSuccess?: (output: Output, input: Input) => void; onError?: (error: Error, input: Input) => void } = {},
) {
  const [state, setState] = useState<CallState<Input, Output>>({ status: "idle" });
  const latest = useRef({ pick, handlers });
  useEffect(() => {
    latest.current = { pick, handlers };
  });
  // Each call gets a number: only the last one sent sets what is shown.
  const sent = useRef(0);

  const mutate = useCallback((input: Input) => {
    const number = ++sent.current;
    setState({ status: "pending", input });
    latest.current.pick(appTrpc())(input).then(
      (output) => {
        if (number === sent.current) setState({ status: "success", input, output });
        latest.current.handlers.onSuccess?.(output, input);
      },
      (error: unknown) => {
        const failure = error instanceof Error ? error : new Error("Something went wrong. Please try again.");
        if (number === sent.current) setState({ status: "error", input, error: failure });
        latest.current.handlers.onError?.(failure, input);
      },
    );
  }, []);

  const shared = { mutate, isPending: state.status === "pending", isSuccess: state.status === "success", variables: state.input, data: state.output };
  // As with TanStack's, `isError` narrows `error` to the error.
  return state.status === "error" && state.error
    ? { ...shared, isError: true as const, error: state.error }
    : { ...shared, isError: false as const, error: null };
}
